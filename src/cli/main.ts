import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { MAX_ARTICLE_BYTES } from "../ingest/limits.js";
import { TriangulateError } from "../model/index.js";
import { EVAL_CLUSTERS_HELP } from "./eval-clusters-help.js";
import { EXTRACT_HELP } from "./extract-help.js";
import { type CliIo, EXIT, printable, processIo } from "./io.js";
import { checkOutput, printReport, writeOutput } from "./output.js";
import { STORE_HELP } from "./store-help.js";

const EXIT_CODES = `Exit codes
  0   done; files that could not be read were named on standard error and skipped
  1   no article could be read (nothing to evaluate), or an output file cannot be written
  2   the command line is wrong (unknown command or option, missing files, a bad value)
  70  internal error: a bug in triangulate; the message and its trace are on standard error
`;

const VERSION = "0.1.0";

const HELP = `triangulate — compare how news outlets report one story

Usage
  triangulate analyze FILES... [--json] [--html FILE] [--out FILE] [--max-article-bytes N]
  triangulate extract PAGES... [--url URL]... [--json]
  triangulate ingest SOURCES... [--db PATH]
  triangulate stories [--db PATH] [--json]
  triangulate story ID [--db PATH] [--json | --html FILE]
  triangulate search QUERY [--db PATH] [--outlet NAME] [--since DATE] [--until DATE] [--json]
  triangulate serve [--db PATH] [--port 8080] [--host 127.0.0.1]
  triangulate worker --db postgres://... [--concurrency N]
  triangulate eval ner FILE.conll [--out PRED.conll]
  triangulate eval quotes DIR
  triangulate eval paraphrase MSRP.txt
  triangulate eval clusters FILE [--json] [--shuffle SEED]
  triangulate help [COMMAND]

Commands
  analyze   Read the articles of one story and report who is named, who said what and how each
            outlet rendered it. Prints a readable summary, or the triangulate.story/1 report as JSON.
  extract   Extract the article of each web page (.html, .html.gz or a URL): text, title, outlet,
            author, date, language, removed boilerplate, or why a page is not an article.
  ingest    Read articles into the store (default ./triangulate.db): each joins its story or starts one,
            copies are linked to what they copy, and the stories that changed are analysed again.
  stories   List the stored stories; story ID shows one as analyze does; search finds articles by words.
  serve     Serve the stored stories: a JSON API and pages for a browser ("triangulate help serve").
  worker    Take ingest, cluster and analyse jobs from the queue of a PostgreSQL store (--db or
            TRIANGULATE_DB): run any number of workers on any number of machines.
  eval      Measure the annotators on public data sets (see "triangulate help eval").

Options of analyze ("triangulate help analyze" lists what the report holds)
  --json                  print the full report as JSON (for machines) instead of the summary
  --html FILE             write one self-contained HTML page (brief, fact matrix, discrepancies,
                          quotations side by side, certainty, provenance, timeline, actor graph)
                          instead of the summary
  --out FILE              write the summary or the JSON to FILE instead of standard output
  --max-article-bytes N   skip articles with more than N bytes of text; default ${MAX_ARTICLE_BYTES}
  -h, --help              show help;  -v, --version  show the version

Examples
  triangulate analyze examples/port-strike-fire/*.txt
  triangulate analyze articles/*.txt --json > story.json
  triangulate analyze articles/*.txt --html story.html
  triangulate eval ner conllpp_dev.txt --out predicted.conll

Files that cannot be read are named on standard error, one line each, and skipped.

${EXIT_CODES}
Documentation in the repository: README.md, and docs/report.md for every field of the report.
`;

const COMMAND_HELP: Record<string, string> = {
  extract: EXTRACT_HELP,
  ...STORE_HELP,
  analyze: `triangulate analyze FILES... [--json] [--html FILE] [--out FILE] [--max-article-bytes N]

Reads the articles of one story from files, folders (every article file inside, by name: .txt,
.html, .jsonl, .warc, feeds, also gzipped) and patterns ("news/**/*.html"): plain text (UTF-8 with or without BOM, UTF-16 with BOM or
Windows-1252), web pages (.html, .html.gz), RSS and Atom feeds, JSON Lines (one article a line: text or
html, url, title, published, outlet, author), WARC crawls (.warc, .warc.gz, streamed record by record)
and http(s) URLs, in any mix. A text article's id is its file name without the extension. Metadata comes from the text itself: a
"date 2025-04-07" header, a dateline ("April 8, 2025 11:24"), a headline line, a byline ("By Jane Doe")
and the outlet named in a copyright or publisher line. Subscription, share and copyright lines are
removed and listed. Control characters other than newline and tab (terminal escape sequences) are
removed from every article as it is read.

Without options it prints a readable summary. --json prints instead the whole report, one
triangulate.story/1 JSON object; --html FILE writes the report as one page in place of the summary
(with --json or --out, both are written). The report holds, field by field:
  schema         "triangulate.story/1", the version of this layout
  story          an id, a title, the number of articles, the first and last publication dates
  articles       each article: id, source, outlet, title, published, author, its clean text, its
                 word count and the boilerplate lines removed from it
  entities       people, organisations and places: name, type, aliases and every mention
  quotes         each quotation: its words, its speaker, and in each article that carries it, the
                 words there, the attribution and the fidelity (exact, minor-edit, altered,
                 expanded, truncated)
  statements     reported speech: what an article says someone said without quotation marks, its
                 words and attribution there, and the speaker as for a quotation
  facts          statements several outlets corroborate, one outlet alone reports, or others
                 contradict (disputed), with the supporting and contradicting articles and sentences
  discrepancies  where accounts differ on a number, place, date, person, negation, attribution or
                 stance: each outlet's value and sentence, whether the values are compatible, and why
  certainty      how firmly each article states its claims (asserted, reported, hedged,
                 speculative), with the cue words; headlines that overstate are flagged
  provenance     the original report everyone cites, who cites whom, and which articles reuse
                 another's text and how much
  timeline       dated events (ISO dates, possibly partial: "2025-01") with the articles that give them
  relations      who did what to whom: subject and object entity ids, a predicate, sources, sentences
  brief          a neutral summary whose every sentence cites the articles it rests on
Every start/end is a character offset into that article's clean text. docs/report.md in the
repository describes each field.

  --json                  print the report as JSON instead of the readable summary
  --html FILE             write a self-contained HTML page of the report (no outside requests; every
                          finding links to its highlighted words in the article) instead of the summary
  --out FILE              write the summary or the JSON to FILE
  --max-article-bytes N   skip an article with more than N bytes of text (UTF-8), naming it; the rest
                          goes on. Default ${MAX_ARTICLE_BYTES}. A larger text file is refused before it is read.

A file that cannot be read (missing, a directory, empty, binary, undecodable, too large) is named on
standard error in one line and skipped. Output files are checked before the analysis starts.

${EXIT_CODES}`,
  eval: `triangulate eval ner FILE.conll [--out PRED.conll]
  Tags the tokens of a CoNLL-2003 style file (token POS chunk TAG, IOB2) and prints precision,
  recall and F1 for PER, ORG, LOC and their micro-average as JSON (MISC is ignored). With --out,
  writes "token gold predicted" lines, a blank line between sentences.

triangulate eval quotes DIR
  Runs the quotation extractor on a PolNeAR split (DIR/text/*.txt, DIR/attributions/*.ann) and
  prints precision and recall of direct-quotation content and source spans as JSON.

triangulate eval paraphrase MSRP.txt
  Scores the statement similarity that aligns articles on the Microsoft Research Paraphrase corpus
  (label, id, id, sentence, sentence): accuracy and F1 at the pipeline's threshold and at the best one.

${EVAL_CLUSTERS_HELP}`,
};

/**
 * The command line as a function: arguments in, exit code out, output through `io`.
 *
 * @example await main(["analyze", "a.txt", "--json"], processIo())
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "-h":
      case "--help":
        if (rest[0] === "serve") io.stdout((await import("./serve.js")).SERVE_HELP);
        else io.stdout(rest[0] && COMMAND_HELP[rest[0]] ? (COMMAND_HELP[rest[0]] as string) : HELP);
        return EXIT.ok;
      case "-v":
      case "--version":
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
      case "analyze":
        return await analyze(rest, io);
      case "extract": {
        const { extract } = await import("./extract.js");
        return await extract(rest, io);
      }
      case "ingest":
      case "stories":
      case "story":
      case "search":
      case "worker": {
        const { storeCommand } = await import("./store-commands.js");
        return await storeCommand(command, rest, io);
      }
      case "serve": {
        const { serve } = await import("./serve.js");
        return await serve(rest, io);
      }
      case "eval":
        return await evaluate(rest, io);
      default:
        io.stderr(`triangulate: unknown command "${command}"; run "triangulate --help" for the commands\n`);
        return EXIT.usage;
    }
  } catch (err) {
    if (err instanceof TriangulateError) {
      io.stderr(`${printable(`triangulate: ${err.subject ? `${err.subject}: ` : ""}${err.message}`)}\n`);
      return err.code === "BAD_ARGUMENT" ? EXIT.usage : EXIT.failed;
    }
    throw err;
  }
}

const OPTIONS = {
  json: { type: "boolean" },
  html: { type: "string" },
  out: { type: "string" },
  "max-article-bytes": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parses the options every command shares; an unknown option is a usage error, not a stack trace. */
function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    throw new TriangulateError("BAD_ARGUMENT", (err as Error).message.split("\n")[0] ?? "bad option");
  }
}

/** The value of --max-article-bytes: a whole number of bytes above zero. */
function articleCap(value: string | undefined): number {
  if (value === undefined) return MAX_ARTICLE_BYTES;
  const bytes = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      `expected --max-article-bytes to be a whole number of bytes above 0, found "${value}"`,
    );
  }
  return bytes;
}

async function analyze(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(COMMAND_HELP.analyze as string);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new TriangulateError("BAD_ARGUMENT", 'expected article files, found none: "triangulate analyze FILES..."');
  }
  const maxArticleBytes = articleCap(values["max-article-bytes"]);
  for (const path of [values.html, values.out]) if (typeof path === "string") await checkOutput(path);
  if (io.interactive && positionals.length > 20) io.stderr(`reading ${positionals.length} files…\n`);
  // Loaded on use, so that --help and the eval commands start without the readers and the models.
  const { readArticleFiles } = await import("../ingest/index.js");
  const { expandSources } = await import("../ingest/sources.js");
  const { analyzeStory } = await import("../pipeline.js");
  const sources = await expandSources(positionals);
  const read = await readArticleFiles(sources.inputs, { maxArticleBytes });
  const { articles } = read;
  const problems = [...sources.problems, ...read.problems];
  for (const p of problems) {
    const hint = p.code === "TOO_LARGE" ? " (the cap is set with --max-article-bytes)" : "";
    io.stderr(`${printable(`triangulate: skipped ${p.source}: ${p.message}${hint}`)}\n`);
  }
  if (articles.length === 0) {
    io.stderr("triangulate: no article could be read\n");
    return EXIT.failed;
  }
  if (io.interactive && articles.length > 20) io.stderr(`analysing ${articles.length} articles…\n`);
  const report = analyzeStory(articles);
  return await printReport(io, report, values);
}

async function evaluate(args: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = args;
  if (kind === "clusters") return await (await import("./eval-clusters.js")).evalClusters(rest, io);
  const { values, positionals } = parse(rest);
  if (values.help || !kind || kind === "-h" || kind === "--help") {
    io.stdout(COMMAND_HELP.eval as string);
    return kind ? EXIT.ok : EXIT.usage;
  }
  const target = positionals[0];
  if (!target) throw new TriangulateError("BAD_ARGUMENT", `expected a path after "eval ${kind}"`);
  if (kind === "ner") {
    if (typeof values.out === "string") await checkOutput(values.out);
    const { evaluateConll } = await import("../eval/ner.js");
    let conll: string;
    try {
      conll = await readFile(target, "utf8");
    } catch (cause) {
      throw new TriangulateError("NOT_FOUND", "cannot read the CoNLL file", { subject: target, cause });
    }
    const { scores, predicted } = evaluateConll(conll);
    if (typeof values.out === "string") await writeOutput(values.out, predicted);
    io.stdout(`${JSON.stringify(scores, null, 2)}\n`);
    return EXIT.ok;
  }
  if (kind === "paraphrase") {
    const { evaluateParaphrase } = await import("../eval/paraphrase.js");
    io.stdout(`${JSON.stringify(await evaluateParaphrase(target), null, 2)}\n`);
    return EXIT.ok;
  }
  if (kind === "quotes") {
    const { evaluatePolnear } = await import("../eval/polnear.js");
    const result = evaluatePolnear(target);
    io.stdout(`${JSON.stringify({ ...result, annotationFiles: result.annotationFiles.length }, null, 2)}\n`);
    return EXIT.ok;
  }
  throw new TriangulateError(
    "BAD_ARGUMENT",
    `expected "eval ner", "eval quotes", "eval paraphrase" or "eval clusters", found "eval ${kind}"`,
  );
}
