/** A small most-recently-used cache: the panel flips between a few filters of the same report. */
export class RecentCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  getOrCompute(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
