import { createHash } from "node:crypto";
import { extractPage, type PageExtraction, readJsonlRecord } from "../ingest/index.js";
import { MAX_ARTICLE_BYTES } from "../ingest/limits.js";
import { TriangulateError } from "../model/index.js";

/** An article read from a request body, with the URL it was published at when known. */
export interface PostedArticle {
  page: Extract<PageExtraction, { kind: "article" }>;
}

/** An item of a request body that could not be read: which one, and why. */
export interface PostedProblem {
  item: string;
  code: string;
  message: string;
}

/** The body formats POST /api/articles reads, by media type. */
export type PostedFormat = "json" | "jsonl" | "html";

/** The format a Content-Type names, or undefined for one the API does not read. */
export function postedFormat(contentType: string | undefined): PostedFormat | undefined {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") return "json";
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/x-jsonlines") {
    return "jsonl";
  }
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  return undefined;
}

/**
 * Reads the articles of a request body: a JSON record or an array of them, JSON Lines (one record a line),
 * or an HTML page with the URL it was published at. A record that cannot be read is a problem named by
 * its position; the others go on. A body that cannot be read at all throws BAD_DATA.
 *
 * @example readPosted('{"text":"…","outlet":"Harbour Times"}', "json")
 */
export function readPosted(
  body: string,
  format: PostedFormat,
  url?: string,
): { articles: PostedArticle[]; problems: PostedProblem[] } {
  const articles: PostedArticle[] = [];
  const problems: PostedProblem[] = [];
  const prefix = `posted-${createHash("sha256").update(body).digest("hex").slice(0, 10)}`;
  const take = (item: string, read: () => PageExtraction) => {
    try {
      const page = read();
      if (page.kind === "article") articles.push({ page });
      else problems.push({ item, code: "NOT_AN_ARTICLE", message: `not an article: ${page.reasons.join("; ")}` });
    } catch (err) {
      if (!(err instanceof TriangulateError)) throw err;
      problems.push({ item, code: err.code, message: err.message });
    }
  };
  const options = { maxTextBytes: MAX_ARTICLE_BYTES };
  if (format === "html") {
    if (!url || !/^https?:\/\//i.test(url)) {
      throw new TriangulateError("BAD_ARGUMENT", "expected the page's http(s) URL in ?url= with an HTML body");
    }
    take("page", () => extractPage({ html: body, id: prefix, source: url, url }));
    return { articles, problems };
  }
  if (format === "jsonl") {
    const lines = body.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      take(`line ${i + 1}`, () => readJsonlRecord(line, { idPrefix: prefix, source: "POST", line: i + 1 }, options));
    });
    return { articles, problems };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new TriangulateError(
      "BAD_DATA",
      "expected a JSON article record or an array of them, found text that is not JSON",
      {
        cause,
      },
    );
  }
  const records = Array.isArray(json) ? json : [json];
  records.forEach((record, i) => {
    take(`record ${i + 1}`, () =>
      readJsonlRecord(JSON.stringify(record), { idPrefix: prefix, source: "POST", line: i + 1 }, options),
    );
  });
  return { articles, problems };
}
