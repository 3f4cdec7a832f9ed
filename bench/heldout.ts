import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StoryReport } from "../src/model/index.js";
import { hasData, SHARED_DATA } from "./data.js";

// The compiled package, as users run it (`npm run bench` builds first), or another build's with --reference.
type Pipeline = typeof import("../src/pipeline.js");
type Ingest = typeof import("../src/ingest/index.js");

/**
 * Discrepancies on stories nobody tuned for. Two sets: every ECB+ dev subtopic with at least `MIN_DOCUMENTS`
 * reports, analysed as one story, one sentence per line (the default); or, with `--set mmds`, every MMDS dev
 * event cluster with at least two articles (whole articles of 2022 from South-East Asian and international
 * outlets, with their titles and publication dates). Neither has gold for discrepancies, so the figure is a
 * count of findings that are not compatible, by kind and per story, to be read: `--list` prints each one with
 * its sentences. With `--reference DIST` another build runs on the same stories, and the findings that differ
 * are printed. `npm run bench -- heldout [--set ecb|mmds] [--list] [--reference DIST]`.
 */
const MIN_DOCUMENTS = 3;
const MIN_MMDS_ARTICLES = 2;

const DOCS = "clustering/ecbplus-dev/docs.jsonl";
const docsPath = join(SHARED_DATA, DOCS);
const MMDS = "clustering/mmds-dev/mds_clusters_gpt_event_dev.fixed.json";

/** One article as the text reader takes it. */
interface TextInput {
  id: string;
  source: string;
  text: string;
}

interface EcbDocument {
  doc: string;
  subtopic: string;
  sentences: string[];
}

/**
 * ECB+'s tokens written back as running text: quotation marks paired, punctuation and clitics attached,
 * split numbers and initials joined ("8 p. m." → "8 p.m."). Only what the tokenisation split is joined. The
 * ingest benchmark's stream has a lighter one of its own, kept as it is so its stream stays the one its
 * figures were measured on.
 */
function detokenize(tokens: string): string {
  let s = tokens.replaceAll("``", '"').replaceAll("''", '"');
  s = s.replace(/ ([,.;:!?%])/gu, "$1");
  s = s.replace(/ (n't|'s|'re|'ve|'ll|'d|'m)\b/gu, "$1");
  s = s.replace(/\( /gu, "(").replace(/ \)/gu, ")");
  s = s.replace(/ - /gu, "-");
  s = s.replace(/\$ (\d)/gu, "$$$1");
  s = s.replaceAll("“ ", "“").replaceAll(" ”", "”");
  // A curly apostrophe joins a clitic ("don’t", "Ruiz’s"); any other closes a possessive ("Charles’ 226").
  s = s.replace(/(\p{L}) ’ (s|t|ll|re|ve|d|m)\b/gu, "$1’$2").replaceAll(" ’ ", "’ ");
  s = s.replace(/(\d)([.,:]) (\d)/gu, "$1$2$3");
  s = s.replace(/(\d) \/ (\d)/gu, "$1/$2");
  s = s.replace(/\b(\p{L})\. (\p{L})\./gu, "$1.$2.");
  // Straight quotation marks alternate: an opening one takes the next word, a closing one the last.
  const parts = s.split('"');
  let out = parts[0] ?? "";
  parts.slice(1).forEach((part, i) => {
    out = i % 2 === 0 ? `${out}"${part.trimStart()}` : `${out.trimEnd()}"${part}`;
  });
  return out;
}

function ecbStories(): Map<string, TextInput[]> {
  const bySubtopic = new Map<string, EcbDocument[]>();
  for (const line of readFileSync(docsPath, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as EcbDocument;
    const list = bySubtopic.get(doc.subtopic) ?? [];
    list.push(doc);
    bySubtopic.set(doc.subtopic, list);
  }
  const out = new Map<string, TextInput[]>();
  for (const [subtopic, docs] of bySubtopic) {
    if (docs.length < MIN_DOCUMENTS) continue;
    out.set(
      `s${subtopic}`,
      docs.map((d) => ({
        id: d.doc,
        source: `${d.doc}.txt`,
        text: `${d.sentences
          .filter((x) => !x.startsWith("http"))
          .map(detokenize)
          .join("\n")}\n`,
      })),
    );
  }
  return out;
}

interface MmdsCluster {
  documents: { ID: string; title: string; publish_date?: string; sentences: { content: string }[] }[];
}

/** MMDS dev's event clusters: each article as a text with its title and date in header lines. */
function mmdsStories(): Map<string, TextInput[]> {
  const clusters = JSON.parse(readFileSync(join(SHARED_DATA, MMDS), "utf8")) as MmdsCluster[];
  const out = new Map<string, TextInput[]>();
  clusters.forEach((cluster, i) => {
    if (cluster.documents.length < MIN_MMDS_ARTICLES) return;
    out.set(
      `c${i + 1}`,
      cluster.documents.map((d) => ({
        id: `d${d.ID}`,
        source: `d${d.ID}.txt`,
        text: [
          `Title: ${d.title}`,
          ...(d.publish_date ? [`Date: ${d.publish_date}`] : []),
          "",
          ...d.sentences.map((x) => x.content),
        ].join("\n"),
      })),
    );
  });
  return out;
}

interface Finding {
  story: string;
  kind: string;
  line: string;
}

async function run(dist: string, all: Map<string, TextInput[]>): Promise<Finding[]> {
  const { analyzeStory } = (await import(join(dist, "pipeline.js"))) as Pipeline;
  const { readTextArticle } = (await import(join(dist, "ingest", "index.js"))) as Ingest;
  const out: Finding[] = [];
  for (const [story, inputs] of all) {
    const articles = inputs.map(readTextArticle);
    const report: StoryReport = analyzeStory(articles);
    for (const d of report.discrepancies) {
      if (d.compatible) continue;
      const sides = d.values.map((v) => `    [${v.article}] ${v.value} :: ${v.evidence.slice(0, 200)}`).join("\n");
      out.push({ story, kind: d.kind, line: `${d.kind}: ${d.about}\n${sides}` });
    }
  }
  return out;
}

function summary(findings: Finding[], storyCount: number): string {
  const byKind = new Map<string, number>();
  const byStory = new Map<string, number>();
  for (const f of findings) {
    byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    byStory.set(f.story, (byStory.get(f.story) ?? 0) + 1);
  }
  const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(", ");
  const many = [...byStory.values()].filter((n) => n > 1).length;
  return `${findings.length} findings not compatible in ${storyCount} stories (${kinds || "none"}); ${many} stories with more than one`;
}

const args = process.argv.slice(2);
const referenceAt = args.indexOf("--reference");
const reference = referenceAt >= 0 ? args[referenceAt + 1] : undefined;
const setAt = args.indexOf("--set");
const mmds = setAt >= 0 && args[setAt + 1] === "mmds";
const needed = mmds ? MMDS : DOCS;
if (!hasData(needed)) {
  console.log(`skipped: ${mmds ? "MMDS dev" : "ECB+ dev"} not found at ${join(SHARED_DATA, needed)}`);
} else {
  const all = mmds ? mmdsStories() : ecbStories();
  const mine = await run(join(import.meta.dirname, "..", "dist"), all);
  console.log(`this build: ${summary(mine, all.size)}`);
  if (args.includes("--list")) for (const f of mine) console.log(`${f.story} ${f.line}`);
  if (reference) {
    const theirs = await run(reference, all);
    console.log(`reference (${reference}): ${summary(theirs, all.size)}`);
    const key = (f: Finding) => `${f.story} ${f.line}`;
    const ours = new Set(mine.map(key));
    const before = new Set(theirs.map(key));
    for (const f of theirs) if (!ours.has(key(f))) console.log(`- ${key(f)}`);
    for (const f of mine) if (!before.has(key(f))) console.log(`+ ${key(f)}`);
  }
}
