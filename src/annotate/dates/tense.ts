import { isPastForm as isPastVerb } from "../../words/verbs.js";
/**
 * The time a date's clause speaks of: "past" (said on Monday, died on Thursday), "future" (will meet on Friday,
 * is due to speak on Wednesday, rain forecast until Tuesday night), "prospective" for the future seen from a
 * past moment (would begin on June 1, agreed to meet on Tuesday, was allowed to defer it to October), which may
 * lie on either side of the article's date, or "unknown" when nothing in the sentence says, so that a date
 * written without its year or week can be resolved in the right direction. "unknown" is the default, and is
 * read as the past (news reports what has happened): a weekday is the latest one up to the article's date, a
 * month and day the latest one up to two weeks past it (`FUTURE_WINDOW_DAYS`).
 */
export type Tense = "past" | "future" | "prospective" | "unknown";

/** How many characters before a date the sentence is searched for a verb that governs it: about two clauses. */
const REACH_BEFORE = 120;

/** How many characters after a date: a fronted date ("On Thursday, the bank is set to ...") finds its verb here. */
const REACH_AFTER = 90;

/** Modal and auxiliary words that put a clause in the future (or the future seen from the past: "would"). */
const FUTURE_WORDS = new Set(["will", "shall", "won't", "upcoming", "tomorrow"]);

/** Modals of the future seen from the past. */
const PROSPECTIVE_WORDS = new Set(["would", "wouldn't"]);

/** Adjectives that point a date forward: "next Friday", "the forthcoming vote on Monday". */
const FORWARD_WORDS = new Set(["next", "forthcoming"]);

/**
 * Words that, after "is"/"are" (or alone before "to"/"for"), announce a planned event: "is due to speak", "is set
 * to raise", "is scheduled for", "plans to". After "was"/"were" they announce it from the past ("was due to meet
 * on Saturday"): the future seen from then.
 */
const PLAN_WORDS = new Set(["due", "set", "scheduled", "slated", "expected", "poised", "planned", "going", "likely"]);

/** Verbs of intent in the present whose infinitive lies ahead: "plans to visit", "hopes to sign". */
const INTENT_VERBS = new Set([
  "plan",
  "plans",
  "planning",
  "intend",
  "intends",
  "intending",
  "aim",
  "aims",
  "aiming",
  "hope",
  "hopes",
  "hoping",
  "want",
  "wants",
  "seek",
  "seeks",
  "prepare",
  "prepares",
  "preparing",
  "promise",
  "promises",
  "vow",
  "vows",
  "pledge",
  "pledges",
  "agree",
  "agrees",
  "decide",
  "decides",
]);

/**
 * Past verbs that take an infinitive of something to come after them: "agreed to meet on Tuesday", "was allowed
 * to defer the sentence to October". What the infinitive names lies after the past moment, not necessarily
 * after the article's date.
 */
const PAST_CONTROL = new Set([
  "agreed",
  "decided",
  "planned",
  "vowed",
  "pledged",
  "promised",
  "ordered",
  "urged",
  "voted",
  "chose",
  "hoped",
  "wanted",
  "sought",
  "intended",
  "aimed",
  "prepared",
  "threatened",
  "offered",
  "asked",
  "invited",
  "allowed",
  "permitted",
  "told",
]);

/** Words before a noun: "its forecast", "the warning" are nouns, not verbs of prediction. */
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "its",
  "their",
  "his",
  "her",
  "our",
  "my",
  "your",
  "this",
  "that",
  "latest",
]);

/** Past forms that make an infinitive after them a plan that did not happen: "was meant to meet on Sunday". */
const COUNTERFACTUAL = new Set(["meant", "supposed"]);

/**
 * Verbs of prediction: what they govern lies ahead ("forecast rain until Tuesday night", "warned of storms on
 * Friday"), unless the date follows them directly, when it dates the prediction itself ("warned on Monday").
 */
const PREDICTION_VERBS = new Set([
  "forecast",
  "forecasts",
  "forecasting",
  "predict",
  "predicts",
  "predicted",
  "predicting",
  "warn",
  "warns",
  "warned",
  "expect",
  "expects",
  "anticipate",
  "anticipates",
  "anticipated",
  "projected",
]);

/**
 * Verbs that, in the present simple, name a scheduled event and so point forward: "the summit begins on
 * Thursday", "the law takes effect on July 1".
 */
const SCHEDULE_PRESENT = new Set([
  "begins",
  "starts",
  "opens",
  "ends",
  "closes",
  "resumes",
  "reopens",
  "meets",
  "convenes",
  "arrives",
  "departs",
  "returns",
  "expires",
  "launches",
  "kicks",
  "debuts",
  "premieres",
  "concludes",
  "runs",
]);

/** Words of past time that stand where a past verb would ("two days ago", "yesterday"), read as one. */
const PAST_TIME_WORDS = new Set(["ago", "yesterday", "earlier"]);

/** Verbs that report speech: a date right after them dates the report; past "that", the reported clause rules. */
const REPORTING_PAST = new Set(["said", "told", "announced", "stated", "added", "reported", "wrote", "confirmed"]);

/** Words that open a clause of their own: a verb beyond them governs another clause. */
const CLAUSE_WORDS = new Set([
  "that",
  "which",
  "who",
  "whom",
  "when",
  "while",
  "where",
  "because",
  "although",
  "but",
  "if",
  "unless",
]);

const BEFORE_AUXILIARY = new Set(["is", "are", "am", "'s", "’s", "'re", "’re"]);
const PAST_AUXILIARY = new Set(["was", "were"]);
const PERFECT = new Set(["has", "have", "had", "'ve", "’ve"]);

const TOKEN = /\b[A-Za-z][A-Za-z'’]*|[,;:–—]|\s-\s/g;
const SENTENCE_END = /[.!?]["”’)]?\s|\n/g;
/** Titles, month abbreviations and initials: a period after them does not end the sentence ("Sept. 8", "U.S."). */
const ABBREVIATION_BEFORE =
  /\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Co|Corp|Inc|Ltd|[ap]\.m|[A-Z](?:\.[A-Z])*)$/;

interface Token {
  word: string;
  /** Written in lower case: a capitalised "Said" or "United" may be a name, not a verb. */
  lower: boolean;
  boundary: boolean;
}

const LETTER = /[A-Za-z]/;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const raw = m[0].trim();
    const word = raw.toLowerCase();
    const punctuation = !LETTER.test(raw);
    out.push({ word, lower: raw === word, boundary: punctuation || CLAUSE_WORDS.has(word) });
  }
  return out;
}

/** The start of the sentence holding `at`, not searching further back than `limit`. */
function sentenceStart(text: string, at: number, limit: number): number {
  let start = limit;
  SENTENCE_END.lastIndex = limit;
  for (let m = SENTENCE_END.exec(text); m !== null && m.index < at; m = SENTENCE_END.exec(text)) {
    // "Sept. 8", "U.S. forces": a period after a short capitalised word or initials does not end the sentence.
    if (text[m.index] === "." && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    start = m.index + m[0].length;
  }
  return start;
}

function sentenceEnd(text: string, from: number, limit: number): number {
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m !== null && m.index < limit; m = SENTENCE_END.exec(text)) {
    if (text[m.index] === "." && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    return m.index;
  }
  return limit;
}

/** The sentence holding text[start, end), as far as the tense search reaches: [from, to). */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  return [
    sentenceStart(text, start, Math.max(0, start - REACH_BEFORE)),
    sentenceEnd(text, end, Math.min(text.length, end + REACH_AFTER)),
  ];
}

function isPastForm(word: string): boolean {
  return isPastVerb(word) || PAST_TIME_WORDS.has(word);
}

type Cue = "past" | "future" | "prospective" | "schedule" | undefined;

/**
 * The tense a word at index `i` of `ws` gives the date, reading its neighbours; "schedule" is a present of
 * schedule ("begins on Thursday").
 * `adjacent` is true when the word stands right before the date (only "on"/"at" between).
 */
function cueAt(ws: Token[], i: number, adjacent: boolean): Cue {
  const token = ws[i];
  const w = token?.word ?? "";
  const prev = ws[i - 1]?.word ?? "";
  const next = ws[i + 1]?.word ?? "";
  if (FUTURE_WORDS.has(w) || w.endsWith("'ll") || w.endsWith("’ll")) return "future";
  if (PROSPECTIVE_WORDS.has(w)) return "prospective";
  if (FORWARD_WORDS.has(w)) return "future";
  if (PLAN_WORDS.has(w) && (PAST_AUXILIARY.has(prev) || PERFECT.has(prev) || prev === "been")) return "prospective";
  if (PLAN_WORDS.has(w) && (BEFORE_AUXILIARY.has(prev) || prev === "be")) return "future";
  if (PLAN_WORDS.has(w) && (next === "to" || next === "for") && w !== "going" && w !== "likely") return "future";
  // "what's going to happen on Wednesday"; "was going to" is the future seen from the past.
  if (w === "going" && next === "to") return PAST_AUXILIARY.has(prev) ? "prospective" : "future";
  // "ahead of Saturday's caucus": still to come when the words were written, which may be before the article.
  if (w === "ahead" && next === "of") return "prospective";
  // "between now and the summit in November": what lies between now and it is still to come.
  if (w === "now" && prev === "between" && next === "and") return "future";
  // "By the time we meet in November": a present after "by the time" speaks of the future (a past verb in
  // the clause, "by the time the ferry docked in November", is nearer the date and is read first).
  if (w === "time" && prev === "the" && ws[i - 2]?.word === "by") return "future";
  if (w === "to") {
    const before = ws[i - 1]?.word ?? "";
    const aux = ws[i - 2]?.word ?? "";
    const pastAux = PAST_AUXILIARY.has(aux) || PERFECT.has(aux) || aux === "been";
    if (COUNTERFACTUAL.has(before) && pastAux) return "past";
    if (PLAN_WORDS.has(before) && pastAux) return "prospective";
    // "allowed him to", "ordered the army to": the verb may stand a short object away.
    if ([before, aux, ws[i - 3]?.word ?? ""].some((x) => PAST_CONTROL.has(x))) return "prospective";
    // "is to take over on Jan. 1", "are to meet on Friday".
    if (BEFORE_AUXILIARY.has(before)) return "future";
    if (INTENT_VERBS.has(before)) return "future";
    if (next === "be" && isPastForm(ws[i + 2]?.word ?? "")) return "future";
    // "her invitation to resume talks on Tuesday", "an offer to end it on Friday": an infinitive after a noun
    // names what is still to happen when it is spoken of, which may be either side of the article's date.
    const nounBefore = DETERMINERS.has(aux) && !PLAN_WORDS.has(before);
    if (nounBefore && ws[i + 1]?.lower && !DETERMINERS.has(next) && !isPastForm(next)) return "prospective";
    return undefined;
  }
  if (PREDICTION_VERBS.has(w) && !DETERMINERS.has(prev))
    return adjacent && (isPastForm(w) || w === "forecast") ? "past" : "future";
  if (SCHEDULE_PRESENT.has(w)) return "schedule";
  if (w === "takes" && (next === "effect" || next === "place" || next === "office")) return "schedule";
  if (PERFECT.has(w) && (next === "been" || isPastForm(next))) return "past";
  if (token?.lower && isPastForm(w)) {
    // "will be held", "to be signed": a participle after "be" takes its time from what comes before.
    if (prev === "be" || prev === "being") return undefined;
    if (PLAN_WORDS.has(w)) return undefined;
    return "past";
  }
  return undefined;
}

interface Found {
  cue: "past" | "future" | "prospective" | "schedule";
  distance: number;
  /** A verb of reporting with a clause word ("that", "which") between it and the date. */
  reportsClause: boolean;
}

function scan(ws: Token[], order: number[], stopAtBoundary: boolean, adjacentUntil: number): Found | undefined {
  let distance = 0;
  let clause = false;
  for (const i of order) {
    const t = ws[i] as Token;
    if (t.boundary) {
      if (stopAtBoundary) return undefined;
      if (CLAUSE_WORDS.has(t.word)) clause = true;
      continue;
    }
    distance++;
    const cue = cueAt(ws, i, distance <= adjacentUntil);
    if (cue !== undefined) return { cue, distance, reportsClause: clause && REPORTING_PAST.has(t.word) };
  }
  return undefined;
}

const PARTICIPLE = /^[a-z]{2,}ing$/;

/** Prepositions of time and place that open a fronted phrase ("On Thursday, ...", "In her speech on Monday, ..."). */
const TIME_PREPOSITIONS = new Set([
  "on",
  "at",
  "in",
  "during",
  "by",
  "from",
  "before",
  "after",
  "for",
  "late",
  "early",
]);

/**
 * Whether the date stands in a phrase of its own before its clause's verb: the words back to the previous
 * boundary open with a preposition ("On Thursday, the bank is set to ...", "said that on Monday, two men will
 * ...") and hold no participle ("After passing the cape late Monday, the storm is expected to ..." dates the
 * passing). Only then does a verb after the date give its tense; after "As she put it in July, ..." it does not.
 */
function frontedPhrase(before: Token[]): boolean {
  let i = before.length;
  while (i > 0 && !(before[i - 1] as Token).boundary) i--;
  const first = before[i]?.word;
  if (first !== undefined && !TIME_PREPOSITIONS.has(first)) return false;
  for (let j = i; j < before.length; j++) {
    const t = before[j] as Token;
    if (t.lower && PARTICIPLE.test(t.word) && t.word.length > 4 && !DETERMINERS.has(before[j - 1]?.word ?? "")) {
      return false;
    }
  }
  return true;
}

const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let i = from; step > 0 ? i < to : i > to; i += step) out.push(i);
  return out;
};

/**
 * Decides the tense of the clause around text[start, end): the nearest cue before the date in its own clause,
 * else the nearest after it in its own clause, else the nearest in the rest of the sentence (a reporting verb
 * before a clause boundary yields to a cue after the date: in "said that on Monday, two men will appear", the
 * date is the appearance's).
 *
 * `coarse` is for a month without a day: a present of schedule then usually tells a habit ("the season, which
 * starts in September"), so it decides nothing.
 *
 * @example tenseAt("The talks will resume on Friday.", 23, 29) // "future"
 */
export function tenseAt(text: string, start: number, end: number, coarse = false): Tense {
  const [from, to] = sentenceBounds(text, start, end);
  const before = tokens(text.slice(from, start));
  const after = tokens(text.slice(end, to));
  const prep = before.at(-1)?.word;
  if (prep === "since") return "past";
  // Only a preposition of time may separate a reporting or predicting verb from the date it dates ("warned on
  // Monday", "forecast in July"); "until" opens what the prediction is about ("forecast rain until Tuesday").
  const adjacentBefore = prep !== undefined && TIME_PREPOSITIONS.has(prep) ? 2 : 1;
  const ws = [...before, ...after];
  const back = range(before.length - 1, -1, -1);
  const ahead = range(before.length, ws.length, 1);
  const pick = (f: Found | undefined): Tense => {
    if (f === undefined) return "unknown";
    if (f.cue === "schedule") return coarse ? "unknown" : "future";
    return f.cue;
  };
  const nearBack = scan(ws, back, true, adjacentBefore);
  if (nearBack) return pick(nearBack);
  // After the date, a verb of prediction dates the prediction ("On Monday, forecasters warned ...").
  const nearAhead = scan(ws, ahead, true, Number.POSITIVE_INFINITY);
  if (nearAhead) return pick(nearAhead);
  const farBack = scan(ws, back, false, adjacentBefore);
  const farAhead = frontedPhrase(before) ? scan(ws, ahead, false, Number.POSITIVE_INFINITY) : undefined;
  if (farBack && farAhead) {
    if (farBack.reportsClause) return pick(farAhead);
    return pick(farBack.distance <= farAhead.distance ? farBack : farAhead);
  }
  if (farBack || farAhead) return pick(farBack ?? farAhead);
  // With no verb to say otherwise, "until" ends a state that holds now: "rain until Tuesday night", "schools
  // remain shut until Monday".
  return prep === "until" || prep === "till" ? "future" : "unknown";
}
