import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { constants, createGunzip, gunzipSync } from "node:zlib";
import { type Article, TriangulateError } from "../model/index.js";
import { cleanArticle, stripControls } from "./controls.js";
import { decodeText } from "./decode.js";
import { looksLikeFeed, readFeed } from "./feeds/index.js";
import { decodePage, gunzipCapped, isGzip, MAX_PAGE_BYTES } from "./html/charset.js";
import { extractPage, type PageExtraction, type PageOptions } from "./html/page.js";
import { readJsonlRecord } from "./jsonl/index.js";
import { MAX_ARTICLE_BYTES } from "./limits.js";
import { readTextArticle } from "./text.js";
import { type FetchOptions, fetchPage } from "./url/index.js";
import { readWarcPages } from "./warc/index.js";

export { MAX_ARTICLE_BYTES };

/** A file, record or URL that could not be read, and why, in one line. */
export interface ReadProblem {
  source: string;
  code: string;
  message: string;
}

export interface ReadResult {
  articles: Article[];
  problems: ReadProblem[];
}

/** One item of an ingest stream: an article (with what the page said about its URL and language) or a problem. */
export type IngestItem =
  | { kind: "article"; article: Article; url?: string; language?: string }
  | { kind: "problem"; problem: ReadProblem };

/** Options for reading inputs. */
export interface ReadOptions {
  /** How URLs are fetched (timeout, size cap, user agent). */
  fetch?: FetchOptions;
  /** How pages are extracted. */
  page?: PageOptions;
  /** Articles with more bytes of text (UTF-8) than this are skipped as `TOO_LARGE`; default {@link MAX_ARTICLE_BYTES}. */
  maxArticleBytes?: number;
  /** What the input `-` reads, as JSON Lines; without it `-` is a file name like any other. */
  stdin?: AsyncIterable<Uint8Array>;
}

/**
 * Most bytes a text file can spend on one byte of its UTF-8 text: a UTF-16 CR LF pair is four bytes for one
 * line end. A text file larger than the cap times this cannot hold an article within the cap, so it is
 * refused without being read.
 */
const MAX_FILE_BYTES_PER_TEXT_BYTE = 4;

/** Bytes read to tell the format of a file whose name does not: {@link sniffFormat} looks no further. */
const SNIFF_BYTES = 65_536;

/** The input formats, chosen by name and, where the name says nothing, by the first bytes. */
export type InputFormat = "url" | "warc" | "jsonl" | "feed" | "html" | "text";

/** JSON Lines lines longer than this are skipped: a record holding a whole page is far smaller. */
const MAX_JSONL_LINE = MAX_PAGE_BYTES;

/**
 * Reads articles from files and URLs of any supported format: plain text, HTML (also gzip-compressed), RSS
 * and Atom feeds, JSON Lines, WARC and WARC.gz crawls, and http(s) URLs. A file, record or URL that cannot
 * be read is reported as a problem and skipped; the rest goes on. Ids are file names without their
 * extensions (feeds, JSON Lines and WARC add the item's number), made unique with a suffix.
 *
 * @example const { articles, problems } = await readArticleFiles(["a.txt", "b.html", "crawl.warc.gz"]);
 */
export async function readArticleFiles(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const articles: Article[] = [];
  const problems: ReadProblem[] = [];
  for await (const item of readArticles(paths, options)) {
    if (item.kind === "article") articles.push(item.article);
    else problems.push(item.problem);
  }
  return { articles, problems };
}

/**
 * The streaming form of {@link readArticleFiles}: articles and problems one at a time, in input order. A
 * WARC is read record by record and a JSON Lines file line by line, so memory stays flat on any size.
 *
 * @example for await (const item of readArticles(["crawl.warc.gz"])) if (item.kind === "article") store(item.article);
 */
export async function* readArticles(inputs: string[], options: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const used = new Set<string>();
  const cap = options.maxArticleBytes ?? MAX_ARTICLE_BYTES;
  for (const input of inputs) {
    for await (const read of readInput(input, { ...options, maxArticleBytes: cap })) {
      const item = cleanItem(read, cap);
      if (item.kind === "article") {
        const base = item.article.id;
        let id = base;
        for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
        used.add(id);
        if (id !== base) item.article = { ...item.article, id };
      }
      yield item;
    }
  }
}

/**
 * The one pass every reader's output goes through: control characters leave the article and the problem,
 * and an article over the size cap becomes a problem naming its source.
 */
function cleanItem(item: IngestItem, cap: number): IngestItem {
  if (item.kind === "problem") {
    const { source, message } = item.problem;
    return {
      kind: "problem",
      problem: { ...item.problem, source: stripControls(source), message: stripControls(message) },
    };
  }
  const article = cleanArticle(item.article);
  const bytes = Buffer.byteLength(article.text, "utf8");
  if (bytes > cap) return { kind: "problem", problem: problemOf(article.source, tooLarge(bytes, cap)) };
  return article === item.article ? item : { ...item, article };
}

/** The refusal of an article over the cap, naming both sizes. */
function tooLarge(bytes: number, cap: number, what = "of text"): TriangulateError {
  return new TriangulateError(
    "TOO_LARGE",
    `expected at most ${cap} bytes of text for one article, found ${bytes} bytes ${what}`,
  );
}

async function* readInput(input: string, options: ReadOptions): AsyncGenerator<IngestItem> {
  try {
    if (input === "-" && options.stdin) {
      yield* readJsonlStream(options.stdin, "stdin", "stdin", options);
      return;
    }
    const byName = formatByName(input);
    if (byName === "url") {
      yield* readUrl(input, options);
      return;
    }
    const size = await checkFile(input);
    if (byName === "warc") {
      yield* readWarcFile(input, options);
      return;
    }
    if (byName === "jsonl") {
      yield* readJsonlFile(input, options);
      return;
    }
    const format = byName ?? sniffFormat(await readCapped(input, SNIFF_BYTES));
    if (format === "warc") {
      yield* readWarcFile(input, options);
      return;
    }
    if (format === "jsonl") {
      yield* readJsonlFile(input, options);
      return;
    }
    const id = idOf(input);
    const cap = options.maxArticleBytes ?? MAX_ARTICLE_BYTES;
    if (format === "text") {
      if (size > cap * MAX_FILE_BYTES_PER_TEXT_BYTE) throw tooLarge(size, cap, "in the file");
      yield articleItem(readText(await readCapped(input, size), id, input, cap));
      return;
    }
    const raw = await readCapped(input, MAX_PAGE_BYTES);
    const bytes = isGzip(raw) ? gunzipCapped(raw, MAX_PAGE_BYTES, input) : raw;
    if (format === "feed") {
      const { html: xml } = decodePage(bytes, { subject: input });
      yield* pageItems(readFeed({ xml, idPrefix: id, source: input }));
      return;
    }
    yield* pageItems([extractPage({ bytes, id, source: input }, options.page ?? {})]);
  } catch (err) {
    yield { kind: "problem", problem: problemOf(input, err) };
  }
}

/** The format a path's name announces, or undefined when only its bytes can tell. */
export function formatByName(path: string): InputFormat | undefined {
  if (/^https?:\/\//i.test(path)) return "url";
  const name = path.toLowerCase();
  if (/\.warc(?:\.gz)?$/.test(name)) return "warc";
  if (/\.(?:jsonl|ndjson)(?:\.gz)?$/.test(name)) return "jsonl";
  if (/\.(?:rss|atom)(?:\.gz)?$/.test(name)) return "feed";
  if (/\.(?:html?|xhtml)(?:\.gz)?$/.test(name)) return "html";
  if (/\.(?:txt|text|md)$/.test(name)) return "text";
  return undefined;
}

/** The format the first bytes show: WARC, JSON Lines, a feed, a web page, else plain text. */
export function sniffFormat(raw: Uint8Array): InputFormat {
  let head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.length, 4096));
  if (isGzip(raw)) {
    try {
      head = gunzipHead(raw, 4096);
    } catch {
      return "html";
    }
  }
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  if (text.startsWith("WARC/")) return "warc";
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") && isJsonLine(trimmed)) return "jsonl";
  if (looksLikeFeed(trimmed)) return "feed";
  if (
    /^(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html|<!--)/i.test(trimmed) ||
    /<(?:p|div|article)\b[^>]*>/i.test(trimmed.slice(0, 1024))
  ) {
    return "html";
  }
  return "text";
}

/** The first bytes of a gzip stream, also when the stream is cut short. */
function gunzipHead(raw: Uint8Array, bytes: number): Buffer {
  return gunzipSync(raw.subarray(0, Math.min(raw.length, 65_536)), {
    finishFlush: constants.Z_SYNC_FLUSH,
    maxOutputLength: bytes * 16,
  }).subarray(0, bytes);
}

function isJsonLine(text: string): boolean {
  const line = text.split("\n", 1)[0] ?? "";
  try {
    const value = JSON.parse(line);
    return typeof value === "object" && value !== null;
  } catch {
    return false;
  }
}

/** "news/fire-at-port.html.gz" -> "fire-at-port"; a URL gives its last path segment or its host. */
export function idOf(input: string): string {
  if (/^https?:\/\//i.test(input)) {
    try {
      const url = new URL(input);
      const last = url.pathname.split("/").filter(Boolean).pop();
      const slug = last?.replace(/\.(?:s?html?|php|aspx?|cms)$/i, "");
      return slug && /[a-z]/i.test(slug) ? slug : url.hostname.replace(/^www\./, "");
    } catch {
      return input;
    }
  }
  const name = input.split(/[\\/]/).pop() ?? input;
  return name.replace(/(?:\.(?:html?|xhtml|txt|text|md|xml|rss|atom|jsonl|ndjson|warc))?(?:\.gz)?$/i, "") || name;
}

/** Stats a path that must be a file; its size in bytes. */
async function checkFile(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new TriangulateError("NOT_FOUND", "no such file", { subject: path, cause });
  }
  if (info.isDirectory()) {
    throw new TriangulateError("IS_DIRECTORY", "is a directory; pass the files in it (for example dir/*.html)", {
      subject: path,
    });
  }
  return info.size;
}

/** Reads a file's first `max` bytes, the whole file when it is smaller; nothing past them is loaded. */
async function readCapped(path: string, max: number): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.size <= max) return await readFile(path);
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(max);
      const { bytesRead } = await handle.read(buffer, 0, max, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new TriangulateError("UNREADABLE", `cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"})`, {
      subject: path,
      cause,
    });
  }
}

/** A plain-text article; text over the cap is refused before any reading of its lines. */
function readText(bytes: Buffer, id: string, source: string, cap: number): Article {
  const { text } = decodeText(bytes, source);
  const size = Buffer.byteLength(text, "utf8");
  if (size > cap) throw tooLarge(size, cap);
  const article = readTextArticle({ id, source, text });
  if (article.text.length === 0) {
    throw new TriangulateError("EMPTY", "has no article text once metadata and boilerplate are removed", {
      subject: source,
    });
  }
  return article;
}

function articleItem(article: Article): IngestItem {
  return { kind: "article", article };
}

function* pageItems(pages: PageExtraction[]): Generator<IngestItem> {
  for (const page of pages) yield itemOf(page);
}

/** An extracted page as an ingest item: a page that is not an article is a problem that says why. */
export function itemOf(page: PageExtraction): IngestItem {
  if (page.kind === "not-article") {
    return {
      kind: "problem",
      problem: { source: page.source, code: "NOT_ARTICLE", message: `not an article: ${page.reasons.join("; ")}` },
    };
  }
  const item: IngestItem = { kind: "article", article: page.article };
  if (page.url) item.url = page.url;
  if (page.language) item.language = page.language;
  return item;
}

async function* readUrl(url: string, options: ReadOptions): AsyncGenerator<IngestItem> {
  const fetched = await fetchPage(url, options.fetch ?? {});
  const id = idOf(url);
  const type = fetched.contentType ?? "";
  const head = Buffer.from(fetched.bytes.subarray(0, 2048)).toString("utf8");
  if (/rss|atom/i.test(type) || (/xml/i.test(type) && looksLikeFeed(head)) || looksLikeFeed(head)) {
    const { html: xml } = decodePage(fetched.bytes, {
      subject: url,
      ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
    });
    yield* pageItems(readFeed({ xml, idPrefix: id, source: url }));
    return;
  }
  if (type && !/html|xml|text\/plain/i.test(type)) {
    throw new TriangulateError("UNREADABLE", `expected a web page or a feed, found ${type.split(";")[0]}`, {
      subject: url,
    });
  }
  if (/text\/plain/i.test(type)) {
    yield articleItem(readText(Buffer.from(fetched.bytes), id, url, options.maxArticleBytes ?? MAX_ARTICLE_BYTES));
    return;
  }
  yield itemOf(
    extractPage(
      {
        bytes: fetched.bytes,
        id,
        source: url,
        url: fetched.url,
        ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
      },
      options.page ?? {},
    ),
  );
}

/** Opens a file as a byte stream, gunzipped when it starts with the gzip magic number. */
async function openStream(path: string): Promise<AsyncIterable<Uint8Array>> {
  const handle = await open(path, "r");
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0);
  await handle.close();
  const source = createReadStream(path);
  if (!isGzip(magic)) return source;
  const gunzip = createGunzip();
  source.on("error", (err) => gunzip.destroy(err));
  return source.pipe(gunzip);
}

async function* readWarcFile(path: string, options: ReadOptions): AsyncGenerator<IngestItem> {
  const stream = await openStream(path);
  for await (const item of readWarcPages(stream, { idPrefix: idOf(path), source: path }, options.page ?? {})) {
    if (item.kind === "problem")
      yield { kind: "problem", problem: { source: item.source, code: "BAD_DATA", message: item.message } };
    else yield itemOf(item);
  }
}

async function* readJsonlFile(path: string, options: ReadOptions): AsyncGenerator<IngestItem> {
  yield* readJsonlStream(await openStream(path), path, idOf(path), options);
}

async function* readJsonlStream(
  stream: AsyncIterable<Uint8Array>,
  path: string,
  idPrefix: string,
  options: ReadOptions,
): AsyncGenerator<IngestItem> {
  const recordOptions = { ...options.page, maxTextBytes: options.maxArticleBytes ?? MAX_ARTICLE_BYTES };
  let n = 0;
  try {
    for await (const line of boundedLines(stream, MAX_JSONL_LINE)) {
      n++;
      if (line === undefined) {
        yield {
          kind: "problem",
          problem: {
            source: `${path}:${n}`,
            code: "TOO_LARGE",
            message: `expected a line of at most ${MAX_JSONL_LINE} bytes, found a longer one; skipped unread`,
          },
        };
        continue;
      }
      if (line.trim().length === 0) continue;
      try {
        yield itemOf(readJsonlRecord(line, { idPrefix, source: path, line: n }, recordOptions));
      } catch (err) {
        yield { kind: "problem", problem: problemOf(`${path}:${n}`, err) };
      }
    }
  } catch (err) {
    yield { kind: "problem", problem: problemOf(`${path}:${n + 1}`, err) };
  }
}

/**
 * The lines of a byte stream (LF or CR LF), each decoded as UTF-8; a line longer than `max` bytes is
 * `undefined`, its bytes dropped as they come, so one huge line never sits in memory.
 */
export async function* boundedLines(
  stream: AsyncIterable<Uint8Array>,
  max: number,
): AsyncGenerator<string | undefined> {
  const decoder = new TextDecoder("utf-8");
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  const finish = (): string | undefined => {
    const line = overflow ? undefined : decoder.decode(Buffer.concat(parts, length)).replace(/\r$/, "");
    parts = [];
    length = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of stream) {
    let buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let end = buffer.indexOf(0x0a); end !== -1; end = buffer.indexOf(0x0a)) {
      if (!overflow && length + end <= max) parts.push(buffer.subarray(0, end));
      else overflow = true;
      length += end;
      yield finish();
      buffer = buffer.subarray(end + 1);
    }
    if (overflow || length + buffer.length > max) {
      overflow = true;
      parts = [];
    } else if (buffer.length > 0) {
      parts.push(Buffer.from(buffer));
    }
    length += buffer.length;
  }
  if (length > 0 || parts.length > 0) yield finish();
}

function problemOf(source: string, err: unknown): ReadProblem {
  if (err instanceof TriangulateError) return { source: err.subject ?? source, code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  if (/unexpected end of file/i.test(message)) {
    return { source, code: "UNREADABLE", message: "expected a complete gzip stream, found one cut short" };
  }
  return { source, code: "BAD_DATA", message: `could not be read: ${message.split("\n")[0]}` };
}
