/**
 * Dataset names kept in list order, so a page of a large store is a slice, not a sort.
 * The order is ordinal (UTF-16 code units, what `<` does on strings): unlike localeCompare it
 * is the same on every machine, so paging is stable across restarts and platforms.
 */
export class SortedNames {
  private readonly names: string[];

  constructor(names: Iterable<string> = []) {
    this.names = [...new Set(names)].sort(ordinal);
  }

  get length(): number {
    return this.names.length;
  }

  insert(name: string): void {
    const at = this.lowerBound(name);
    if (this.names[at] !== name) this.names.splice(at, 0, name);
  }

  remove(name: string): void {
    const at = this.lowerBound(name);
    if (this.names[at] === name) this.names.splice(at, 1);
  }

  slice(start: number, end: number): string[] {
    return this.names.slice(start, end);
  }

  all(): readonly string[] {
    return this.names;
  }

  private lowerBound(name: string): number {
    let low = 0;
    let high = this.names.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.names[middle]! < name) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
