/**
 * The few assertions the editor tests use. Node's `assert` does not exist in the web
 * extension host, and the same tests run on both, so they use this instead.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function ok(value: unknown, message = `expected a truthy value, got ${String(value)}`): asserts value {
  if (!value) throw new AssertionError(message);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) {
    throw new AssertionError(`${message ? message + ': ' : ''}expected anything but ${show(expected)}`);
  }
}

export function match(text: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(text)) {
    throw new AssertionError(`${message ? message + ': ' : ''}${show(text)} does not match ${pattern}`);
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
