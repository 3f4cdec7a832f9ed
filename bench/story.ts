import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../src/model/index.js";

// The compiled package, as users run it (`npm run bench` builds first): tsx's on-the-fly transform runs the
// same code two to three times slower and would misstate the figures.
type Pipeline = typeof import("../src/pipeline.js");
type Ingest = typeof import("../src/ingest/index.js");
const dist = join(import.meta.dirname, "..", "dist");
const { analyzeStory, annotateArticle } = (await import(join(dist, "pipeline.js"))) as Pipeline;
const { decodeText, readTextArticle } = (await import(join(dist, "ingest", "index.js"))) as Ingest;

/**
 * A 50-article story from real text: PolNeAR articles (US election coverage) of the busiest week in the
 * data, analysed whole, against annotation alone in the same process. Prints both times and their ratio.
 */
const STORY_SIZE = 50;
const ROUNDS = 5;

const root = join(import.meta.dirname, "..", "..", "shared", "data", "quotes", "polnear");
const dirs = ["train", "dev"].map((split) => join(root, split, "text"));
const files = dirs.flatMap((d) => {
  try {
    return readdirSync(d).map((f) => join(d, f));
  } catch {
    return [];
  }
});
if (files.length < STORY_SIZE) {
  console.log(`skipped: PolNeAR text not found under ${root}`);
} else {
  // File names are publisher_YYYY-MM-DD_slug: take the week with the most articles.
  const dated = files
    .map((path) => ({ path, date: /_(\d{4}-\d{2}-\d{2})_/.exec(path)?.[1] ?? "" }))
    .filter((f) => f.date)
    .sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
  let best = { from: 0, count: 0 };
  for (let i = 0, j = 0; i < dated.length; i++) {
    const end = new Date(Date.parse((dated[i] as { date: string }).date) + 7 * 86_400_000).toISOString().slice(0, 10);
    while (j < dated.length && (dated[j] as { date: string }).date < end) j++;
    if (j - i > best.count) best = { from: i, count: j - i };
  }
  const chosen = dated.slice(best.from, best.from + STORY_SIZE);
  const articles: Article[] = chosen.map(({ path }) =>
    readTextArticle({
      id:
        path
          .split("/")
          .pop()
          ?.replace(/\.txt$/, "") ?? path,
      source: path,
      text: decodeText(readFileSync(path)).text,
    }),
  );
  const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
  console.log(
    `story: ${articles.length} PolNeAR articles, ${chosen[0]?.date} to ${chosen.at(-1)?.date}, ${words} words`,
  );

  const time = (fn: () => void) => {
    fn();
    const runs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      fn();
      runs.push(performance.now() - t);
    }
    return runs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
  };
  const annotateMs = time(() => {
    for (const a of articles) annotateArticle(a);
  });
  let report: ReturnType<typeof analyzeStory> | undefined;
  const analyzeMs = time(() => {
    report = analyzeStory(articles);
  });
  console.log(`annotation alone   ${annotateMs.toFixed(0)} ms (median of ${ROUNDS})`);
  console.log(`whole analysis     ${analyzeMs.toFixed(0)} ms (median of ${ROUNDS})`);
  console.log(`ratio              ${(analyzeMs / annotateMs).toFixed(2)}× annotation`);
  // `--reference DIST`: another build (say, of an earlier commit) analyses the same articles in this process,
  // rounds alternating with this build's, so that a change's cost is a ratio measured in one run.
  const refAt = process.argv.indexOf("--reference");
  const refDist = refAt >= 0 ? process.argv[refAt + 1] : undefined;
  if (refDist) {
    const ref = (await import(join(refDist, "pipeline.js"))) as Pipeline;
    const pairs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const a = time(() => ref.analyzeStory(articles));
      const b = time(() => analyzeStory(articles));
      pairs.push(b / a);
    }
    pairs.sort((x, y) => x - y);
    console.log(
      `against ${refDist}: ${(pairs[Math.floor(ROUNDS / 2)] as number).toFixed(2)}× its time (median of ${ROUNDS} alternating pairs, range ${(pairs[0] as number).toFixed(2)}–${(pairs.at(-1) as number).toFixed(2)})`,
    );
  }
  console.log(
    `found: ${report?.entities.length} entities, ${report?.quotes.length} quotations, ${report?.facts.filter((f) => f.kind === "corroborated").length} corroborated facts, ${report?.discrepancies.length} discrepancies, ${report?.timeline.length} timeline entries`,
  );
}
