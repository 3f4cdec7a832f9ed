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
 * outlet, its headline in quotation marks when short, else the first words of its headline or, untitled, of
 * its text ({@link openingWords}), with the article's number when another article shares those words; else
 * "article N (no outlet named)".
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
    // Words two articles share still say what each leads with; their numbers tell them apart, as an outlet's do.
    const told = (words: string, count: Map<string, number>) =>
      (count.get(words.toLowerCase()) ?? 0) > 1 ? `“${words}” (article ${n})` : `“${words}”`;
    if (voice !== undefined) name = (voiceCount.get(voice) ?? 0) > 1 ? `${voice} (article ${n})` : voice;
    else if (headline !== undefined) name = told(headline, headlineCount);
    else if (opening !== undefined) name = told(opening, openingCount);
    else name = `article ${n} (no outlet named)`;
    names.set(a.id, name);
  });
  return names;
}

/** The fields one article is named by on its own (see {@link nameArticle}); a copy has `url`, a report article `source`. */
export interface LoneArticle {
  /** The reader's id: a file's name without its extension, a feed item's id. */
  id: string;
  source?: string;
  url?: string;
  outlet?: string;
  title?: string;
  text?: string;
}

/**
 * One article named on its own, outside a story's numbering (a copy, a search hit, a link from another
 * article), the same way on every page and in the CLI, by what is known of it: its outlet, else its URL's
 * host, else its headline (its first words when long) in quotation marks, else its text's first words, else
 * its file name. A reader recognises a publisher or a headline; a file name is the last resort, and still
 * says more than "an article with no outlet named".
 *
 * @example nameArticle({ id: "004_smoke", source: "in/004_smoke.txt" }) // "004_smoke.txt"
 */
export function nameArticle(a: LoneArticle): string {
  const source = a.url?.trim() || a.source?.trim() || "";
  const voice = voiceOf({ source, ...(a.outlet ? { outlet: a.outlet } : {}) });
  if (voice) return voice;
  const words = headlineOf(a);
  if (words) return `“${words}”`;
  if (source && !/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source.split(/[\\/]/).pop() || a.id;
  return a.id;
}

/**
 * What an article says at its top, to show beside its name: its headline (its first words when long), else
 * the first words of its text; undefined when it has neither.
 *
 * @example headlineOf({ id: "x", text: "Two crew members were hurt when a barge struck the bridge." }) // "Two crew members were hurt when…"
 */
export function headlineOf(a: Pick<LoneArticle, "title" | "text">): string | undefined {
  const title = a.title?.trim();
  if (title) return shortHeadline(title) ?? openingWords(title);
  return openingWords(a.text);
}

/**
 * A search hit's headline (what it says at its top) and who ran it ({@link nameArticle}), as the search page
 * and `triangulate search` show it: the headline leads, the name after it; an article with neither headline
 * nor text is shown by its name alone, one without a headline by its text's first words in quotation marks.
 * The hit's `name` is the reader's id, `opening` its text's first words.
 *
 * @example hitNames({ name: "003_pier", title: "Divers inspect pier", outlet: "Kestrel Post" }) // { headline: "Divers inspect pier", who: "Kestrel Post" }
 */
export function hitNames(h: { name: string; url?: string; title?: string; outlet?: string; opening?: string }): {
  headline?: string;
  who: string;
} {
  const known = {
    id: h.name,
    ...(h.url ? { url: h.url } : {}),
    ...(h.outlet ? { outlet: h.outlet } : {}),
    ...(h.title ? { title: h.title } : {}),
    ...(h.opening ? { text: h.opening } : {}),
  };
  // First words of the text stand in for a missing headline in quotation marks, as in a name.
  const opening = headlineOf({ ...(h.opening ? { text: h.opening } : {}) });
  const headline = h.title?.trim() || (opening ? `“${opening}”` : undefined);
  if (!headline) return { who: nameArticle(known) };
  // Beside its headline, a hit is named by who ran it, else its file: not by its headline again.
  const { title: _, text: __, ...without } = known;
  return { headline, who: nameArticle(without) };
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

/**
 * Characters of an untitled story's opening that title it: a title is read in a list of stories beside the
 * others, so a long first sentence is cut where a word ends.
 */
export const UNTITLED_TITLE_CHARS = 80;

/**
 * The title of a story none of whose articles has a headline, from the words its earliest article opens with
 * (its first sentence, or its text's first line where sentences are not known): after a wire dateline, at most
 * {@link UNTITLED_TITLE_CHARS} characters, cut at a word's end with an ellipsis. The report and the store's
 * list title an untitled story by this one rule.
 *
 * @example untitledStoryTitle("KESTREL BAY (Velmar Wire) - Divers inspected the pier on Monday.") // "Divers inspected the pier on Monday."
 */
export function untitledStoryTitle(opening: string): string {
  const line = (opening.trimStart().split("\n", 1)[0] ?? "").replace(WIRE_DATELINE, "").replace(/\s+/g, " ").trim();
  if (line.length <= UNTITLED_TITLE_CHARS) return line;
  const cut = line.slice(0, UNTITLED_TITLE_CHARS + 1);
  const end = cut.lastIndexOf(" ");
  return `${(end > 0 ? cut.slice(0, end) : line.slice(0, UNTITLED_TITLE_CHARS)).replace(/[,;:.\s]+$/, "")}…`;
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
