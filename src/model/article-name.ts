import type { ReportArticle } from "./report.js";

/** The fields an article's name is made from. */
export type NamedArticle = Pick<ReportArticle, "id" | "source" | "outlet" | "title">;

/**
 * A headline of more words than this is not used to name an article: a name is read many times over, in
 * every citation of the brief and every column of the tables, and some articles have no headline but a
 * first paragraph standing in for one. Eight words still reads as a name in a list of citations.
 */
export const MAX_NAME_HEADLINE_WORDS = 8;

/**
 * The voice an article speaks with: the outlet it names, else the host of its URL ("example.org"), else
 * undefined: an article read from a file without a publisher line has none.
 *
 * @example voiceOf({ id: "a", source: "https://www.example.org/x" }) // "example.org"
 */
export function voiceOf(article: Pick<ReportArticle, "source" | "outlet">): string | undefined {
  const named = article.outlet?.trim();
  if (named) return named;
  if (/^https?:\/\//i.test(article.source)) {
    try {
      return new URL(article.source).hostname.replace(/^www\./, "") || undefined;
    } catch {
      // An unparsable URL names no one.
    }
  }
  return undefined;
}

/**
 * What a reader calls each article of a story, by id: its outlet (or its URL's host); with the article's
 * number in the story ("Daily Example (article 2)") when one outlet has several; for an article without an
 * outlet, its headline in quotation marks when short and its own, else "article N (no outlet named)".
 * N is the article's place in `articles`, counted from 1, as the pages and the summary number them. A file
 * id ("003_draft") is never a name: it means nothing to a reader of the pages or the brief.
 *
 * @example articleNames([{ id: "x1", source: "x1.txt", title: "Bridge closed" }]).get("x1") // "“Bridge closed”"
 */
export function articleNames(articles: readonly NamedArticle[]): Map<string, string> {
  const voices = articles.map((a) => voiceOf(a));
  const headlines = articles.map((a, i) => (voices[i] === undefined ? shortHeadline(a.title) : undefined));
  const voiceCount = countOf(voices);
  const headlineCount = countOf(headlines.map((h) => h?.toLowerCase()));
  const names = new Map<string, string>();
  articles.forEach((a, i) => {
    const voice = voices[i];
    const headline = headlines[i];
    const n = i + 1;
    let name: string;
    if (voice !== undefined) name = (voiceCount.get(voice) ?? 0) > 1 ? `${voice} (article ${n})` : voice;
    else if (headline !== undefined && headlineCount.get(headline.toLowerCase()) === 1) name = `“${headline}”`;
    else name = `article ${n} (no outlet named)`;
    names.set(a.id, name);
  });
  return names;
}

/** A headline short enough to name an article by, without its closing full stop; undefined for none. */
function shortHeadline(title: string | undefined): string | undefined {
  const t = title
    ?.replace(/\s+/g, " ")
    .trim()
    .replace(/[.\s]+$/, "");
  if (!t) return undefined;
  return t.split(" ").length <= MAX_NAME_HEADLINE_WORDS ? t : undefined;
}

function countOf(values: readonly (string | undefined)[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const v of values) if (v !== undefined) count.set(v, (count.get(v) ?? 0) + 1);
  return count;
}
