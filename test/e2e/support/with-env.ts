/**
 * Runs `work` with these variables in process.env and puts back what was there before (set or unset),
 * even when it throws. For settings an app or the real CLI reads once, as it starts or spawns.
 */
export async function withEnv<T>(variables: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const before = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, variables);
  try {
    return await work();
  } finally {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
