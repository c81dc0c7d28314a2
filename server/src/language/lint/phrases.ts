/**
 * The phrases quick fixes write, in the script's language. They are the training
 * material's standard phrasings, so a fix never introduces a banned or over-long phrase.
 */
export const FIX_PHRASES = {
  /** The last words to a caller who stayed silent (the material's silent-call ladder). */
  silenceGoodbye: {
    zh: '对不起,您的电话没有声音,请您稍后再拨,再见!',
    en: 'Sorry, I cannot hear you. Please call us again later. Goodbye!',
  },
  /** The goodbye before a hangup. */
  goodbye: {
    zh: '感谢您的来电,再见!',
    en: 'Thank you for calling. Goodbye!',
  },
  /** Asking consent before muting the line. */
  holdConsent: {
    zh: '对不起,请您稍等片刻,好吗?',
    en: 'Would you mind holding for a moment?',
  },
  /** The first words after coming back from a hold. */
  holdReturn: {
    zh: '对不起,让您久等了。',
    en: 'Thank you for holding.',
  },
} as const;
