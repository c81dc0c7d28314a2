/**
 * Random edits an author might make, including ones that break and repair the syntax,
 * for tests that compare what an editor computes incrementally with a fresh computation.
 * Deterministic: the same seed gives the same edits.
 */

/** What the edits insert; deletions remove up to 12 characters. */
export const INSERTIONS = ['x', ' ', '\n', '"', '{', '}', '我不知道', 'wait 5s\n', 'hangup\n', 'situation z {\n', '\r\n', '说 “好”\n'];

/** `count` successive edits of `text`, each yielded as the whole edited text. */
export function* randomEdits(text: string, count: number, seed: number, insertions: readonly string[] = INSERTIONS): Generator<string> {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  let current = text;
  for (let i = 0; i < count; i++) {
    const at = next(current.length + 1);
    if (next(3) === 0 && current.length > 0) {
      current = current.slice(0, at) + current.slice(Math.min(current.length, at + 1 + next(12)));
    } else {
      current = current.slice(0, at) + insertions[next(insertions.length)] + current.slice(at);
    }
    yield current;
  }
}
