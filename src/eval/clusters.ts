import { createRequire } from "node:module";
import type { ClusterDocument } from "../cluster/types.js";
import { TriangulateError } from "../model/index.js";

/** Documents of a clustering data set with their gold cluster labels. */
export interface ClusteringSet {
  format: "ecb+" | "mmds";
  documents: ClusterDocument[];
  gold: Map<string, string>;
  /** Each document's topic, where the format has them (ECB+: a topic holds two events of one kind). */
  topics?: Map<string, number>;
  /** Records that could not be read (one line each) or were left out (not English). */
  skipped: string[];
}

const requireLazily = createRequire(import.meta.url);

/** The language of a text by tinyld (loaded on first use, it takes a quarter of a second; then cached by Node). */
function language(text: string): string {
  return (requireLazily("tinyld") as typeof import("tinyld")).detect(text.slice(0, 1000));
}

/**
 * Reads the ECB+ documents file (JSON Lines of `{doc, topic, subtopic, sentences}`; gold = subtopic) or the
 * MMDS article-clustering file (`{articles: [{ID, title, sentences: [{content}]}], clusters: [label...]}`;
 * only English articles are kept). A record that cannot be read is skipped and named in `skipped`.
 *
 * @example readClusteringSet(readFileSync("docs.jsonl", "utf8"), "docs.jsonl")
 */
export function readClusteringSet(text: string, name: string): ClusteringSet {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") && /^\{\s*"articles"/u.test(trimmed)) return readMmds(trimmed, name);
  if (trimmed.startsWith("{")) return readEcb(text, name);
  throw new TriangulateError(
    "BAD_DATA",
    `${name}: expected ECB+ JSON Lines ({"doc", "subtopic", "sentences"}) or MMDS JSON ({"articles", "clusters"}), found neither`,
    { subject: name },
  );
}

function readEcb(text: string, name: string): ClusteringSet {
  const documents: ClusterDocument[] = [];
  const gold = new Map<string, string>();
  const topics = new Map<string, number>();
  const skipped: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      skipped.push(`${name}:${i + 1}: not JSON`);
      return;
    }
    const r = record as { doc?: unknown; topic?: unknown; subtopic?: unknown; sentences?: unknown };
    if (
      typeof r.doc !== "string" ||
      (typeof r.subtopic !== "string" && typeof r.subtopic !== "number") ||
      !Array.isArray(r.sentences) ||
      !r.sentences.every((s) => typeof s === "string")
    ) {
      skipped.push(`${name}:${i + 1}: expected doc, subtopic and sentences (strings)`);
      return;
    }
    if (gold.has(r.doc)) {
      skipped.push(`${name}:${i + 1}: document ${r.doc} again`);
      return;
    }
    documents.push({ id: r.doc, text: (r.sentences as string[]).join("\n") });
    gold.set(r.doc, String(r.subtopic));
    const topic = Number(r.topic);
    if ((typeof r.topic === "number" || typeof r.topic === "string") && Number.isSafeInteger(topic)) {
      topics.set(r.doc, topic);
    }
  });
  return { format: "ecb+", documents, gold, ...(topics.size > 0 ? { topics } : {}), skipped };
}

function readMmds(text: string, name: string): ClusteringSet {
  let data: { articles?: unknown; clusters?: unknown };
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TriangulateError("BAD_DATA", `${name}: not valid JSON (${(error as Error).message})`, {
      subject: name,
      cause: error,
    });
  }
  const { articles, clusters } = data;
  if (!Array.isArray(articles) || !Array.isArray(clusters) || articles.length !== clusters.length) {
    throw new TriangulateError("BAD_DATA", `${name}: expected "articles" and "clusters" arrays of one length`, {
      subject: name,
    });
  }
  const documents: ClusterDocument[] = [];
  const gold = new Map<string, string>();
  const skipped: string[] = [];
  articles.forEach((article: unknown, i) => {
    const a = article as { ID?: unknown; title?: unknown; sentences?: unknown };
    const label = clusters[i] as unknown;
    const sentences = Array.isArray(a.sentences)
      ? a.sentences.map((s: { content?: unknown }) => (typeof s?.content === "string" ? s.content : ""))
      : undefined;
    if ((typeof a.ID !== "string" && typeof a.ID !== "number") || !sentences || label === undefined) {
      skipped.push(`${name}: article ${i + 1}: expected ID, sentences and a cluster label`);
      return;
    }
    const id = String(a.ID);
    const title = typeof a.title === "string" ? a.title : undefined;
    const body = sentences.join("\n");
    if (language(`${title ?? ""}\n${body}`) !== "en") {
      skipped.push(`${name}: article ${id}: not English`);
      return;
    }
    if (gold.has(id)) {
      skipped.push(`${name}: article ${id}: id again`);
      return;
    }
    documents.push({ id, text: body, ...(title ? { title } : {}) });
    gold.set(id, String(label));
  });
  return { format: "mmds", documents, gold, skipped };
}
