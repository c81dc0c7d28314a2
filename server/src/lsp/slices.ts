/**
 * Long work in slices. The server answers requests on one thread, so anything that could
 * take longer than a frame (parsing a 50,000-line script for the first time) runs as a
 * generator of small steps, and the event loop gets a turn whenever a slice has used its
 * budget. Works in Node and in a web worker alike.
 */

/**
 * How long one slice may run before the event loop gets a turn. A request sent while a
 * large document is being opened waits for about four slices: one until its bytes are
 * read, then vscode-jsonrpc decodes it, dispatches it and writes the answer's header and
 * body in separate turns of the event loop. Measured on a 50,000-line open, 5 ms slices
 * made cheap requests wait 22 ms (median) and 2 ms slices 10 ms; more turns cost the
 * parse nothing measurable.
 */
export const SLICE_BUDGET_MS = 2;

const nextTurn: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : messageChannelTurn();

/**
 * A web worker has no `setImmediate`, and nested `setTimeout(0)` is clamped to 4 ms; a
 * message to itself is the browser's way of running "right after pending events".
 */
function messageChannelTurn(): () => Promise<void> {
  if (typeof MessageChannel !== 'function') return () => new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return () =>
    new Promise((resolve) => {
      queue.push(resolve);
      channel.port2.postMessage(undefined);
    });
}

/** Lets pending messages (requests, edits, cancellations) be handled before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn();
}

/**
 * When the slice of the current turn of the event loop ends. Work in slices is shared:
 * the editor asks for a large document's diagnostics, outline, colours and folding at
 * once, and those jobs resume one after another in the same turn; with a budget each, a
 * turn (and a request waiting for four of them) lasted several budgets. The first job to
 * resume in a turn opens its slice; the others use what is left of it.
 */
let sliceEnd = 0;

/**
 * Runs `steps` to the end, yielding to the event loop whenever the current slice has run
 * for `budgetMs` (at least one step runs per turn, so every job advances). Returns
 * `undefined` (and stops stepping) once `abandon()` says the result is no longer wanted;
 * it is asked after every turn of the event loop.
 */
export async function runInSlices<T>(
  steps: Generator<void, T, void>,
  abandon: () => boolean = () => false,
  budgetMs = SLICE_BUDGET_MS,
): Promise<T | undefined> {
  openSlice(budgetMs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() < sliceEnd) continue;
    await yieldToEventLoop();
    if (abandon()) {
      steps.return(undefined as T);
      return undefined;
    }
    openSlice(budgetMs);
  }
}

/** Opens a slice of `budgetMs` unless one is still open (another job's, in this turn). */
function openSlice(budgetMs: number): void {
  const now = performance.now();
  if (now >= sliceEnd) sliceEnd = now + budgetMs;
}
