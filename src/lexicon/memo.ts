/**
 * Answers of a pure function kept for the keys asked most recently, at most `limit` of them: the oldest answer
 * kept is dropped when a new one would pass the limit, so memory stays bounded however long a process runs.
 * Since `make` is pure, what is kept never changes an answer, only what it costs; stages keep one per lexicon
 * with `Lexicon.derived`, for facts about a word that every document asks again.
 *
 * @example new BoundedMemo(2, (w: string) => w.length).get("port") // 4
 */
export class BoundedMemo<K, V> {
  private readonly table = new Map<K, V>();
  /**
   * The keys kept, in the order they were made, as a ring whose oldest is at `oldest` once full. The oldest is
   * found here rather than as the Map's first key: a Map keeps the holes of deleted entries at its front until
   * it grows, so `keys().next()` on a full memo walks past every key dropped since, and a full memo of 50,000
   * keys took some 25 µs per new key that way.
   */
  private readonly order: K[] = [];
  private oldest = 0;

  constructor(
    private readonly limit: number,
    private readonly make: (key: K) => V,
  ) {}

  /** The answer for `key`: kept, or made and kept. */
  get(key: K): V {
    const known = this.table.get(key);
    if (known !== undefined || this.table.has(key)) return known as V;
    const made = this.make(key);
    if (this.order.length < this.limit) this.order.push(key);
    else {
      this.table.delete(this.order[this.oldest] as K);
      this.order[this.oldest] = key;
      this.oldest = (this.oldest + 1) % this.limit;
    }
    this.table.set(key, made);
    return made;
  }

  /** How many answers are kept. */
  get size(): number {
    return this.table.size;
  }
}
