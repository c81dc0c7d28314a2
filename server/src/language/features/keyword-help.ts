/**
 * One line per keyword saying what it does, in the words of the spec's "Structure" and
 * "Meaning" sections. Completion shows it beside each keyword and hover on a keyword shows
 * it with the other spelling, so a writer can switch between `say` and `说` with confidence.
 */
import type { KeywordName } from '../keywords';

export const KEYWORD_HELP: Readonly<Record<KeywordName, string>> = {
  script: 'The script\'s title: `script "…"`.',
  version: 'The script\'s version: `version "…"`.',
  locale: 'The language callers are spoken to in: `locale "zh-CN"`.',
  var: 'Declares variables that strings use as `{name}` placeholders.',
  import: 'Makes the situations of another `.sop` file (path relative to this one) available to `goto`.',
  situation: 'A situation: `situation id "title" tags a, b { … }`, the steps an agent follows in it.',
  tags: 'Labels that group situations for agents: `tags 投诉, 线路`.',
  when: 'What triggers the situation, shown to agents and never spoken.',
  note: 'A note for the agent\'s eyes, never spoken.',
  promise: 'A follow-up commitment made to the caller: `promise 24h "…"`.',
  say: 'Speaks a phrase to the caller.',
  wait: 'Waits up to a duration for the caller; the lines after it are the silence path.',
  fallback: 'What to do when the caller stayed silent for the whole wait.',
  reply: 'What to do when the caller answered in time (without it, the agent takes over).',
  goto: 'Continues in another situation (terminal).',
  transfer: 'Hands the call to a queue or a role (terminal).',
  hangup: 'Ends the call (terminal); say goodbye and wait first.',
  end: 'The script is done; the agent talks freely (terminal).',
  hold: 'Mutes the line (at most this long); ask for consent first and thank the caller after.',
};
