/**
 * "Did you mean" suggestions for misspelt rule ids, option names and keywords of the
 * configuration file.
 */
import { msg, type Msg } from '../i18n/messages';

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two words. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[i].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i].push(best);
    }
  }
  return rows[a.length][b.length];
}

/** The candidate closest to `word`, if it is close enough to be a plausible typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    // An abbreviation ("warn" for "warning") is as plausible as a one-letter typo.
    const abbreviates = lower.length >= 3 && other.startsWith(lower);
    const distance = other === lower ? 0 : abbreviates ? 1 : editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` — did you mean "x"?` (a catalog message) when there is a near candidate, else the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): Msg | '' {
  const match = nearest(word, candidates);
  return match === undefined ? '' : msg('config.did-you-mean', { match });
}
