import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { detectMentions } from "../annotate/mentions/index.js";
import { extractQuotes } from "../annotate/quotes/index.js";
import { extractReportedSpeech } from "../annotate/quotes/reported.js";
import { tokenize } from "../annotate/tokens/index.js";
import type { QuoteMention, Span } from "../model/index.js";
import { TriangulateError } from "../model/index.js";

/** Precision, recall and F1 with the counts they come from. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** Matched pairs. */
  tp: number;
  /** Predictions counted (ignored ones left out). */
  predicted: number;
  gold: number;
}

/** Scores of direct-quotation extraction on a PolNeAR folder. */
export interface PolnearResult {
  /** Articles scored (those with a text and at least one .ann file). */
  articles: number;
  /** The annotation file used for each article: the first in sorted order when several annotators did it. */
  annotationFiles: string[];
  /** Direct-quotation content, a prediction matching a gold span when they overlap by >= half the longer one. */
  content: PRF;
  /** Direct-quotation content, exact match of the spans after trimming marks, spaces and punctuation. */
  contentExact: PRF;
  /** Speakers end to end: a quotation matched (overlap) whose speaker overlaps one of the gold Source spans. */
  source: PRF;
  /** As `source`, with exact matching of both content and speaker. */
  sourceExact: PRF;
  /**
   * As `source`, with speakers matching when they overlap by >= half the shorter span. PolNeAR's Source spans
   * take in appositives ("Ann Lee, a lawyer who ..."); the extractor's speakers do not, by design.
   */
  sourceShorter: PRF;
  /** Of the matched quotations where both sides name a speaker, the share whose speakers match (overlap). */
  sourceAccuracy: number;
  /**
   * Predictions not counted in precision: quoted fragments lying inside a gold Content span that is not a direct
   * quotation (partial quotations inside indirect speech, which PolNeAR annotates as one indirect content).
   */
  ignored: number;
  /** Precision of `content` counting the ignored predictions as false positives. */
  contentPrecisionStrict: number;
  /** Annotation spans whose recorded text differs from the article text at their offsets. */
  offsetMismatches: number;
  /**
   * Reported speech (`extractReportedSpeech`) against the gold contents that are not direct quotations: what
   * was said matching a gold content when they overlap by >= half the longer span.
   */
  reported: PRF;
  /** As `reported`, overlapping by >= half the shorter span (PolNeAR's contents often take in more words). */
  reportedShorter: PRF;
}

/** How much of the longer of two spans their overlap must cover for them to match. */
export const OVERLAP_THRESHOLD = 0.5;

interface Annotation {
  type: string;
  fragments: Span[];
  text: string;
}

/** A gold direct quotation: its content span (without marks) and the spans of its sources. */
export interface GoldQuote extends Span {
  sources: Span[];
}

/** Everything read from one article's standoff file. */
export interface GoldArticle {
  /** Content fragments that are direct quotations. */
  direct: GoldQuote[];
  /** Content fragments that are not, where quoted fragments are partial quotations. */
  indirect: Span[];
  offsetMismatches: number;
}

const OPEN_DOUBLE = /^(?:“|„|«|``|''|")/u;
const CLOSE_DOUBLE = /(?:”|»|''|")$/u;
const OPEN_SINGLE = /^(?:‘|')/u;
const CLOSE_SINGLE = /(?:’|')$/u;
const EDGE_PUNCT = /[\s.,;:!?…—–-]/u;
const MARK_CHARS = /["“”‘’'«»„`]/u;

/** brat counts code points; JavaScript strings count UTF-16 units. */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\u{10000}-\u{10FFFF}]/u.test(text)) return (offset) => offset;
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (offset) => map[offset] ?? unit;
}

/** Parses brat standoff: T lines (type, fragments, text) and E lines (role -> T id). */
export function parseStandoff(
  ann: string,
  text: string,
): { spans: Map<string, Annotation>; events: Record<string, string[]>[]; offsetMismatches: number } {
  const toUnits = codePointOffsets(text);
  const spans = new Map<string, Annotation>();
  const events: Record<string, string[]>[] = [];
  let offsetMismatches = 0;
  for (const line of ann.split(/\r?\n/u)) {
    const [id, body, recorded] = line.split("\t");
    if (!id || !body) continue;
    if (id.startsWith("T")) {
      const space = body.indexOf(" ");
      const type = body.slice(0, space);
      const fragments = body
        .slice(space + 1)
        .split(";")
        .map((f) => f.trim().split(/\s+/u).map(Number))
        .filter((f) => f.length === 2 && f.every(Number.isFinite))
        .map(([s, e]) => ({ start: toUnits(s as number), end: toUnits(e as number) }));
      const joined = fragments.map((f) => text.slice(f.start, f.end)).join(" ");
      if (recorded !== undefined && joined !== recorded) offsetMismatches++;
      spans.set(id, { type, fragments, text: joined });
    } else if (id.startsWith("E")) {
      const roles: Record<string, string[]> = {};
      for (const arg of body.trim().split(/\s+/u)) {
        const [role, ref] = arg.split(":");
        if (!role || !ref) continue;
        const key = role.replace(/\d+$/u, "");
        const list = roles[key] ?? [];
        list.push(ref);
        roles[key] = list;
      }
      events.push(roles);
    }
  }
  return { spans, events, offsetMismatches };
}

/** Joins fragments separated only by spaces and quotation marks (a quotation reopened in a new paragraph). */
function mergeFragments(text: string, fragments: Span[]): Span[] {
  const sorted = [...fragments].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    if (last && /^[\s"“”‘’'«»„`]*$/u.test(text.slice(last.end, f.start))) last.end = Math.max(last.end, f.end);
    else merged.push({ ...f });
  }
  return merged;
}

/**
 * Widens a content span over the quotation marks right outside it (annotators sometimes leave them out) and
 * over punctuation between the text and a closing mark, then trims spaces.
 */
function withMarks(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  if (start > 0 && MARK_CHARS.test(text[start - 1] as string)) start--;
  if (start > 1 && text.slice(start - 2, start) === "``") start -= 2;
  let after = end;
  while (after < text.length && /[.,;:!?]/u.test(text[after] as string)) after++;
  if (after < text.length && MARK_CHARS.test(text[after] as string)) end = after + 1;
  return { start, end };
}

/**
 * Whether a content span is a direct quotation. Definition: after trimming spaces and taking in a quotation
 * mark right outside either end, the span begins with an opening mark and ends with the matching closing mark,
 * optionally followed by sentence punctuation (`"...".`), and the opening mark is not closed earlier inside
 * the span. Nested marks of the same family are balanced; a mark opening a new paragraph reopens a quotation
 * that runs on. Content like `that the plan was "dead"` (starts without a mark) or `"A" and "B"` (closes early)
 * is not direct.
 */
export function isDirectQuotation(text: string, span: Span): boolean {
  const wide = withMarks(text, span);
  let body = text.slice(wide.start, wide.end);
  body = body.replace(/[.,;:!?]+$/u, "");
  let family: "double" | "single";
  let openLength: number;
  const double = OPEN_DOUBLE.exec(body);
  if (double && CLOSE_DOUBLE.test(body)) {
    family = "double";
    openLength = double[0].length;
  } else {
    const single = OPEN_SINGLE.exec(body);
    if (!single || !CLOSE_SINGLE.test(body)) return false;
    family = "single";
    openLength = single[0].length;
  }
  const closing = family === "double" ? CLOSE_DOUBLE.exec(body) : CLOSE_SINGLE.exec(body);
  const inner = body.slice(openLength, body.length - (closing?.[0].length ?? 0));
  if (inner.trim().length === 0) return false;
  return !closesEarly(inner, family);
}

function closesEarly(inner: string, family: "double" | "single"): boolean {
  const marks = family === "double" ? /“|”|''|"|«|»/gu : /‘|’|'/gu;
  let depth = 1;
  for (const m of inner.matchAll(marks)) {
    const at = m.index;
    const before = inner[at - 1];
    const after = inner[at + m[0].length];
    if (family === "single" && /[\p{L}\p{N}]/u.test(before ?? "") && /[\p{L}\p{N}]/u.test(after ?? "")) continue;
    if (family === "single" && m[0] !== "‘" && /s/u.test(before ?? "") && /\s/u.test(after ?? " ")) continue;
    const paragraphStart = /\n\s*$/u.test(inner.slice(0, at));
    if (paragraphStart) continue;
    const opens =
      m[0] === "“" ||
      m[0] === "«" ||
      m[0] === "‘" ||
      ((before === undefined || /\s|[([—–-]/u.test(before)) && !/\s/u.test(after ?? " "));
    depth += opens ? 1 : -1;
    if (depth <= 0) return true;
  }
  return false;
}

/** Gold direct quotations and indirect contents of one article. */
export function readGold(text: string, ann: string): GoldArticle {
  const { spans, events, offsetMismatches } = parseStandoff(ann, text);
  const direct: GoldQuote[] = [];
  const indirect: Span[] = [];
  for (const roles of events) {
    const sources = (roles.Source ?? [])
      .flatMap((id) => spans.get(id)?.fragments ?? [])
      .map((f) => ({ start: f.start, end: f.end }));
    const fragments = (roles.Content ?? []).flatMap((id) => spans.get(id)?.fragments ?? []);
    for (const f of mergeFragments(text, fragments)) {
      if (isDirectQuotation(text, f)) direct.push({ ...withMarks(text, f), sources });
      else indirect.push(f);
    }
  }
  return { direct, indirect, offsetMismatches };
}

/** A span without quotation marks, spaces and punctuation at its ends: what both sides are compared on. */
export function core(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && (EDGE_PUNCT.test(text[start] as string) || MARK_CHARS.test(text[start] as string))) start++;
  while (end > start && (EDGE_PUNCT.test(text[end - 1] as string) || MARK_CHARS.test(text[end - 1] as string))) end--;
  return { start, end };
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** How two spans must agree: identical, or overlapping by OVERLAP_THRESHOLD of the longer or of the shorter. */
export type MatchMode = "exact" | "longer" | "shorter";

/** Whether two (cored) spans match under `mode`. */
export function spansMatch(a: Span, b: Span, mode: MatchMode): boolean {
  if (mode === "exact") return a.start === b.start && a.end === b.end;
  const lengths = [a.end - a.start, b.end - b.start];
  const base = mode === "longer" ? Math.max(...lengths) : Math.min(...lengths);
  return base > 0 && overlap(a, b) >= OVERLAP_THRESHOLD * base;
}

/** One-to-one pairs of predictions and gold spans, best overlaps first. */
function matchSpans(predicted: Span[], gold: Span[], mode: MatchMode): Map<number, number> {
  const pairs: [number, number, number][] = [];
  predicted.forEach((p, i) => {
    gold.forEach((g, j) => {
      if (spansMatch(p, g, mode)) pairs.push([i, j, overlap(p, g)]);
    });
  });
  pairs.sort((a, b) => b[2] - a[2]);
  const byPrediction = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const [i, j] of pairs) {
    if (byPrediction.has(i) || usedGold.has(j)) continue;
    byPrediction.set(i, j);
    usedGold.add(j);
  }
  return byPrediction;
}

interface Tally {
  tp: number;
  predicted: number;
  gold: number;
}

function prf(t: Tally): PRF {
  const precision = t.predicted === 0 ? 0 : t.tp / t.predicted;
  const recall = t.gold === 0 ? 0 : t.tp / t.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp: t.tp, predicted: t.predicted, gold: t.gold };
}

/** Per-article counts, summed by `evaluatePolnear`. */
export interface ArticleScore {
  content: Tally;
  contentExact: Tally;
  source: Tally;
  sourceExact: Tally;
  sourceShorter: Tally;
  bothSpeakers: number;
  speakersAgree: number;
  ignored: number;
}

function emptyScore(goldQuotes: number, goldSources: number): ArticleScore {
  const tally = (gold: number): Tally => ({ tp: 0, predicted: 0, gold });
  return {
    content: tally(goldQuotes),
    contentExact: tally(goldQuotes),
    source: tally(goldSources),
    sourceExact: tally(goldSources),
    sourceShorter: tally(goldSources),
    bothSpeakers: 0,
    speakersAgree: 0,
    ignored: 0,
  };
}

/**
 * Scores predicted quotations of one article against its gold. A prediction that matches no gold quotation but
 * lies mostly inside a non-direct gold content is ignored (a partial quotation inside indirect speech).
 */
export function scoreArticle(text: string, gold: GoldArticle, quotes: QuoteMention[]): ArticleScore {
  const goldCores = gold.direct.map((g) => core(text, g));
  const indirectCores = gold.indirect.map((s) => core(text, s));
  const predictedCores = quotes.map((q) => core(text, q));
  const score = emptyScore(gold.direct.length, gold.direct.filter((g) => g.sources.length > 0).length);
  const passes: [MatchMode, Tally, Tally, MatchMode][] = [
    ["longer", score.content, score.source, "longer"],
    ["exact", score.contentExact, score.sourceExact, "exact"],
    ["longer", { tp: 0, predicted: 0, gold: 0 }, score.sourceShorter, "shorter"],
  ];
  for (const [contentMode, content, source, speakerMode] of passes) {
    const matches = matchSpans(predictedCores, goldCores, contentMode);
    const first = source === score.source;
    predictedCores.forEach((p, i) => {
      const quote = quotes[i] as QuoteMention;
      const j = matches.get(i);
      if (j === undefined && indirectCores.some((s) => overlap(p, s) >= OVERLAP_THRESHOLD * (p.end - p.start))) {
        if (first) score.ignored++;
        return;
      }
      content.predicted++;
      if (quote.speaker) source.predicted++;
      if (j === undefined) return;
      content.tp++;
      const g = gold.direct[j] as GoldQuote;
      if (!quote.speaker || g.sources.length === 0) return;
      const speaker = core(text, quote.speaker.phrase ?? quote.speaker);
      const agree = g.sources.some((s) => spansMatch(speaker, core(text, s), speakerMode));
      if (agree) source.tp++;
      if (first) {
        score.bothSpeakers++;
        if (agree) score.speakersAgree++;
      }
    });
  }
  return score;
}

/** The texts of a PolNeAR folder and, for each, its annotation file (first in sorted order). */
export function polnearArticles(dir: string): { name: string; textPath: string; annPath: string }[] {
  const textDir = join(dir, "text");
  const annDir = join(dir, "attributions");
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new TriangulateError(
      "NOT_FOUND",
      `expected a PolNeAR folder with text/ and attributions/, found neither in ${dir}`,
      {
        subject: dir,
      },
    );
  }
  const anns = readdirSync(annDir)
    .filter((f) => f.endsWith(".ann"))
    .sort();
  const articles: { name: string; textPath: string; annPath: string }[] = [];
  for (const file of readdirSync(textDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const name = file.slice(0, -".txt".length);
    const ann = anns.find((a) => a.startsWith(`${name}_`) && !a.slice(name.length + 1, -".ann".length).includes("_"));
    if (ann) articles.push({ name, textPath: join(textDir, file), annPath: join(annDir, ann) });
  }
  return articles;
}

/** Runs the annotate stages a quotation needs: tokens, mentions, quotes. */
export function predictQuotes(text: string): QuoteMention[] {
  return predictSpeech(text).quotes;
}

/** Runs the annotate stages speech needs once: direct quotations and reported speech. */
function predictSpeech(text: string): { quotes: QuoteMention[]; reported: QuoteMention[] } {
  const { tokens, sentences } = tokenize(text);
  const mentions = detectMentions({ text, tokens, sentences });
  const input = { text, tokens, sentences, mentions };
  return { quotes: extractQuotes(input), reported: extractReportedSpeech(input) };
}

/** Adds one article's reported speech, matched one to one against its non-direct gold contents, to `longer` and `shorter`. */
function scoreReported(text: string, gold: GoldArticle, reported: QuoteMention[], longer: Tally, shorter: Tally): void {
  const goldCores = gold.indirect.map((s) => core(text, s));
  const predicted = reported.map((s) => core(text, s));
  for (const [tally, mode] of [
    [longer, "longer"],
    [shorter, "shorter"],
  ] as const) {
    tally.tp += matchSpans(predicted, goldCores, mode).size;
    tally.predicted += predicted.length;
    tally.gold += goldCores.length;
  }
}

/**
 * Evaluates direct-quotation extraction on a PolNeAR folder (text/*.txt and attributions/*.ann). Gold is every
 * attribution whose Content is a direct quotation (see `isDirectQuotation`), one item per contiguous content
 * fragment, with the attribution's Source spans; predictions are `extractQuotes` over the lead's tokenizer and
 * mention detector.
 *
 * @example evaluatePolnear("data/quotes/polnear/dev").content.recall
 */
export function evaluatePolnear(dir: string): PolnearResult {
  const articles = polnearArticles(dir);
  const total = emptyScore(0, 0);
  const reported: Tally = { tp: 0, predicted: 0, gold: 0 };
  const reportedShorter: Tally = { tp: 0, predicted: 0, gold: 0 };
  let offsetMismatches = 0;
  for (const article of articles) {
    const text = readFileSync(article.textPath, "utf8");
    const gold = readGold(text, readFileSync(article.annPath, "utf8"));
    offsetMismatches += gold.offsetMismatches;
    const predicted = predictSpeech(text);
    const s = scoreArticle(text, gold, predicted.quotes);
    scoreReported(text, gold, predicted.reported, reported, reportedShorter);
    for (const key of ["content", "contentExact", "source", "sourceExact", "sourceShorter"] as const) {
      total[key].tp += s[key].tp;
      total[key].predicted += s[key].predicted;
      total[key].gold += s[key].gold;
    }
    total.bothSpeakers += s.bothSpeakers;
    total.speakersAgree += s.speakersAgree;
    total.ignored += s.ignored;
  }
  const content = prf(total.content);
  return {
    articles: articles.length,
    annotationFiles: articles.map((a) => a.annPath),
    content,
    contentExact: prf(total.contentExact),
    source: prf(total.source),
    sourceExact: prf(total.sourceExact),
    sourceShorter: prf(total.sourceShorter),
    sourceAccuracy: total.bothSpeakers === 0 ? 0 : total.speakersAgree / total.bothSpeakers,
    ignored: total.ignored,
    contentPrecisionStrict:
      content.predicted + total.ignored === 0 ? 0 : content.tp / (content.predicted + total.ignored),
    offsetMismatches,
    reported: prf(reported),
    reportedShorter: prf(reportedShorter),
  };
}

function line(label: string, s: PRF): string {
  const f = (x: number) => x.toFixed(3);
  return `${label.padEnd(34)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  (tp ${s.tp}, predicted ${s.predicted}, gold ${s.gold})`;
}

/** A readable report of `evaluatePolnear`, one clearly labelled line per measure. */
export function formatPolnear(r: PolnearResult): string {
  return [
    `PolNeAR direct quotations: ${r.articles} articles`,
    line("content, overlap >= 50%", r.content),
    line("content, exact", r.contentExact),
    line("source (end to end), overlap", r.source),
    line("source (end to end), exact", r.sourceExact),
    line("source, overlap >= 50% of shorter", r.sourceShorter),
    `source agreement on matched quotes (overlap, longer)  ${r.sourceAccuracy.toFixed(3)}`,
    `content precision counting partial quotations in indirect content as errors  ${r.contentPrecisionStrict.toFixed(3)} (${r.ignored} such predictions)`,
    line("reported speech, overlap >= 50%", r.reported),
    line("reported speech, >= 50% of shorter", r.reportedShorter),
    r.offsetMismatches > 0
      ? `warning: ${r.offsetMismatches} annotation spans did not match the text at their offsets`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
}
