import { z } from "zod";
import { type Article, TriangulateError } from "../../model/index.js";
import { stripControls } from "../controls.js";
import { parseDateValue } from "../html/dates.js";
import { normaliseLanguage } from "../html/metadata.js";
import { type ArticlePage, extractPage, type PageExtraction, type PageOptions } from "../html/page.js";
import { readTextArticle } from "../text.js";

const text = z.string().trim().min(1);
const names = z.union([text, z.array(z.union([text, z.object({ name: text }).passthrough()]))]);

/**
 * One JSON Lines record: `text` or `html` is required, the rest is optional. Common alternative names
 * (`content`, `body`, `link`, `date`, `source`, `site`) are accepted as the crawlers that write them use them.
 */
export const jsonlRecord = z
  .object({
    id: z.union([text, z.number()]).optional(),
    text: text.optional(),
    content: text.optional(),
    body: text.optional(),
    html: text.optional(),
    url: text.optional(),
    link: text.optional(),
    title: text.optional(),
    headline: text.optional(),
    published: text.optional(),
    date: text.optional(),
    date_publish: text.optional(),
    outlet: text.optional(),
    source: text.optional(),
    site: text.optional(),
    author: names.optional(),
    authors: names.optional(),
    language: text.optional(),
  })
  .passthrough()
  .refine((r) => Boolean(r.text ?? r.content ?? r.body ?? r.html), { message: "expected a text or html field" });

export type JsonlRecord = z.infer<typeof jsonlRecord>;

/** How records are read: page extraction's options, and the cap on a text record's size. */
export interface JsonlOptions extends PageOptions {
  /** A `text` record with more UTF-8 bytes than this is refused as `TOO_LARGE` before it is read; default none. */
  maxTextBytes?: number;
}

/**
 * Reads one JSON Lines record into an article: `html` goes through page extraction, `text` through the
 * plain-text reader, and the record's own fields (title, url, published, outlet, author, language) win
 * over what extraction found. Throws `BAD_DATA` naming the line when the record is not usable.
 *
 * @example readJsonlRecord('{"text":"Officials said ...","outlet":"Harbour Times"}', { idPrefix: "news", source: "news.jsonl", line: 1 })
 */
export function readJsonlRecord(
  line: string,
  where: { idPrefix: string; source: string; line: number },
  options: JsonlOptions = {},
): PageExtraction {
  const subject = `${where.source}:${where.line}`;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (cause) {
    throw new TriangulateError("BAD_DATA", "expected a JSON object on this line, found text that is not JSON", {
      subject,
      cause,
    });
  }
  const parsed = jsonlRecord.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new TriangulateError(
      "BAD_DATA",
      `expected a record with text or html, found ${path}${issue?.message ?? "no usable field"}`,
      {
        subject,
      },
    );
  }
  const r = parsed.data;
  const id = r.id !== undefined ? String(r.id) : `${where.idPrefix}-${where.line}`;
  const url = r.url ?? r.link;
  let result: PageExtraction;
  if (r.html) {
    result = extractPage({ html: r.html, id, source: subject, ...(url ? { url } : {}) }, options);
  } else {
    const body = (r.text ?? r.content ?? r.body) as string;
    const size = options.maxTextBytes === undefined ? 0 : Buffer.byteLength(body, "utf8");
    if (options.maxTextBytes !== undefined && size > options.maxTextBytes) {
      throw new TriangulateError(
        "TOO_LARGE",
        `expected at most ${options.maxTextBytes} bytes of text for one article, found ${size} bytes of text`,
        { subject },
      );
    }
    const article = readTextArticle({ id, source: subject, text: stripControls(body).normalize("NFC") });
    const page: ArticlePage = { kind: "article", article, extractor: "structure" };
    if (url) page.url = url;
    result = page;
  }
  if (result.kind === "not-article") return result;
  applyRecord(result.article, r);
  const language = r.language ? normaliseLanguage(r.language) : undefined;
  if (language) result.language = language;
  if (url) result.url = url;
  return result;
}

function applyRecord(article: Article, r: JsonlRecord): void {
  const title = r.title ?? r.headline;
  if (title) article.title = title;
  const outlet = r.outlet ?? r.site ?? (r.source && !/^https?:/i.test(r.source) ? r.source : undefined);
  if (outlet) article.outlet = outlet;
  const date = r.published ?? r.date ?? r.date_publish;
  const published = date ? parseDateValue(date) : undefined;
  if (published) article.published = published;
  const author = authorOf(r.author ?? r.authors);
  if (author) article.author = author;
}

function authorOf(value: JsonlRecord["author"]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  const list = value.map((v) => (typeof v === "string" ? v : v.name));
  return list.length > 0 ? list.join(", ") : undefined;
}
