/**
 * The error of class `kind` that `run` throws, for a spec to look into: the spec fails if `run`
 * throws nothing (saying so) or throws something else (that error, as it was).
 */
export function thrownBy<E extends Error>(kind: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected ${kind.name}, nothing was thrown`);
}
