/**
 * A number for each distinct list seen. The engine's looked-after index hands back the same array
 * for a date until one of its children changes (looked-after-index.ts), so a report cached under
 * the list's number is computed again exactly when the children it was made from change.
 */
export class ListVersions {
  private readonly numbers = new WeakMap<readonly unknown[], number>();
  private next = 0;

  of(list: readonly unknown[]): number {
    let number = this.numbers.get(list);
    if (number === undefined) {
      number = this.next += 1;
      this.numbers.set(list, number);
    }
    return number;
  }
}
