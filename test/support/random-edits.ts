/**
 * Random edits an author might make, including ones that break and repair the syntax,
 * for tests that compare what an editor computes incrementally with a fresh computation.
 * Deterministic: the same seed gives the same edits.
 */

/** What the edits insert; deletions remove up to 12 characters. */
export const INSERTIONS = ['x', ' ', '\n', '"', '{', '}', '我不知道', 'wait 5s\n', 'hangup\n', 'situation z {\n', '\r\n', '说 “好”\n'];

/** One edit: `removed` characters at `at` replaced by `inserted`, giving `text`. */
export interface RandomEdit {
  at: number;
  removed: number;
  inserted: string;
  text: string;
}

/** `count` successive edits of `text`, each yielded as the whole edited text. */
export function* randomEdits(text: string, count: number, seed: number, insertions: readonly string[] = INSERTIONS): Generator<string> {
  for (const edit of randomEditSteps(text, count, seed, insertions)) yield edit.text;
}

/** The same edits with where each one happened (for clients that send incremental changes). */
export function* randomEditSteps(text: string, count: number, seed: number, insertions: readonly string[] = INSERTIONS): Generator<RandomEdit> {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  let current = text;
  for (let i = 0; i < count; i++) {
    const at = next(current.length + 1);
    if (next(3) === 0 && current.length > 0) {
      const end = Math.min(current.length, at + 1 + next(12));
      current = current.slice(0, at) + current.slice(end);
      yield { at, removed: end - at, inserted: '', text: current };
    } else {
      const inserted = insertions[next(insertions.length)];
      current = current.slice(0, at) + inserted + current.slice(at);
      yield { at, removed: 0, inserted, text: current };
    }
  }
}
