import type { Article, Diagnostic } from "../model/index.js";
import { boilerplateRule } from "./boilerplate.js";
import { parseDateline } from "./dateline.js";

/** A headline or standfirst is a short first line; longer first lines are the lead paragraph. */
const MAX_TITLE_WORDS = 30;
/** Metadata (header lines, datelines, bylines) is looked for among this many first non-empty lines. */
const HEADER_LINES = 6;

const HEADER =
  /^\s*(date|published|updated|dateline|author|byline|source|outlet|publisher|site|title|headline|url)\s*(:|=|\s)\s*(.*)$/i;
/** A personal name in a byline: one to four capitalised words, with lower-case particles between them. */
const BYLINE_NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:al|bin|da|de|del|della|di|dos|du|el|ibn|la|le|van|von|der|den)\s+){0,2}\p{Lu}[\p{L}'’.-]*){0,3}$/u;
/** What may follow a byline's names after a comma or a bar: a title or an outlet in capitalised words. */
const AFFILIATION = /^(?:\p{Lu}[\p{L}.&'’-]*\s*){1,5}$/u;
/** The words a byline or a credit line opens with: every other line is passed over at once. */
const CREDIT_FIRST_WORDS = new Set([
  "by",
  "additional",
  "reporting",
  "writing",
  "editing",
  "compiled",
  "research",
  "graphics",
  "photo",
  "photos",
]);
/** "By The Associated Press": an organisation's byline. */
const AGENCY_BYLINE = /^\s*[Bb][Yy]\s+([Tt]he(?:\s+\p{Lu}[\p{L}.&'’-]*){1,4})\s*$/u;
/** A place after the names: "By Ana Li in Lisle". */
const BYLINE_PLACE = /\s+in\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,3}$/u;
/** A capitalised name word ("Ana", "O'Neill", "al-Haddad" after a capital). */
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
/** One part of a wire credit line: a role, "by", names joined by commas or "and", and an optional place. */
const CREDIT_PART = `(?:[Aa]dditional\\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch|[Gg]raphics|[Pp]hotos?)(?:\\s+and\\s+\\p{Ll}+)?\\s+by\\s+${NAME_WORD}(?:(?:\\s+|\\s*,\\s*|\\s+and\\s+)${NAME_WORD})*(?:\\s+in\\s+${NAME_WORD}(?:\\s+${NAME_WORD})*)?`;
/**
 * A wire credit line, anywhere in the text: "Reporting by Ana Li; Editing by Tom Ek", "(Writing by Ana Li)".
 * Nothing but credit parts may stand on the line.
 */
const CREDIT_LINE = new RegExp(`^\\s*\\(?\\s*${CREDIT_PART}(?:\\s*[;,]\\s*${CREDIT_PART})*\\s*\\)?\\.?\\s*$`, "u");
/** The names of the first "Reporting by" or "Writing by" of a credit line: the article's authors. */
const CREDIT_AUTHOR = new RegExp(
  `(?:[Rr]eporting|[Ww]riting)\\s+by\\s+(${NAME_WORD}(?:(?:\\s+|\\s*,\\s*|\\s+and\\s+)${NAME_WORD})*)`,
  "u",
);
/** Words that start "By ..." sentences rather than bylines ("By Monday, the strike had ended"). */
const NOT_A_NAME =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|now|noon|night|morning|evening|law|far|contrast|comparison|the|this|that|its|his|her|their)\b/i;
const COPYRIGHT =
  /^\s*(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(.+?)(?:\.\s*|,\s*|\s+)?(?:all rights reserved\.?)?\s*$/i;
const PUBLISHER = /^\s*(?:published|publisher|produced)\s+by\s+(.+?)\.?\s*$/i;
const CORPORATE_SUFFIX =
  /[\s,]+(?:corporation|corp\.?|inc\.?|incorporated|ltd\.?|limited|llc|plc|gmbh|s\.a\.|co\.|company|group|holdings|network|enterprises)$/i;

/** What the reader was given: the decoded text and where it came from. */
export interface TextInput {
  id: string;
  source: string;
  text: string;
}

/**
 * Reads a plain-text article: metadata from its own header lines, datelines, headline, byline and copyright
 * line, and boilerplate lines removed and listed. What the text does not say stays absent.
 *
 * @example readTextArticle({ id: "a", source: "a.txt", text: "date 2025-04-07 Officials said ..." }).published
 */
export function readTextArticle(input: TextInput): Article {
  const diagnostics: Diagnostic[] = [];
  const meta: { outlet?: string; title?: string; published?: string; author?: string } = {};
  const lines = input.text.replace(/\r\n?/g, "\n").normalize("NFC").split("\n");
  const kept: string[] = [];
  const removedBoilerplate: string[] = [];
  let seen = 0;
  let contentLines = 0;
  /** Whether every content line so far reads as a headline or standfirst: a byline may still follow. */
  let onlyTitles = true;

  for (const raw of lines) {
    let line = raw.replace(/\s+$/u, "");
    if (line.trim().length === 0) {
      kept.push("");
      continue;
    }
    seen++;
    if (seen <= HEADER_LINES && contentLines <= 1) {
      const rest = readHeaderLine(line, meta);
      if (rest === undefined) continue;
      line = rest;
    }
    const byline = bylineOf(line, seen <= HEADER_LINES && onlyTitles);
    if (byline) {
      if (byline.author && !meta.author) meta.author = byline.author;
      if (byline.published && !meta.published) meta.published = byline.published;
      continue;
    }
    const rule = boilerplateRule(line);
    if (rule) {
      removedBoilerplate.push(line.trim());
      if (rule === "copyright" && !meta.outlet) {
        const outlet = outletFromCopyright(line);
        if (outlet) meta.outlet = outlet;
      }
      continue;
    }
    const publisher = PUBLISHER.exec(line);
    if (publisher?.[1] && !meta.outlet && line.split(/\s+/).length <= 8) {
      meta.outlet = cleanOutlet(publisher[1]);
      continue;
    }
    if (contentLines === 0 && !meta.title && isTitleLine(line) && lines.length > 1) meta.title = line.trim();
    if (onlyTitles && !isTitleLine(line)) onlyTitles = false;
    contentLines++;
    kept.push(line);
  }

  const text = kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (text.length === 0) diagnostics.push({ code: "NO_TEXT", message: "nothing but boilerplate and metadata" });
  return { id: input.id, source: input.source, ...meta, text, removedBoilerplate, diagnostics };
}

/** Consumes metadata at the start of a line; returns what remains of the line (undefined: nothing). */
function readHeaderLine(
  line: string,
  meta: { outlet?: string; title?: string; published?: string; author?: string },
): string | undefined {
  const header = HEADER.exec(line);
  if (header) {
    const key = (header[1] ?? "").toLowerCase();
    const separator = header[2] ?? "";
    const value = (header[3] ?? "").trim();
    if (["date", "published", "updated", "dateline"].includes(key)) {
      const dateline = parseDateline(value);
      if (dateline) {
        if (!meta.published || key !== "updated") meta.published = dateline.date;
        const rest = value.slice(dateline.end).trim();
        return rest.length > 0 ? rest : undefined;
      }
    } else if (separator === ":" || separator === "=") {
      if (key === "author" || key === "byline") meta.author = value.replace(/^by\s+/i, "");
      else if (key === "source" || key === "outlet" || key === "publisher" || key === "site") meta.outlet = value;
      else if (key === "title" || key === "headline") meta.title = value;
      return undefined;
    }
  }
  // "on Feb. 4, 2026" alone on a header line, as pages print it under a byline: the date, when nothing follows.
  const on = /^\s*on\s+/iu.exec(line);
  if (on) {
    const date = parseDateline(line.slice(on[0].length));
    if (date && line.slice(on[0].length + date.end).trim() === "") {
      meta.published ??= date.date;
      return undefined;
    }
  }
  const dateline = parseDateline(line);
  if (dateline) {
    meta.published ??= dateline.date;
    const rest = line.slice(dateline.end).replace(/^\s*[-–—|:]?\s*/, "");
    return rest.length > 0 ? rest : undefined;
  }
  return line;
}

/**
 * The author named by a byline or credit line, "" when the line is one but names no author ("Editing by ..."),
 * undefined when it is not one. A "By ..." line counts among the first lines after headlines (`header`);
 * further down it must name someone in two words or more, since a short "By ..." line there may be a heading.
 */
function bylineOf(line: string, header: boolean): { author: string; published?: string } | undefined {
  const first = /^\s*\(?\s*([A-Za-z]+)/.exec(line)?.[1]?.toLowerCase();
  if (!first || !CREDIT_FIRST_WORDS.has(first)) return undefined;
  if (CREDIT_LINE.test(line)) return { author: CREDIT_AUTHOR.exec(line)?.[1]?.trim() ?? "" };
  // "By The Associated Press" under a headline: an agency's byline, which lower down would be a heading.
  const agency = header ? AGENCY_BYLINE.exec(line)?.[1] : undefined;
  if (agency) return { author: agency.trim() };
  const byline = bylineNames(line);
  if (!byline || NOT_A_NAME.test(byline.author)) return undefined;
  if (!header && byline.author.split(/\s+/u).length < 2) return undefined;
  return byline;
}

/**
 * The names of a "By ..." line: "By Ana Li", "By Ana Li and Tom Ek", "By Ana Li, Tom Ek and Jo Park", "By Ana
 * Li, Staff Writer", "By Ana Li | Coastline Herald", "By Ana Li | March 14, 2026", "By Ana Li in Lisle". A
 * comma list of names needs its "and"; without one, what follows the first comma is the writer's title or outlet.
 */
function bylineNames(line: string): { author: string; published?: string } | undefined {
  const m = /^\s*[Bb][Yy]\s+(.+?)\s*$/u.exec(line);
  if (!m?.[1]) return undefined;
  let body = m[1];
  let published: string | undefined;
  const bar = /\s*[|–—]\s*|\s+-\s+/u.exec(body);
  if (bar) {
    const after = body.slice(bar.index + bar[0].length);
    const date = parseDateline(after);
    if (date && after.slice(date.end).trim() === "") published = date.date;
    else if (!AFFILIATION.test(after)) return undefined;
    body = body.slice(0, bar.index);
  }
  body = body.replace(BYLINE_PLACE, "");
  const parts = body.split(/\s*,\s*/u);
  const last = parts[parts.length - 1] as string;
  const listed = /\s(?:and|&)\s/u.test(last) && parts.length > 1;
  if (!listed && parts.length > 1) {
    if (!parts.slice(1).every((p) => AFFILIATION.test(p))) return undefined;
    parts.length = 1;
  }
  const people = parts.flatMap((p) => p.split(/\s+(?:and|&)\s+/u));
  if (people.length === 0 || !people.every((p) => BYLINE_NAME.test(p))) return undefined;
  const author = parts.join(", ");
  return published ? { author, published } : { author };
}

/**
 * A headline or standfirst: a short line that ends without a full stop. Headlines may ask or exclaim ("Is the
 * pier safe?"); a lead sentence ends in a full stop.
 */
function isTitleLine(line: string): boolean {
  const trimmed = line.trim();
  const words = trimmed.split(/\s+/).length;
  return words >= 2 && words <= MAX_TITLE_WORDS && !/[.…]["'”’)]?$/u.test(trimmed) && !/[,;:]$/.test(trimmed);
}

function outletFromCopyright(line: string): string | undefined {
  const m = COPYRIGHT.exec(line.replace(/\ball rights reserved\.?/i, ""));
  const name = m?.[1] ? cleanOutlet(m[1]) : undefined;
  return name && /\p{Lu}/u.test(name) && name.split(/\s+/).length <= 8 ? name : undefined;
}

/** "Harbour Light Media Corporation" -> "Harbour Light": the publishing company's legal suffixes are not the outlet. */
function cleanOutlet(raw: string): string {
  let name = raw.trim().replace(/[.,;:]+$/, "");
  let stripped = false;
  for (;;) {
    const next = name.replace(CORPORATE_SUFFIX, "");
    if (next === name) break;
    name = next.trim();
    stripped = true;
  }
  if (stripped) name = name.replace(/\s+(?:media|news|publishing|publications)$/i, "");
  return name.trim();
}
