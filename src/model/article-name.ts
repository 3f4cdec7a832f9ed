import type { ReportArticle } from "./report.js";

/** The fields an article's name is made from; its text names it when nothing else does. */
export type NamedArticle = Pick<ReportArticle, "id" | "source" | "outlet" | "title"> & { text?: string };

/**
 * A headline of more words than this is not used to name an article: a name is read many times over, in
 * every citation of the brief and every column of the tables, and some articles have no headline but a
 * first paragraph standing in for one. Eight words still reads as a name in a list of citations.
 */
export const MAX_NAME_HEADLINE_WORDS = 8;

/**
 * Words of an untitled article's opening (or of a long headline) that name it, an ellipsis marking the cut:
 * six words tell two reports of one story apart by what each leads with ("“Two crew members were hurt
 * when…”") and still read as a name in a citation.
 */
export const MAX_NAME_OPENING_WORDS = 6;

/**
 * A wire dateline before an article's first sentence: a place in capitals, an optional date (with a digit)
 * and agency (in brackets), then a dash ("KESTREL BAY, May 3 (Velmar Wire) - "). It says where the report was
 * filed, not what it says. A sentence opening with capitals ("UK, Velmar and Portavel said - ...") has no
 * digit or bracket before its dash and is kept.
 */
const WIRE_DATELINE =
  /^\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}(?:,[^\n(–—]{0,30}?\d[^\n(–—]{0,10}?)?(?:\s*\([^)\n]{1,40}\))?\s[-–—]{1,2}\s+/u;

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
 * outlet, its headline in quotation marks when short and its own, else the first words of its headline or,
 * untitled, of its text ({@link openingWords}) when those are its own, else "article N (no outlet named)".
 * N is the article's place in `articles`, counted from 1, as the pages and the summary number them. A file
 * id ("003_draft") is never a name: it means nothing to a reader of the pages or the brief.
 *
 * @example articleNames([{ id: "x1", source: "x1.txt", title: "Bridge closed" }]).get("x1") // "“Bridge closed”"
 */
export function articleNames(articles: readonly NamedArticle[]): Map<string, string> {
  const voices = articles.map((a) => voiceOf(a));
  const headlines = articles.map((a, i) => (voices[i] === undefined ? shortHeadline(a.title) : undefined));
  const openings = articles.map((a, i) =>
    voices[i] === undefined && headlines[i] === undefined ? openingWords(a.title?.trim() || a.text) : undefined,
  );
  const voiceCount = countOf(voices);
  const headlineCount = countOf(headlines.map((h) => h?.toLowerCase()));
  const openingCount = countOf(openings.map((o) => o?.toLowerCase()));
  const names = new Map<string, string>();
  articles.forEach((a, i) => {
    const voice = voices[i];
    const headline = headlines[i];
    const opening = openings[i];
    const n = i + 1;
    let name: string;
    if (voice !== undefined) name = (voiceCount.get(voice) ?? 0) > 1 ? `${voice} (article ${n})` : voice;
    else if (headline !== undefined && headlineCount.get(headline.toLowerCase()) === 1) name = `“${headline}”`;
    else if (opening !== undefined && openingCount.get(opening.toLowerCase()) === 1) name = `“${opening}”`;
    else name = `article ${n} (no outlet named)`;
    names.set(a.id, name);
  });
  return names;
}

/**
 * The first words of a text's first line, after a wire dateline, to name an untitled article by: at most
 * {@link MAX_NAME_OPENING_WORDS}, an ellipsis where the line goes on; undefined for a text without words.
 *
 * @example openingWords("KESTREL BAY, May 3 (Velmar Wire) - Two crew members were hurt when a barge struck the bridge.") // "Two crew members were hurt when…"
 */
export function openingWords(text: string | undefined): string | undefined {
  const line = text?.trimStart().split("\n", 1)[0]?.replace(WIRE_DATELINE, "").replace(/\s+/g, " ").trim();
  if (!line) return undefined;
  const words = line.split(" ");
  if (words.length <= MAX_NAME_OPENING_WORDS) return line.replace(/[.\s]+$/, "");
  // A cut word's trailing comma or colon would stand before the ellipsis.
  return `${words
    .slice(0, MAX_NAME_OPENING_WORDS)
    .join(" ")
    .replace(/[,;:.\s]+$/, "")}…`;
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
