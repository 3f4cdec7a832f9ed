import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { MAX_PAGE_BYTES } from "../html/charset.js";
import { extractPage, type PageExtraction, type PageOptions } from "../html/page.js";
import { isDamage, readWarcRecords, type WarcRecord } from "./records.js";

export { isDamage, MAX_WARC_BLOCK_BYTES, readWarcRecords, type WarcDamage, type WarcRecord } from "./records.js";

/** A record that held a page but could not be read, in one line. */
export interface WarcProblem {
  kind: "problem";
  source: string;
  message: string;
}

/** Where the WARC came from: ids are the prefix, a dash and the record number; sources are "source#n". */
export interface WarcInput {
  idPrefix: string;
  source: string;
}

/**
 * Reads the HTML pages of a WARC stream (as Common Crawl's CC-NEWS writes them), record by record: each
 * successful HTML response is extracted as a page; requests, metadata, redirects and non-HTML responses are
 * passed over; damaged records are reported and reading goes on while the stream allows.
 *
 * @example for await (const item of readWarcPages(gunzipped, { idPrefix: "crawl", source: "crawl.warc.gz" })) ...
 */
export async function* readWarcPages(
  chunks: AsyncIterable<Uint8Array>,
  input: WarcInput,
  options: PageOptions = {},
): AsyncGenerator<PageExtraction | WarcProblem> {
  for await (const item of readWarcRecords(chunks)) {
    if (isDamage(item)) {
      yield { kind: "problem", source: `${input.source}#${item.index}`, message: item.message };
      continue;
    }
    const page = pageOf(item);
    if (!page) continue;
    const source = `${input.source}#${item.index}`;
    if ("problem" in page) {
      yield { kind: "problem", source, message: page.problem };
      continue;
    }
    try {
      yield extractPage(
        {
          bytes: page.body,
          id: `${input.idPrefix}-${item.index}`,
          source,
          ...(page.url ? { url: page.url } : {}),
          ...(page.contentType ? { contentType: page.contentType } : {}),
        },
        options,
      );
    } catch (err) {
      yield { kind: "problem", source, message: err instanceof Error ? err.message : String(err) };
    }
  }
}

interface HtmlPayload {
  body: Uint8Array;
  url?: string;
  contentType?: string;
}

/** The HTML payload of a response or resource record; undefined for anything that is not an HTML page. */
export function pageOf(record: WarcRecord): HtmlPayload | { problem: string } | undefined {
  if (!record.block || (record.type !== "response" && record.type !== "resource")) return undefined;
  const url = record.headers.get("warc-target-uri")?.replace(/^<|>$/g, "");
  let body: Buffer = record.block;
  let contentType = record.headers.get("content-type");
  let encoding: string | undefined;
  let chunked = false;
  if (record.type === "response" && /^application\/http/i.test(contentType ?? "application/http")) {
    if (!body.subarray(0, 5).toString("latin1").startsWith("HTTP/"))
      return { problem: "expected an HTTP response, found other bytes" };
    const end = body.indexOf("\r\n\r\n");
    if (end < 0) return { problem: "expected HTTP headers, found them cut off" };
    const [status = "", ...lines] = body.subarray(0, end).toString("latin1").split("\r\n");
    const code = Number(status.split(" ")[1]);
    if (!(code >= 200 && code < 300)) return undefined;
    contentType = undefined;
    for (const line of lines) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === "content-type") contentType = value;
      else if (name === "content-encoding") encoding = value.toLowerCase();
      else if (name === "transfer-encoding" && /chunked/i.test(value)) chunked = true;
    }
    body = body.subarray(end + 4);
  }
  if (contentType && !/html|xml/i.test(contentType)) return undefined;
  if (!contentType && !/^\s*(?:<!doctype html|<html|<head|<body)/i.test(body.subarray(0, 512).toString("latin1"))) {
    return undefined;
  }
  try {
    if (chunked) body = dechunk(body);
    if (encoding === "gzip" || encoding === "x-gzip") body = gunzipSync(body, { maxOutputLength: MAX_PAGE_BYTES });
    else if (encoding === "deflate") body = inflateSync(body, { maxOutputLength: MAX_PAGE_BYTES });
    else if (encoding === "br") body = brotliDecompressSync(body, { maxOutputLength: MAX_PAGE_BYTES });
  } catch {
    return {
      problem: `expected a ${chunked ? "chunked " : ""}${encoding ?? ""} body, found one that cannot be decoded`,
    };
  }
  const out: HtmlPayload = { body };
  if (url) out.url = url;
  if (contentType) out.contentType = contentType;
  return out;
}

/** Undoes HTTP chunked transfer coding; stops at the last chunk or where the data ends. */
function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(data.subarray(at, lineEnd).toString("latin1").split(";")[0] ?? "", 16);
    if (!Number.isFinite(size)) throw new Error("bad chunk size");
    if (size === 0) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export { httpResponse, writeWarcRecord } from "./write.js";
