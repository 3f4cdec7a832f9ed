import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { TriangulateError } from "../model/index.js";
import { EXTRACT_HELP } from "./extract-help.js";
import { type CliIo, EXIT, processIo } from "./io.js";
import { renderSummary } from "./summary.js";

const VERSION = "0.1.0";

const HELP = `triangulate — compare how news outlets report one story

Usage
  triangulate analyze FILES... [--json] [--html FILE] [--out FILE]
  triangulate extract PAGES... [--url URL]... [--json]
  triangulate eval ner FILE.conll [--out PRED.conll]
  triangulate eval quotes DIR
  triangulate eval paraphrase MSRP.txt
  triangulate help [COMMAND]

Commands
  analyze   Read the articles of one story and report who is named, who said what and how each
            outlet rendered it. Prints a readable summary, or the triangulate.story/1 report as JSON.
  extract   Extract the article of each web page (.html, .html.gz or a URL): text, title, outlet,
            author, date, language, removed boilerplate, or why a page is not an article.
  eval      Measure the annotators on public data sets (see "triangulate help eval").

Options
  --json        print the full report as JSON (for machines) instead of the summary
  --html FILE   also write one self-contained HTML page: brief, fact matrix, discrepancies,
                quotations side by side, certainty, provenance, timeline, actor graph
  --out FILE    write the output to FILE instead of standard output
  -h, --help    show help;  -v, --version  show the version

Examples
  triangulate analyze examples/port-strike-fire/*.txt
  triangulate analyze articles/*.txt --json > story.json
  triangulate analyze articles/*.txt --html story.html
  triangulate eval ner conllpp_dev.txt --out predicted.conll

Exit codes: 0 done; 1 nothing could be read or evaluated; 2 the command line is wrong.
Files that cannot be read are named on standard error, one line each, and skipped.
`;

const COMMAND_HELP: Record<string, string> = {
  extract: EXTRACT_HELP,
  analyze: `triangulate analyze FILES... [--json] [--html FILE] [--out FILE]

Reads the articles of one story: plain text (UTF-8 with or without BOM, UTF-16 with BOM or
Windows-1252), web pages (.html, .html.gz), RSS and Atom feeds, JSON Lines (one article a line: text or
html, url, title, published, outlet, author), WARC crawls (.warc, .warc.gz, streamed record by record)
and http(s) URLs, in any mix. A text article's id is its file name without the extension. Metadata comes from the text itself: a
"date 2025-04-07" header, a dateline ("April 8, 2025 11:24"), a headline line, a byline ("By Jane Doe")
and the outlet named in a copyright or publisher line. Subscription, share and copyright lines are
removed and listed.

The report lists the articles, the entities (people, organisations, places) with their aliases, and
every quotation with its speaker and each outlet's rendering. With --json it is the
triangulate.story/1 report of DESIGN.md; every start/end is an offset into the article's clean text.

  --json       print JSON instead of the readable summary
  --html FILE  write a self-contained HTML page of the report (no outside requests; every
               finding links to its highlighted words in the article)
  --out FILE   write to FILE

A file that cannot be read (missing, a directory, empty, binary, undecodable) is named on standard
error and skipped; the exit code is 1 only when no article could be read.
`,
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
`,
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
        io.stdout(rest[0] && COMMAND_HELP[rest[0]] ? (COMMAND_HELP[rest[0]] as string) : HELP);
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
      case "eval":
        return await evaluate(rest, io);
      default:
        io.stderr(`triangulate: unknown command "${command}"; run "triangulate --help" for the commands\n`);
        return EXIT.usage;
    }
  } catch (err) {
    if (err instanceof TriangulateError) {
      io.stderr(`triangulate: ${err.subject ? `${err.subject}: ` : ""}${err.message}\n`);
      return err.code === "BAD_ARGUMENT" ? EXIT.usage : EXIT.failed;
    }
    throw err;
  }
}

const OPTIONS = {
  json: { type: "boolean" },
  html: { type: "string" },
  out: { type: "string" },
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

async function emit(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out) await writeFile(out, text);
  else io.stdout(text);
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
  if (io.interactive && positionals.length > 20) io.stderr(`reading ${positionals.length} files…\n`);
  // Loaded on use, so that --help and the eval commands start without the readers and the models.
  const { readArticleFiles } = await import("../ingest/index.js");
  const { analyzeStory } = await import("../pipeline.js");
  const { articles, problems } = await readArticleFiles(positionals);
  for (const p of problems) io.stderr(`triangulate: skipped ${p.source}: ${p.message}\n`);
  if (articles.length === 0) {
    io.stderr("triangulate: no article could be read\n");
    return EXIT.failed;
  }
  if (io.interactive && articles.length > 20) io.stderr(`analysing ${articles.length} articles…\n`);
  const report = analyzeStory(articles);
  if (typeof values.html === "string") {
    const { renderHtmlReport } = await import("../web/html-report.js");
    await writeFile(values.html, renderHtmlReport(report), "utf8");
    if (!values.json && !values.out) {
      io.stderr(`wrote ${values.html}\n`);
      return EXIT.ok;
    }
  }
  const out = typeof values.out === "string" ? values.out : undefined;
  await emit(io, values.json ? `${JSON.stringify(report, null, 2)}\n` : renderSummary(report), out);
  return EXIT.ok;
}

async function evaluate(args: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = args;
  const { values, positionals } = parse(rest);
  if (values.help || !kind || kind === "-h" || kind === "--help") {
    io.stdout(COMMAND_HELP.eval as string);
    return kind ? EXIT.ok : EXIT.usage;
  }
  const target = positionals[0];
  if (!target) throw new TriangulateError("BAD_ARGUMENT", `expected a path after "eval ${kind}"`);
  if (kind === "ner") {
    const { evaluateConll } = await import("../eval/ner.js");
    let conll: string;
    try {
      conll = await readFile(target, "utf8");
    } catch (cause) {
      throw new TriangulateError("NOT_FOUND", "cannot read the CoNLL file", { subject: target, cause });
    }
    const { scores, predicted } = evaluateConll(conll);
    if (typeof values.out === "string") await writeFile(values.out, predicted);
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
    `expected "eval ner", "eval quotes" or "eval paraphrase", found "eval ${kind}"`,
  );
}
