/** Precision, recall and their harmonic mean. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Scores of a clustering against gold classes. */
export interface ClusteringScores {
  b3: PRF;
  pairwise: PRF;
  documents: number;
  clusters: number;
  gold: number;
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * B-cubed (Bagga and Baldwin 1998) and pairwise precision, recall and F1 of `predicted` against `gold`: both
 * map each item to its cluster label; items absent from `predicted` are scored as singletons. B-cubed
 * precision is the mean over items of the share of its predicted cluster that is in its gold class; recall
 * the converse. Pairwise scores count item pairs put together; with no pair on a side, that side's score is 1.
 *
 * @example scoreClustering(new Map([["a", 1], ["b", 1]]), new Map([["a", "x"], ["b", "y"]])).b3.precision // 0.5
 */
export function scoreClustering(
  predicted: ReadonlyMap<string, string | number>,
  gold: ReadonlyMap<string, string | number>,
): ClusteringScores {
  const items = [...gold.keys()];
  const pred = new Map<string, string>();
  for (const item of items) {
    const label = predicted.get(item);
    pred.set(item, label === undefined ? `\u0000singleton:${item}` : `p:${label}`);
  }
  const goldOf = (item: string) => `g:${gold.get(item)}`;
  const joint = new Map<string, number>();
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  for (const item of items) {
    const p = pred.get(item) as string;
    const g = goldOf(item);
    joint.set(`${p}\u0001${g}`, (joint.get(`${p}\u0001${g}`) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const p = pred.get(item) as string;
    const g = goldOf(item);
    const both = joint.get(`${p}\u0001${g}`) as number;
    precision += both / (predSize.get(p) as number);
    recall += both / (goldSize.get(g) as number);
  }
  const n = items.length;
  const pairs = (sizes: Iterable<number>) => {
    let sum = 0;
    for (const s of sizes) sum += (s * (s - 1)) / 2;
    return sum;
  };
  const together = pairs(joint.values());
  const predPairs = pairs(predSize.values());
  const goldPairs = pairs(goldSize.values());
  const pp = predPairs === 0 ? 1 : together / predPairs;
  const pr = goldPairs === 0 ? 1 : together / goldPairs;
  const bp = n === 0 ? 0 : precision / n;
  const br = n === 0 ? 0 : recall / n;
  return {
    b3: { precision: bp, recall: br, f1: f1(bp, br) },
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    documents: n,
    clusters: predSize.size,
    gold: goldSize.size,
  };
}
