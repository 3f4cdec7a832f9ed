/**
 * A least-recently-used map bounded by the total size of its values (a response body's length), so that
 * the memory it holds stays under `maxBytes` whatever the number of stories. A value larger than a quarter
 * of the budget is not kept: one huge story would otherwise push out everything else.
 */
export class SizedCache<V> {
  readonly #maxBytes: number;
  readonly #sizeOf: (value: V) => number;
  readonly #entries = new Map<string, { value: V; size: number }>();
  #bytes = 0;

  constructor(maxBytes: number, sizeOf: (value: V) => number) {
    this.#maxBytes = maxBytes;
    this.#sizeOf = sizeOf;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-inserted so that the map's order is the order of last use.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const size = this.#sizeOf(value);
    const had = this.#entries.get(key);
    if (had) {
      this.#entries.delete(key);
      this.#bytes -= had.size;
    }
    if (size > this.#maxBytes / 4) return;
    this.#entries.set(key, { value, size });
    this.#bytes += size;
    for (const [k, e] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= e.size;
    }
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }
}
