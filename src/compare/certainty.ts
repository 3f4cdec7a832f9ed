import type { ArticleSpan, CertaintyFinding, CertaintyLevel, CueFinding, ResolvedStory } from "../model/index.js";
import { unitSimilarity } from "./align.js";
import { TermStatistics } from "./similarity.js";
import type { Unit } from "./units.js";
import { contentStems } from "./words.js";

/** The ladder from most to least certain; a higher rank asserts more. */
const RANK: Record<CertaintyLevel, number> = { asserted: 3, reported: 2, hedged: 1, speculative: 0 };

/**
 * How sure a claim is of itself, for overstatement: attribution does not count. News attributes nearly every
 * claim ("officials told AFP") and headlines drop attribution by convention, so a headline or a rewrite
 * that drops "police said" is not overstating; one that turns "are considering" or "are prepared to" into
 * "agree to" is.
 */
const SURENESS: Record<CertaintyLevel, number> = { asserted: 2, reported: 2, hedged: 1, speculative: 0 };

/**
 * Cues that put a claim in someone else's mouth: the outlet relays it rather than stating it. Regex sources,
 * matched case-insensitively between word boundaries.
 */
export const REPORTED_CUES: readonly string[] = [
  "reportedly",
  "allegedly",
  "according to",
  "told",
  "tells",
  "said",
  "says",
  "say",
  "saying",
  "reported",
  "reports",
  "claim(?:s|ed)",
  "stated",
  "confirmed",
  "denied",
  "insist(?:s|ed)",
  "citing",
  "quoted",
  "(?:is|are|was|were) said to",
];

/** Cues of a disposition or likelihood rather than a done deal ("are prepared to sign"). */
export const HEDGED_CUES: readonly string[] = [
  "prepared to",
  "willing to",
  "inclined to",
  "ready to",
  "open to",
  "poised to",
  "could",
  "likely",
  "unlikely",
  "probably",
  "in talks",
  "in negotiations",
  "expected to",
  "plan(?:s|ned|ning)? to",
  "intend(?:s|ed|ing)? to",
  "aim(?:s|ed|ing)? to",
  "hop(?:e|es|ed|ing) to",
  // Wanting and seeking are intentions, not outcomes: "wants an early deal", "seeks to end the strike".
  "want(?:s|ed|ing)?(?=\\s+(?:to|an?|the|more)\\b)",
  "seek(?:s|ing)?",
  "(?:believed|understood) to",
  "in principle",
  "tentative(?:ly)?",
  "on the verge of",
];

/**
 * Cues of an open question: something weighed, not decided. "considered" is left out on purpose: "are
 * considered legitimate targets" means "regarded as", not "being weighed". "may" as a month is excluded
 * where it reads as a date ("in May", "May 5").
 */
export const SPECULATIVE_CUES: readonly string[] = [
  // The date words are whole words: "the union may strike" is no "on May".
  "(?<!(?<![\\p{L}\\p{N}])(?:in|on|since|until|last|next|early|late|mid|of|by|from|through)[\\s-])may(?!\\s+\\d)",
  "might",
  "consider(?:s|ing)?",
  "under consideration",
  "mull(?:s|ed|ing)?",
  "weigh(?:s|ing)?",
  "contemplat(?:e|es|ing)",
  "possible",
  "possibly",
  "perhaps",
  "potentially",
  "could potentially",
];

const cueRegex = (cues: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${cues.join("|")})(?![\\p{L}\\p{N}])`, "giu");

const LADDER: { level: CertaintyLevel; pattern: RegExp }[] = [
  { level: "speculative", pattern: cueRegex(SPECULATIVE_CUES) },
  { level: "hedged", pattern: cueRegex(HEDGED_CUES) },
  { level: "reported", pattern: cueRegex(REPORTED_CUES) },
];

/** Quotation marks around words: the words are the speaker's, so their cues are not the outlet's. */
const QUOTED = /["“”«»„]([^"“”«»„]+)["“”«»„]/gu;

/**
 * Single quotation marks, which headlines use for quotations ("Talks 'close to collapse'"); an apostrophe inside
 * or at the end of a word ("Iran's", "dockers' union") opens or closes nothing.
 */
const SINGLE_QUOTED = /(?<![\p{L}\p{N}])['‘]([^'‘’\n]*[^\s'‘’])['’](?![\p{L}\p{N}])/gu;

/** Where the scope of a hedge ends: the clause it governs ends at punctuation. */
const SCOPE_END = /[,;:.!?()—–]/u;

/**
 * A headline and its own lead are about the same claim when the lead holds at least this share of the
 * headline's content stems, weighted by how rare each stem is in the story. Containment rather than cosine,
 * because a headline is short and the lead long; and weighted, not "any shared rare stem", because one shared
 * word can be a homograph ("a record harvest" and "record the vote"). Measured: a headline that summarises its
 * lead keeps 0.2–0.55 of its weight there, a standfirst over a lead about something else under 0.1.
 */
export const SAME_CLAIM_OWN_LEAD = 0.15;

/**
 * A sentence of the origin report corresponds to a claim when their similarity (`unitSimilarity`) is at least
 * this. Higher than the alignment threshold: the leads of one story share its setting (place, actors, event)
 * and reach 0.2–0.25 while making different claims, whereas a rewrite of the origin's sentence scores 0.4–0.5.
 */
export const SAME_CLAIM_ORIGIN = 0.3;

/** Body sentences shorter than this many words (datelines, "By a reporter") are not an article's lead. */
const MIN_LEAD_WORDS = 6;

/** A lead that is mostly quotation is the speaker's claim, not the article's; the lead is the next statement. */
const MAX_LEAD_QUOTED = 0.5;

/** The rung of a claim and the cue words that put it there. */
export interface CertaintyReading {
  level: CertaintyLevel;
  /** Cue words found, in text order; empty when the claim is plainly asserted. */
  cues: string[];
  /** Where each cue is in the text, in the order of `cues`; a quotation's cue is its words without the marks. */
  spans: { start: number; end: number; quotation?: true }[];
  /** Whether the sentence quotes someone: its quoted words are the speaker's claim. */
  quoted: boolean;
}

/**
 * Places a sentence on the ladder asserted > reported > hedged > speculative: the lowest rung any cue
 * reaches wins ("reportedly willing to" is hedged). Words inside quotation marks are the speaker's, so
 * their cues do not count, but quoting is itself a way of reporting. Negation does not change the rung.
 * A question is speculative.
 *
 * @example certaintyLevel("The union is considering an offer").level === "speculative"
 */
export function certaintyLevel(
  text: string,
  quotes: { start: number; end: number }[] = [],
  headline = false,
): CertaintyReading {
  const { found, quotations } = cueHits(text, quotes, headline);
  if (!found.length) return { level: "asserted", cues: [], spans: [], quoted: quotations.length > 0 };
  const level = found.reduce<CertaintyLevel>((low, f) => (RANK[f.level] < RANK[low] ? f.level : low), "asserted");
  const first = new Map<string, CueHit>();
  for (const f of found.sort((a, b) => a.at - b.at || a.cue.length - b.cue.length))
    if (!first.has(f.cue)) first.set(f.cue, f);
  const cues = removeContained([...first.keys()]);
  const spans = cues.map((c) => {
    const { start, end, quotation } = first.get(c) as CueHit;
    return quotation ? { start, end, quotation } : { start, end };
  });
  return { level, cues, spans, quoted: quotations.length > 0 };
}

interface CueHit {
  level: CertaintyLevel;
  cue: string;
  at: number;
  /** Where the cue's words are in the text. */
  start: number;
  end: number;
  /** The cue is a quotation: `cue` is its words in quotation marks, `start`/`end` the words alone. */
  quotation?: true;
  /** The words the cue governs: from after it to the end of its clause. */
  scope: string;
}

/** The cues of a sentence outside its quotations, with the quotations. */
function cueHits(
  text: string,
  quotes: { start: number; end: number }[],
  headline: boolean,
): { found: CueHit[]; quotations: string[] } {
  let masked = text;
  const quotations: string[] = [];
  for (const q of quotes) {
    masked = masked.slice(0, q.start) + " ".repeat(q.end - q.start) + masked.slice(q.end);
    quotations.push(text.slice(q.start, q.end));
  }
  const blank = (whole: string, inner: string) => {
    if (inner.trim()) quotations.push(inner.trim());
    return " ".repeat(whole.length);
  };
  masked = masked.replace(QUOTED, blank);
  if (headline) masked = masked.replace(SINGLE_QUOTED, blank);
  const found: CueHit[] = [];
  for (const { level, pattern } of LADDER) {
    for (const m of masked.matchAll(pattern)) {
      const after = masked.slice(m.index + m[0].length);
      const end = after.search(SCOPE_END);
      const start = m.index;
      found.push({
        level,
        cue: m[0],
        at: start,
        start,
        end: start + m[0].length,
        scope: end < 0 ? after : after.slice(0, end),
      });
    }
  }
  if (/\?\s*["“”’']?\s*$/u.test(text.trim())) {
    const mark = text.lastIndexOf("?");
    found.push({ level: "speculative", cue: "?", at: text.length, start: mark, end: mark + 1, scope: text });
  }
  if (quotations.length && !found.length) {
    const words = quotations[0] as string;
    const at = text.indexOf(words);
    found.push({
      level: "reported",
      cue: `“${words}”`,
      at,
      start: at,
      end: at + words.length,
      quotation: true,
      scope: "",
    });
  }
  return { found, quotations };
}

/**
 * The rung of a reference sentence for comparing one claim with it: a hedge counts only when the words it
 * governs share a content word with the claim. "Its unit faced an attack that potentially affected 1,000
 * staff" hedges the count, not the attack: a headline about the attack alone does not overstate it.
 */
function levelAbout(u: Unit, claim: string): CertaintyLevel {
  const about = new Set(contentStems(claim));
  let level: CertaintyLevel = "asserted";
  for (const f of cueHits(u.text, quoteSpansIn(u), u.headline).found) {
    const counts = f.level === "reported" || contentStems(f.scope).some((s) => about.has(s));
    if (counts && RANK[f.level] < RANK[level]) level = f.level;
  }
  return level;
}

/** "could" inside "could potentially" says nothing more: keep the longer cue only. */
function removeContained(cues: string[]): string[] {
  return cues.filter(
    (c) => !cues.some((d) => d !== c && d.length > c.length && d.toLowerCase().includes(c.toLowerCase())),
  );
}

/** A claim of an article: its lead or its headline, with what comparison needs. */
interface Claim {
  article: string;
  text: string;
  /** Where the claim's words are: in the text, or in the title for a headline given only as metadata. */
  words: ArticleSpan;
  /** Where the unit's text begins, in the same text or title: cue offsets are relative to the unit's text. */
  offset: number;
  headline: boolean;
  unit: Unit;
  reading: CertaintyReading;
}

/**
 * Each article's main claim (its lead: the first body statement) and its headline, placed on the certainty
 * ladder. A claim is `overstated` when it is surer (`SURENESS`: attribution aside) than the article's own lead
 * (for a headline) or the origin report's corresponding sentence, provided both are about the same claim.
 *
 * @param origin the article id of the origin report, when provenance found one
 * @example certaintyOf(story, storyUnits(story.articles, story.entities), provenance.origin?.article)
 */
export function certaintyOf(story: ResolvedStory, units: Unit[], origin?: string): CertaintyFinding[] {
  const byArticle = new Map<string, Unit[]>();
  for (const u of units) {
    const own = byArticle.get(u.article);
    if (own) own.push(u);
    else byArticle.set(u.article, [u]);
  }
  // Numbered in the units' own space, so that a title's vector meets theirs.
  const stats = new TermStatistics(units[0]?.vector.space);
  for (const u of units) stats.add(u.stems);
  const readingOf = (u: Unit) => certaintyLevel(u.text, quoteSpansIn(u));

  const out: CertaintyFinding[] = [];
  for (const [index, a] of story.articles.entries()) {
    const id = a.article.id;
    const own = byArticle.get(id) ?? [];
    const leadUnit = own.find((u) => !u.headline && isStatement(u));
    const lead: Claim | undefined = leadUnit && {
      article: id,
      text: leadUnit.text,
      words: { article: id, start: leadUnit.sentence.start, end: leadUnit.sentence.end },
      offset: leadUnit.sentence.start,
      headline: false,
      unit: leadUnit,
      reading: readingOf(leadUnit),
    };
    const title = a.article.title?.trim();
    const headlineUnit = title ? (own.find((u) => u.headline) ?? titleUnit(title, id, index, stats)) : undefined;
    const headline: Claim | undefined = headlineUnit && {
      article: id,
      text: headlineUnit.text.trim(),
      ...wordsOfHeadline(headlineUnit, a.article.title ?? ""),
      headline: true,
      unit: headlineUnit,
      reading: certaintyLevel(headlineUnit.text, [], true),
    };
    const originUnits = origin && origin !== id ? (byArticle.get(origin) ?? []) : [];
    const originLevel = (claim: Claim): CertaintyLevel | undefined => {
      let best: Unit | undefined;
      let bestScore = SAME_CLAIM_ORIGIN;
      for (const u of originUnits) {
        const s = unitSimilarity(claim.unit, u);
        if (s >= bestScore) [best, bestScore] = [u, s];
      }
      return best && levelAbout(best, claim.text);
    };
    if (lead) out.push(entryOf(lead, [originLevel(lead)]));
    if (headline) {
      const ownLevel =
        lead && containment(headline.text, lead.text, stats) >= SAME_CLAIM_OWN_LEAD
          ? levelAbout(lead.unit, headline.text)
          : undefined;
      out.push(entryOf(headline, [ownLevel, originLevel(headline)]));
    }
  }
  return out;
}

/**
 * Where a headline's words are: its sentence, trimmed, when the text begins with it; else the article's title
 * (whose unit holds the title trimmed).
 */
function wordsOfHeadline(u: Unit, title: string): { words: ArticleSpan; offset: number } {
  const lead = u.text.length - u.text.trimStart().length;
  if (u.index >= 0) {
    const start = u.sentence.start + lead;
    return { words: { article: u.article, start, end: start + u.text.trim().length }, offset: u.sentence.start };
  }
  const offset = title.length - title.trimStart().length;
  return {
    words: { article: u.article, start: offset + lead, end: offset + lead + u.text.trim().length, field: "title" },
    offset,
  };
}

function entryOf(claim: Claim, references: (CertaintyLevel | undefined)[]): CertaintyFinding {
  const { level, spans } = claim.reading;
  const cues = spans.map((s): CueFinding => {
    const words: ArticleSpan = { ...claim.words, start: claim.offset + s.start, end: claim.offset + s.end };
    return s.quotation ? { words, quotation: true } : { words };
  });
  return {
    article: claim.article,
    claim: claim.words,
    level,
    cues,
    headline: claim.headline,
    // A headline that quotes someone ("Transition 'delayed by decades'") gives their words, as sure as they said
    // them: it is not the outlet overstating.
    overstated:
      !(claim.headline && claim.reading.quoted) &&
      references.some((r) => r !== undefined && SURENESS[level] > SURENESS[r]),
  };
}

/** The share of `part`'s content stems, weighted by rarity in the story, that `whole` also has. In [0, 1]. */
export function containment(part: string, whole: string, stats: TermStatistics): number {
  const inWhole = new Set(contentStems(whole));
  let shared = 0;
  let total = 0;
  for (const s of new Set(contentStems(part))) {
    const w = stats.idf(s);
    total += w;
    if (inWhole.has(s)) shared += w;
  }
  return total > 0 ? shared / total : 0;
}

/**
 * A lead is a statement: long enough to claim something, not a question, not mostly someone's quotation, not a
 * web address left at the top of the text.
 */
function isStatement(u: Unit): boolean {
  const text = u.text.trim();
  return (
    text.split(/\s+/u).length >= MIN_LEAD_WORDS &&
    !/\?\s*["”’']?\s*$/u.test(text) &&
    u.quoted <= MAX_LEAD_QUOTED &&
    !/\bhttps?\s*:\s*\/\s*\/|\bwww\s*\./iu.test(text)
  );
}

/** The unit's quotation spans relative to its text, cut to the sentence. */
function quoteSpansIn(u: Unit): { start: number; end: number }[] {
  return u.quotes.map((q) => ({
    start: Math.max(0, q.start - u.sentence.start),
    end: Math.min(u.text.length, q.end - u.sentence.start),
  }));
}

/** A headline given only as metadata (not the first line of the text) still needs a vector to be compared. */
function titleUnit(title: string, article: string, articleIndex: number, stats: TermStatistics): Unit {
  const stems = contentStems(title);
  return {
    index: -1,
    article,
    articleIndex,
    sentence: { start: 0, end: 0, tokenStart: 0, tokenEnd: 0 },
    text: title,
    stems,
    vector: stats.vector(stems),
    clauses: [],
    mentions: [],
    entityIds: [],
    numbers: [],
    dates: [],
    headline: true,
    quoted: 0,
    quotes: [],
    slots: [],
    lexical: new Set(stems),
  };
}
