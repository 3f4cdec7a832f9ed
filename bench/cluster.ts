import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClusterDocument } from "../src/cluster/types.js";
import { seededRandom } from "../src/words/hash.js";
import { hasData, SHARED_DATA } from "./data.js";

/**
 * Online clustering speed: a stream of documents built at run time from the texts of ../shared/data (ECB+ and
 * MMDS clustering files, PolNeAR articles), varied so that few are exact copies, is fed through features +
 * assign with the in-memory index. Prints documents per second of the whole path against the tokenize +
 * MinHash reference measured on the same documents in the same run, the cost of one more document after 10k
 * and after 100k documents seen (it must not grow), the stories held, and peak RSS.
 *
 * Run: npm run bench -- cluster [--docs 100000]
 */
type Features = typeof import("../src/cluster/features.js");
type Clusterer = typeof import("../src/cluster/clusterer.js");
type Types = typeof import("../src/cluster/types.js");
type MinHash = typeof import("../src/cluster/minhash.js");

const dist = join(import.meta.dirname, "..", "dist");
const args = process.argv.slice(2);
const at = args.indexOf("--docs");
const TOTAL = at >= 0 ? Number(args[at + 1]) : 100_000;
/** Documents per measured block: enough for a stable mean on a busy machine. */
const BLOCK = 2_000;
/** Spread of the stream in time: about 2,000 documents a day, as a few hundred outlets publish. */
const MS_PER_DOC = (24 * 3600 * 1000) / 2_000;

function pool(): string[] {
  const texts: string[] = [];
  const ecb = join(SHARED_DATA, "clustering/ecbplus-dev/docs.jsonl");
  for (const line of readFileSync(ecb, "utf8").split("\n")) {
    if (line.trim()) texts.push((JSON.parse(line) as { sentences: string[] }).sentences.join("\n"));
  }
  const mmds = JSON.parse(readFileSync(join(SHARED_DATA, "clustering/mmds-dev/mds_ac_dev_final.json"), "utf8")) as {
    articles: { title: string; sentences: { content: string }[] }[];
  };
  for (const a of mmds.articles) texts.push(`${a.title}\n${a.sentences.map((s) => s.content).join("\n")}`);
  const polnear = join(SHARED_DATA, "quotes/polnear/dev/text");
  if (hasData("quotes/polnear/dev/text")) {
    for (const f of readdirSync(polnear).sort()) texts.push(readFileSync(join(polnear, f), "utf8"));
  }
  return texts;
}

/**
 * The k-th document of the stream: a text of the pool with its sentences in another order, a tenth of its
 * words swapped for words of another text, and an invented name of its own thread (one of 5,000 threads), so
 * that texts recur as variants, not as exact copies.
 */
function streamDocument(k: number, texts: string[], random: () => number): ClusterDocument {
  const base = texts[Math.floor(random() * texts.length)] as string;
  const other = (texts[Math.floor(random() * texts.length)] as string).split(/\s+/u);
  const sentences = base.split("\n").filter((s) => s.trim());
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j] as string, sentences[i] as string];
  }
  const words = sentences.join("\n").split(" ");
  for (let i = 0; i < words.length; i++) {
    if (random() < 0.1) words[i] = other[Math.floor(random() * other.length)] as string;
  }
  const thread = `Zorvath${(k % 5_000).toString(36)}`;
  return {
    id: `doc${k}`,
    title: `${thread} ${sentences[0]?.slice(0, 80) ?? ""}`,
    text: `${thread} reported.\n${words.join(" ")}`,
    published: Date.UTC(2025, 0, 1) + k * MS_PER_DOC,
  };
}

const { extractFeatures } = (await import(join(dist, "cluster/features.js"))) as Features;
const { OnlineClusterer } = (await import(join(dist, "cluster/clusterer.js"))) as Clusterer;
const { MemoryStoryIndex } = (await import(join(dist, "cluster/types.js"))) as Types;
const { minhashSignature, lshBands } = (await import(join(dist, "cluster/minhash.js"))) as MinHash;

if (!hasData("clustering/ecbplus-dev/docs.jsonl") || !hasData("clustering/mmds-dev/mds_ac_dev_final.json")) {
  console.log(`cluster: skipped, the clustering data sets are not under ${SHARED_DATA}`);
} else {
  const texts = pool();
  const random = seededRandom(42);
  const index = new MemoryStoryIndex();
  const clusterer = new OnlineClusterer(index);
  const marks = [10_000, TOTAL].filter((m, i, all) => m <= TOTAL && all.indexOf(m) === i);
  const perDoc = new Map<number, number>();
  let total = 0;
  let reference = 0;
  let copies = 0;
  let blockMs = 0;
  for (let k = 0; k < TOTAL; k++) {
    const doc = streamDocument(k, texts, random);
    // The reference: tokenize and 64-hash MinHash with bands, the floor of any path that finds copies.
    const r = performance.now();
    lshBands(minhashSignature(extractFeatures(doc).words));
    reference += performance.now() - r;
    const t = performance.now();
    const a = await clusterer.assign(doc, extractFeatures(doc));
    const ms = performance.now() - t;
    total += ms;
    if (a.copyOf) copies++;
    // The block that ends at a mark: the mean cost of one more document with that many seen.
    const mark = marks.find((m) => k >= m - BLOCK && k < m);
    if (mark !== undefined) {
      blockMs += ms;
      if (k === mark - 1) {
        perDoc.set(mark, blockMs / BLOCK);
        blockMs = 0;
      }
    }
  }
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const docsPerS = (TOTAL / total) * 1000;
  const refPerS = (TOTAL / reference) * 1000;
  console.log(`cluster: ${TOTAL} documents from ${texts.length} texts of ../shared/data, ${copies} copies found`);
  console.log(
    `  features + assign (in-memory index): ${docsPerS.toFixed(0)} documents/s; reference tokenize + MinHash ` +
      `${refPerS.toFixed(0)} documents/s; ratio ${(docsPerS / refPerS).toFixed(2)}`,
  );
  for (const [mark, ms] of perDoc) console.log(`  one more document after ${mark} seen: ${ms.toFixed(3)} ms`);
  const [a, b] = [...perDoc.values()];
  if (a !== undefined && b !== undefined) console.log(`  ratio last/first: ${(b / a).toFixed(2)} (1 = flat)`);
  console.log(`  stories held at the end: ${index.size}; peak RSS ${rssMb.toFixed(0)} MB`);
}
