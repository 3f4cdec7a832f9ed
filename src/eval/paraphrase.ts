import { readFile } from "node:fs/promises";
import { SAME_STATEMENT } from "../compare/align.js";
import { cosine, TermStatistics } from "../compare/similarity.js";
import { contentStems } from "../compare/words.js";

export interface ParaphraseScore {
  pairs: number;
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores the statement similarity of the align stage on MSRP (tab-separated: label, id, id, sentence,
 * sentence): accuracy and F1 at the threshold the pipeline uses, and at the best threshold on the same data
 * for reference.
 */
export async function evaluateParaphrase(
  path: string,
): Promise<{ atPipeline: ParaphraseScore; best: ParaphraseScore; majorityAccuracy: number }> {
  const rows = (await readFile(path, "utf8"))
    .split("\n")
    .map((line) => line.split("\t"))
    .filter((cols) => cols.length >= 5 && (cols[0] === "0" || cols[0] === "1"));
  const stats = new TermStatistics();
  const stems = rows.map((cols) => [contentStems(cols[3] ?? ""), contentStems(cols[4] ?? "")] as const);
  for (const [a, b] of stems) {
    stats.add(a);
    stats.add(b);
  }
  const scored = rows.map((cols, i) => {
    const [a, b] = stems[i] as readonly [string[], string[]];
    return { gold: cols[0] === "1", similarity: cosine(stats.vector(a), stats.vector(b)) };
  });
  const at = (threshold: number): ParaphraseScore => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let correct = 0;
    for (const s of scored) {
      const predicted = s.similarity >= threshold;
      if (predicted === s.gold) correct++;
      if (predicted && s.gold) tp++;
      else if (predicted) fp++;
      else if (s.gold) fn++;
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { pairs: scored.length, threshold, accuracy: correct / Math.max(1, scored.length), precision, recall, f1 };
  };
  let best = at(0);
  for (let t = 0.05; t < 1; t += 0.01) {
    const s = at(Number(t.toFixed(2)));
    if (s.accuracy > best.accuracy) best = s;
  }
  const positives = scored.filter((s) => s.gold).length;
  return {
    atPipeline: at(SAME_STATEMENT),
    best,
    majorityAccuracy: Math.max(positives, scored.length - positives) / Math.max(1, scored.length),
  };
}
