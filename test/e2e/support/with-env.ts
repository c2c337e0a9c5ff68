/**
 * Runs `work` with these variables in process.env (one given as undefined is unset) and puts back
 * what was there before (set or unset), even when it throws. For settings an app or the real CLI
 * reads once, as it starts or spawns.
 */
export async function withEnv<T>(
  variables: Record<string, string | undefined>,
  work: () => Promise<T>,
): Promise<T> {
  const before = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  const put = (name: string, value: string | undefined): void => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  for (const [name, value] of Object.entries(variables)) put(name, value);
  try {
    return await work();
  } finally {
    for (const [name, value] of before) put(name, value);
  }
}
