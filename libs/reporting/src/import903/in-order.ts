/**
 * Runs `work` over `items` with at most `limit` runs in flight, yielding results in the items'
 * order. A failure is thrown in that order too, after the runs already started have settled
 * (none is left running or rejecting unobserved), and no further run is started.
 */
export async function* inOrder<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): AsyncGenerator<{ item: T; outcome: R }> {
  type Settled = { ok: true; value: R } | { ok: false; error: unknown };
  const window: Promise<Settled>[] = [];
  const start = (item: T): Promise<Settled> =>
    work(item).then(
      (value): Settled => ({ ok: true, value }),
      (error: unknown): Settled => ({ ok: false, error }),
    );
  let next = 0;
  try {
    while (next < items.length && window.length < limit) window.push(start(items[next++]));
    for (let index = 0; index < items.length; index++) {
      const settled = await (window.shift() as Promise<Settled>);
      if (!settled.ok) throw settled.error;
      if (next < items.length) window.push(start(items[next++]));
      yield { item: items[index], outcome: settled.value };
    }
  } finally {
    // Thrown, or the consumer stopped early: let what is in flight finish before returning.
    await Promise.all(window);
  }
}
