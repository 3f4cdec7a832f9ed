import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { CALENDAR } from "../../words/names.js";
import { titleCase } from "./casing.js";
import { isCountry, isGroupWord } from "./words.js";

/**
 * An opening line that announces a review of the press ("PRESS DIGEST - Velmaria - May 4", "Portavel newspaper
 * editorials", "What the papers say"): the document then lists papers, each followed by its stories.
 */
const REVIEW_OPENING =
  /\bpress\s+(?:digest|review|roundup|round-up)\b|\bnewspapers\b|\beditorials\b|\bfront\s+pages\b|\bthe\s+papers\s+say\b/iu;

/** A line of one to five words in capitals, and nothing else ("EL VELMARIO", "AL-KESTREL", "THE ORRIN POST"). */
const CAPITALS_LINE = /^[ \t]*(\p{Lu}[\p{Lu}\p{M}'’.&-]*(?:[ \t]+\p{Lu}[\p{Lu}\p{M}'’.&-]*){0,4})[ \t]*$/u;

/** Words of a paper's sections and pages, which a review gives as headings of their own ("FRONT PAGE"). */
const SECTION_WORDS = new Set([
  "page",
  "pages",
  "section",
  "sections",
  "headlines",
  "editorial",
  "editorials",
  "comment",
  "commentary",
  "opinion",
  "business",
  "sport",
  "sports",
  "politics",
  "economy",
  "international",
  "domestic",
  "supplement",
]);

/**
 * In a review of the press, a line that is a short name in capitals, standing alone, is the name of the paper
 * whose stories follow: an organisation, over the whole line ("EL VELMARIO" is one paper, not a person or a
 * place). A place the gazetteers know ("VELMARIA", a review's section by country), a people's name, a
 * calendar word and a heading naming a paper's section or page stay as they were. Mentions must have their
 * text set; the result is sorted by `start`.
 */
export function papersOfPressReview(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const firstLine = /^\s*([^\n]*)/u.exec(text)?.[1] ?? "";
  if (!REVIEW_OPENING.test(firstLine)) return mentions;
  const papers: Mention[] = [];
  let offset = text.indexOf("\n") + 1;
  if (offset === 0) return mentions;
  while (offset < text.length) {
    const nl = text.indexOf("\n", offset);
    const end = nl < 0 ? text.length : nl;
    const line = CAPITALS_LINE.exec(text.slice(offset, end));
    if (line) {
      const name = line[1] as string;
      const start = offset + text.slice(offset, end).indexOf(name);
      if (isPaperName(name, lexicon))
        papers.push({ start, end: start + name.length, text: name, type: "organization" });
    }
    offset = end + 1;
  }
  if (papers.length === 0) return mentions;
  const covered = (m: Mention) => papers.some((p) => m.start < p.end && p.start < m.end);
  return [...mentions.filter((m) => !covered(m)), ...papers].sort((a, b) => a.start - b.start);
}

/** A name in capitals that can be a paper's: letters in it, and no place, people, calendar or section word. */
function isPaperName(name: string, lexicon: Lexicon): boolean {
  const letters = name.replace(/[^\p{L}]/gu, "");
  if (letters.length < 2) return false;
  const words = name.toLowerCase().split(/\s+/u);
  if (words.some((w) => SECTION_WORDS.has(w) || CALENDAR.has(w.replace(/\.$/u, "")))) return false;
  const form = titleCase(name);
  return !lexicon.lookupPlace(form) && !isCountry(form, lexicon) && !isGroupWord(form, lexicon);
}

/** The verb of an outlet's report right after its name ("Velmar Courant reported on Monday"). */
const REPORTED_AFTER = /^\s+reported\b/u;

/**
 * A name read as a person's right before "reported" is an outlet or a firm reporting ("El Velmario reported",
 * "Kestrel reported a loss"), an organisation: news copy says what people "said", what papers, agencies and
 * companies "reported". A name opening with a known first name, or a person the document names in full
 * elsewhere, stays a person. Mentions must have their text set; their types are changed in place.
 */
export function reportingOutlets(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const fullNames = mentions.filter((m) => m.type === "person" && /\s/u.test(m.text)).map((m) => m.text.split(/\s+/u));
  for (const m of mentions) {
    if (m.type !== "person" || !REPORTED_AFTER.test(text.slice(m.end, m.end + 12))) continue;
    const words = m.text.split(/\s+/u);
    if (lexicon.firstNameCount(words[0] as string) > 0) continue;
    if (words.length === 1 && fullNames.some((full) => full.length > 1 && full.includes(m.text))) continue;
    m.type = "organization";
  }
  return mentions;
}
