import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { OnlineClusterer } from "../cluster/clusterer.js";
import { extractFeatures } from "../cluster/features.js";
import { type ClusterDocument, MemoryStoryIndex } from "../cluster/types.js";
import { type ClusteringScores, scoreClustering } from "../eval/bcubed.js";
import { type ClusteringSet, readClusteringSet } from "../eval/clusters.js";
import { TriangulateError } from "../model/index.js";
import { seededRandom } from "../words/hash.js";
import { EVAL_CLUSTERS_HELP } from "./eval-clusters-help.js";
import { type CliIo, EXIT, printable } from "./io.js";

/** The documents in an order shuffled by `seed` (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The documents (and gold labels) of the topics with odd or even numbers: two halves of a set whose topics each
 * hold events of one kind, so that a threshold chosen on one half can be checked on the other, on topics it never saw.
 */
export function topicHalf(set: ClusteringSet, half: "odd" | "even"): ClusteringSet {
  const topics = set.topics;
  if (!topics) throw new TriangulateError("BAD_ARGUMENT", "expected a data file with topics (ECB+) for --topics");
  const parity = half === "odd" ? 1 : 0;
  const documents = set.documents.filter((d) => {
    const topic = topics.get(d.id);
    return topic !== undefined && Math.abs(topic % 2) === parity;
  });
  const gold = new Map(documents.map((d) => [d.id, set.gold.get(d.id) as string]));
  return { ...set, documents, gold };
}

/** Clusters `documents` online in the given order and scores the result against `gold`. */
export async function clusterAndScore(
  documents: readonly ClusterDocument[],
  gold: ReadonlyMap<string, string>,
): Promise<ClusteringScores> {
  const clusterer = new OnlineClusterer(new MemoryStoryIndex());
  const predicted = new Map<string, string>();
  for (const doc of documents) {
    const assignment = await clusterer.assign(doc, extractFeatures(doc));
    for (const moved of assignment.moved?.docs ?? []) predicted.set(moved, assignment.moved?.story as string);
    for (const merged of assignment.merged?.docs ?? []) predicted.set(merged, assignment.merged?.story as string);
    predicted.set(doc.id, assignment.story);
  }
  return scoreClustering(predicted, gold);
}

/** `triangulate eval clusters FILE [--json] [--shuffle SEED]`. */
export async function evalClusters(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    throw new TriangulateError("BAD_ARGUMENT", (err as Error).message.split("\n")[0] ?? "bad option");
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(EVAL_CLUSTERS_HELP);
    return EXIT.ok;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new TriangulateError("BAD_ARGUMENT", 'expected one data file: "triangulate eval clusters FILE"');
  }
  if (values.topics !== undefined && values.topics !== "odd" && values.topics !== "even") {
    throw new TriangulateError("BAD_ARGUMENT", `expected --topics to be odd or even, found "${values.topics}"`);
  }
  const seed = values.shuffle === undefined ? undefined : wholeNumber("--shuffle", values.shuffle);
  const orders = values.shuffles === undefined ? undefined : wholeNumber("--shuffles", values.shuffles);
  if (seed !== undefined && orders !== undefined) {
    throw new TriangulateError("BAD_ARGUMENT", "expected --shuffle or --shuffles, found both");
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new TriangulateError("NOT_FOUND", "cannot read the data file", { subject: file, cause });
  }
  const read = readClusteringSet(text, file);
  const set = values.topics === undefined ? read : topicHalf(read, values.topics);
  const name = values.topics === undefined ? file : `${file} (${values.topics} topics)`;
  const half = values.topics === undefined ? {} : { topics: values.topics };
  const unreadable = set.skipped.filter((s) => !s.endsWith("not English"));
  for (const line of unreadable) io.stderr(`${printable(`triangulate: skipped ${line}`)}\n`);
  if (set.documents.length === 0) {
    io.stderr(`${printable(`triangulate: ${file}: no document could be read`)}\n`);
    return EXIT.failed;
  }
  const left = set.skipped.length - unreadable.length;
  if (orders !== undefined) {
    const runs: { seed?: number; scores: ClusteringScores }[] = [
      { scores: await clusterAndScore(set.documents, set.gold) },
    ];
    for (let s = 1; s <= orders; s++) {
      runs.push({ seed: s, scores: await clusterAndScore(shuffled(set.documents, s), set.gold) });
    }
    const f1 = spreadOf(runs.map((r) => r.scores.b3.f1));
    if (values.json) {
      const rows = runs.map((r) => ({
        order: r.seed ?? "file",
        b3: r.scores.b3,
        pairwise: r.scores.pairwise,
        clusters: r.scores.clusters,
      }));
      io.stdout(
        `${JSON.stringify({ format: set.format, ...half, documents: set.documents.length, gold: runs[0]?.scores.gold, orders: rows, f1 }, null, 2)}\n`,
      );
    } else {
      const pct = (x: number) => x.toFixed(3);
      const lines = runs.map(
        (r) =>
          `${(r.seed === undefined ? "file order" : `seed ${r.seed}`).padEnd(10)}  B-cubed F1 ${pct(r.scores.b3.f1)}` +
          `  (precision ${pct(r.scores.b3.precision)}, recall ${pct(r.scores.b3.recall)}), ${r.scores.clusters} clusters\n`,
      );
      io.stdout(
        `${set.format} ${name}: ${set.documents.length} documents${left ? ` (${left} not English left out)` : ""}, ` +
          `${runs[0]?.scores.gold} gold\n${lines.join("")}` +
          `B-cubed F1 over ${runs.length} orders: mean ${pct(f1.mean)}, min ${pct(f1.min)}, max ${pct(f1.max)}, spread ${pct(f1.spread)}\n`,
      );
    }
    return EXIT.ok;
  }
  const order = seed === undefined ? set.documents : shuffled(set.documents, seed);
  const scores = await clusterAndScore(order, set.gold);
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ ...scores, format: set.format, ...half, ...(left ? { notEnglish: left } : {}) }, null, 2)}\n`,
    );
  } else {
    const pct = (x: number) => x.toFixed(3);
    io.stdout(
      `${set.format} ${name}${seed === undefined ? "" : ` (shuffled, seed ${seed})`}: ${scores.documents} documents` +
        `${left ? ` (${left} not English left out)` : ""}, ${scores.clusters} clusters, ${scores.gold} gold\n` +
        `B-cubed   precision ${pct(scores.b3.precision)}  recall ${pct(scores.b3.recall)}  F1 ${pct(scores.b3.f1)}\n` +
        `pairwise  precision ${pct(scores.pairwise.precision)}  recall ${pct(scores.pairwise.recall)}  F1 ${pct(scores.pairwise.f1)}\n`,
    );
  }
  return EXIT.ok;
}

/** The mean, least, greatest and their difference of some scores. */
export function spreadOf(values: readonly number[]): { mean: number; min: number; max: number; spread: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, min, max, spread: max - min };
}

function wholeNumber(option: string, value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new TriangulateError("BAD_ARGUMENT", `expected ${option} to be a whole number, found "${value}"`);
  }
  return Number(value);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      json: { type: "boolean" },
      shuffle: { type: "string" },
      shuffles: { type: "string" },
      topics: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
}
