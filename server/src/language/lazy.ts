/**
 * Properties made when first read. A parse hands out files whose trees at their current
 * offsets, and programs whose table of situations, cost a walk of every situation; the
 * path from a keystroke to its diagnostics never reads them, the editor's whole-file
 * features do. Once made, the value is a plain property, so the object reads like data.
 */

/** Defines `key` on `object` as what `make` returns on first read, then a plain property. */
export function defineLazy<T extends object, K extends keyof T>(object: T, key: K, make: () => T[K]): void {
  Object.defineProperty(object, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(object, key, { value, configurable: true, enumerable: true, writable: true });
      return value;
    },
  });
}
