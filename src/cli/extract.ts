import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { cleanArticle, stripControls } from "../ingest/controls.js";
import { idOf } from "../ingest/files.js";
import { extractPage, type PageExtraction } from "../ingest/html/page.js";
import { fetchPage } from "../ingest/url/index.js";
import { TriangulateError } from "../model/index.js";
import { EXTRACT_HELP } from "./extract-help.js";
import { type CliIo, EXIT, printable } from "./io.js";

export { EXTRACT_HELP };

/** One line of `extract --json`. */
export interface ExtractLine {
  id: string;
  source: string;
  kind: "article" | "not-article" | "error";
  url?: string;
  title?: string;
  outlet?: string;
  author?: string;
  published?: string;
  language?: string;
  text?: string;
  removedBoilerplate?: string[];
  reasons?: string[];
  error?: { code: string; message: string };
}

/**
 * `triangulate extract`: each page's article as JSON Lines or a readable summary.
 *
 * @example await extract(["story.html", "--url", "https://example.org/story", "--json"], io)
 */
export async function extract(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseExtractArgs>;
  try {
    parsed = parseExtractArgs(args);
  } catch (err) {
    throw new TriangulateError("BAD_ARGUMENT", (err as Error).message.split("\n")[0] ?? "bad option");
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(EXTRACT_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new TriangulateError("BAD_ARGUMENT", 'expected pages to extract, found none: "triangulate extract PAGES..."');
  }
  const urls = values.url ?? [];
  if (urls.length > 0 && urls.length !== positionals.length) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      `expected one --url per page (${positionals.length}), found ${urls.length}`,
    );
  }
  let read = 0;
  for (const [i, page] of positionals.entries()) {
    const line = await extractOne(page, urls[i]);
    if (line.kind === "error")
      io.stderr(`${printable(`triangulate: skipped ${line.source}: ${line.error?.message ?? "unreadable"}`)}\n`);
    else read++;
    io.stdout(values.json ? `${JSON.stringify(line)}\n` : printable(summary(line)));
  }
  return read > 0 ? EXIT.ok : EXIT.failed;
}

function parseExtractArgs(args: string[]) {
  return parseArgs({
    args,
    options: {
      json: { type: "boolean" },
      url: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
}

async function extractOne(page: string, url: string | undefined): Promise<ExtractLine> {
  const id = idOf(page);
  try {
    let result: PageExtraction;
    if (/^https?:\/\//i.test(page)) {
      const fetched = await fetchPage(page);
      result = extractPage({
        bytes: fetched.bytes,
        id,
        source: page,
        url: url ?? fetched.url,
        ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
      });
    } else {
      result = extractPage({ bytes: await readPage(page), id, source: page, ...(url ? { url } : {}) });
    }
    return lineOf(result);
  } catch (err) {
    if (!(err instanceof TriangulateError)) throw err;
    return { id, source: page, kind: "error", error: { code: err.code, message: err.message } };
  }
}

async function readPage(path: string): Promise<Buffer> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (cause) {
    throw new TriangulateError("NOT_FOUND", "no such file", { subject: path, cause });
  }
  if (isDirectory)
    throw new TriangulateError("IS_DIRECTORY", "is a directory; pass the pages in it", { subject: path });
  try {
    return await readFile(path);
  } catch (cause) {
    throw new TriangulateError("UNREADABLE", `cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"})`, {
      subject: path,
      cause,
    });
  }
}

/** The JSON line of one extraction, control characters removed as the readers remove them; absent fields stay absent. */
export function lineOf(result: PageExtraction): ExtractLine {
  if (result.kind === "not-article") {
    const line: ExtractLine = { id: result.id, source: result.source, kind: "not-article" };
    if (result.url) line.url = result.url;
    if (result.title) line.title = stripControls(result.title);
    if (result.published) line.published = result.published;
    if (result.language) line.language = result.language;
    line.text = stripControls(result.text);
    line.reasons = result.reasons.map(stripControls);
    return line;
  }
  const a = cleanArticle(result.article);
  const line: ExtractLine = { id: a.id, source: a.source, kind: "article" };
  if (result.url) line.url = result.url;
  if (a.title) line.title = a.title;
  if (a.outlet) line.outlet = a.outlet;
  if (a.author) line.author = a.author;
  if (a.published) line.published = a.published;
  if (result.language) line.language = result.language;
  line.text = a.text;
  line.removedBoilerplate = a.removedBoilerplate;
  return line;
}

function summary(line: ExtractLine): string {
  if (line.kind === "error") return `${line.id}: unreadable: ${line.error?.message ?? ""}\n`;
  if (line.kind === "not-article") return `${line.id}: not an article: ${(line.reasons ?? []).join("; ")}\n`;
  const words = line.text ? line.text.split(/\s+/).length : 0;
  const meta = [line.outlet, line.published, line.author ? `by ${line.author}` : undefined, line.language]
    .filter(Boolean)
    .join(", ");
  return `${line.id}: ${line.title ?? "(no title)"}${meta ? ` — ${meta}` : ""} — ${words} words\n`;
}
