/**
 * B-cubed F1 (Bagga and Baldwin 1998) between two clusterings of the same items, each a map from item to
 * cluster label: per item, precision is the share of its cluster in `a` that shares its cluster in `b`,
 * recall the converse; both averaged over the items of `a`. Symmetric; 1 when the clusterings are equal.
 */
export function bcubedF1(a: ReadonlyMap<string, string | number>, b: ReadonlyMap<string, string | number>): number {
  const members = (m: ReadonlyMap<string, string | number>) => {
    const out = new Map<string | number, Set<string>>();
    for (const [item, label] of m) {
      const set = out.get(label) ?? new Set();
      set.add(item);
      out.set(label, set);
    }
    return out;
  };
  const ca = members(a);
  const cb = members(b);
  let precision = 0;
  let recall = 0;
  for (const [item, label] of a) {
    const inA = ca.get(label) as Set<string>;
    const other = b.get(item);
    const inB = other === undefined ? new Set([item]) : (cb.get(other) as Set<string>);
    let both = 0;
    for (const x of inA) if (inB.has(x)) both++;
    precision += both / inA.size;
    recall += both / inB.size;
  }
  precision /= a.size || 1;
  recall /= a.size || 1;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
