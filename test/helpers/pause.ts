// Deterministic interleavings for race tests, without sleeps: wrap one async method of a shared
// store object so that a chosen call stops before doing its work until the test releases it.
// The handlers and use-cases use these same store objects, so pausing one pauses the request
// that made the call at exactly that point.

export interface Pause {
  /** Resolves once the paused call has been made (its arguments are in `args`). */
  reached: Promise<void>;
  args: unknown[];
  /** Lets the paused call proceed. */
  release(): void;
  /** Puts the original method back. */
  restore(): void;
}

type AsyncMethod = (...args: never[]) => Promise<unknown>;

/**
 * Pauses the `nth` call (1-based) of `target[method]` for which `when(args)` holds; every other
 * call goes straight through. Call `restore()` when done (also on failure: use try/finally).
 */
export const pauseCall = <T extends object, K extends keyof T>(
  target: T,
  method: K,
  options: { nth?: number; when?: (...args: any[]) => boolean } = {},
): Pause => {
  const original = target[method] as unknown as AsyncMethod;
  const nth = options.nth ?? 1;
  let seen = 0;
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const pause: Pause = {
    reached,
    args: [],
    release: () => release(),
    restore: () => {
      (target as Record<K, unknown>)[method] = original;
    },
  };
  (target as Record<K, unknown>)[method] = async (...args: never[]) => {
    if (!options.when || options.when(...args)) {
      seen += 1;
      if (seen === nth) {
        pause.args = args;
        reach();
        await released;
      }
    }
    return original.apply(target, args);
  };
  return pause;
};

/**
 * Makes the next call of `target[method]` fail as if the process died at that point (the call
 * does nothing and throws); later calls go through. Returns a function that restores it.
 */
export const failNextCall = <T extends object, K extends keyof T>(target: T, method: K): (() => void) => {
  const original = target[method];
  const restore = () => {
    (target as Record<K, unknown>)[method] = original;
  };
  (target as Record<K, unknown>)[method] = async () => {
    restore();
    throw new Error(`simulated crash before ${String(method)}`);
  };
  return restore;
};
