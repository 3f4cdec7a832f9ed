import type { NumberMention } from "../../model/index.js";
import { NUMBER_WORD, parseNumberWords, SCALES } from "../../words/numbers.js";
import { MONTH_ANY, WEEKDAY_FULL } from "../dates/calendar.js";
import { looksPlural, readsAsYear } from "../dates/year.js";
import {
  HEDGE_AFTER,
  HEDGE_BEFORE,
  HEDGE_REACH,
  type HedgeShape,
  hedgeType,
  intervalFor,
  shapeAfter,
  shapeOfHedge,
  VAGUE_AMOUNTS,
  type VagueAmount,
} from "./hedges.js";
import { findUnit, isFunctionWord } from "./unit.js";

export {
  APPROXIMATE_SPREAD,
  EXCESS_SPREAD,
  SHORTFALL_SPREAD,
  VAGUE_AMOUNTS,
  type VagueAmount,
} from "./hedges.js";
export { MAX_UNIT_WORDS, unitKey } from "./unit.js";

const CURRENCY = String.raw`US\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥|₹`;

const CURRENCY_CODE: Record<string, string> = {
  us$: "usd",
  $: "usd",
  a$: "aud",
  c$: "cad",
  nz$: "nzd",
  hk$: "hkd",
  "£": "gbp",
  "€": "eur",
  "¥": "jpy",
  "₹": "inr",
};

const SMALL_VAGUE = String.raw`a\s+few|several|a\s+couple\s+of`;
const VAGUE = [
  String.raw`(?:${SMALL_VAGUE})\s+(?:dozen|hundred|thousand|million|billion)(?:\s+(?:thousand|million|billion))?`,
  String.raw`(?:tens|hundreds)\s+of\s+(?:thousands|millions)`,
  String.raw`dozens|scores(?=\s+of\b)|hundreds|thousands|millions|billions`,
  String.raw`${SMALL_VAGUE}|a\s+handful`,
].join("|");

/**
 * The longest run of number words read as one number; "one hundred and twenty-three thousand four hundred and
 * fifty-six" has eleven. The bound keeps a long list of number words from being rescanned word by word.
 */
const MAX_NUMBER_WORDS = 12;

const WORDS = String.raw`(?:(?:a|half\s+a)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:${NUMBER_WORD})(?:(?:\s+and\s+|\s+|-)(?:${NUMBER_WORD})){0,${MAX_NUMBER_WORDS}}`;

/** Where a count may start: a vague amount, a numeral with an optional currency sign, or number words. */
const CANDIDATE = new RegExp(
  String.raw`\b(?<vague>${VAGUE})\b|(?<cur>${CURRENCY})?(?<num>\d+(?:[.,:/]\d+)*)|\b(?<words>${WORDS})\b`,
  "gi",
);

const THOUSANDS_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const LEADING_ZERO = /^0\d/;
const FOUR_DIGITS = /^\d{4}$/;
const DIGIT = /\d/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A character glued before a numeral that makes it part of a word, an identifier or a phone number. */
const GLUED_BEFORE = /[\p{L}\p{N}_#@+]/u;
/** Another group of digits right after or before, as in phone numbers ("20 7946 0958", "(555) 123"). */
const DIGIT_GROUP_AFTER = /^\s\d|^\)\s?\d/;
const DIGIT_GROUP_BEFORE = /\d\s$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/** Letters glued to a numeral that scale it ("10k", "$5m", "2bn"); m and b only after a currency sign. */
const GLUED_SCALE: Record<string, { factor: number; needsCurrency: boolean }> = {
  k: { factor: 1_000, needsCurrency: false },
  bn: { factor: 1_000_000_000, needsCurrency: false },
  mn: { factor: 1_000_000, needsCurrency: false },
  m: { factor: 1_000_000, needsCurrency: true },
  b: { factor: 1_000_000_000, needsCurrency: true },
};

/** Units of measure written glued to the numeral ("10km"). */
const GLUED_UNITS = new Set(["km", "kg", "mph", "kph", "cm", "mm", "ft", "lb", "lbs", "mw", "gw", "kw", "kwh", "ha"]);

const GLUED_LETTERS = /[A-Za-z]+/y;
const SCALE_WORD = /\s+(thousand|million|billion|trillion)\b/iy;

/** A clock time or a time zone after the number: "3 p.m.", "1430 GMT", "5 o'clock". */
const TIME_AFTER =
  /\s*(?:[ap]\.?m\b\.?|(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|PST|PDT)\b|local\s+time\b|o['’]clock\b|hrs\b)/iy;

/** A web address or a path: "https://…", "www.…", "example.com/…". */
const ADDRESS = /^[("'“]?(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|\.[a-z]{2,}\//i;
/** How far back the start of the word holding a numeral is looked for. */
const ADDRESS_REACH = 200;

/** Whether the numeral at `at` is part of a web address (an id in a link, not a count). */
function inAddress(text: string, at: number): boolean {
  const from = Math.max(0, at - ADDRESS_REACH);
  const space = text.slice(from, at).search(/\S*$/u);
  const word = text.slice(from + space, at);
  return word.length > 0 && /[/.]/.test(word) && ADDRESS.test(word);
}

/** A CJK date or clock part right after the digits ("11月10日", "3时"): a date or time, not a count. */
const CJK_TIME_AFTER = /[年月日时時点點分秒号號]/y;

const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH_ANY}|(?:${WEEKDAY_FULL}),?)\s+$`);
const MONTH_AFTER = new RegExp(String.raw`\s+(?:of\s+)?${MONTH_ANY}`, "y");

/** Words before a numeral that make it a label or an identifier, not a count ("Article 5", "Flight 17"). */
const LABEL_BEFORE =
  /(?:\b(?:article|art|section|sec|chapter|ch|clause|paragraph|para|resolution|amendment|flight|route|highway|interstate|exit|gate|terminal|platform|room|page|pages|pp?|figure|fig|table|level|phase|stage|tier|category|grade|class|division|season|episode|volume|vol|part|item|rule|zone|district|ward|precinct|sector|block|building|unit|lot|box|channel|camp|version|no|nos|number)\.?|#)\s*$/i;

/** A capitalised word right before the number, for labels the list above does not know ("Boeing 737"). */
const CAPITALISED_BEFORE = /(?:^|[^\w'’.-])([A-Z][A-Za-z'’-]*)\s$/;

/** Before the word "one": a determiner that makes it a pronoun ("the one", "no one"). */
const ONE_PRONOUN_BEFORE = /\b(?:no|the|this|that|any|every|each|which|only|last|next|some|little|another)\s+$/i;

/** After the word "one": words that make it a pronoun or an idiom ("one of the", "one day", "one another"). */
const ONE_IDIOM_AFTER =
  /(?:\s+(?:of|another|other|or|who|that|which|day|time|way|thing|point|side|hand|more|kind|sort|reason|too)\b|['’]s\b|-)/iy;

const RANGE_JOIN = /\s*(?<dash>[-–—])\s*|\s+(?<word>to|or|and)\s+/iy;
const RANGE_NUMERAL = new RegExp(
  String.raw`(?<cur>${CURRENCY})?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,:/]?\d)(?<glued>k|bn|mn|m|b)?\b(?:\s+(?<scale>thousand|million|billion|trillion)\b)?`,
  "iy",
);
const RANGE_WORDS = new RegExp(String.raw`\b${WORDS}\b`, "iy");

const FROM_BEFORE = /\bfrom\s+$/i;

/** "aged 83", "at the age of 83": the figure is an age, which the text does not name after it. */
const AGE_BEFORE = /\b(?:aged|age\s+of)\s+$/i;
const AGE = "age";
const YEARS_OLD_AFTER = /^(?:\s+|-)old\b/i;

/** A finite verb right after a bare amount: an auxiliary or a regular past form ("had", "were", "gathered"). */
const PREDICATE_AFTER = /\s+(?:had|have|has|were|are|will|would|could|may|might|\p{Ll}+ed)\b/uy;

/**
 * How far apart two figures joined by "or" may be and still read as one range: "two or three", "10 or 20",
 * but not "$30 or $1 million", which are alternatives.
 */
const OR_RANGE_RATIO = 2;
const LEADING_FIGURE = /[\d,]+(?:\.\d+)?/;
const WHITESPACE = /\s+/g;
const SMALL_TIMES_SCALE = /^(a few|several|a couple of) (.+)$/;
const OR_MORE_AFTER = /\s+or\s+(?<or>more|so|fewer|less)\b/iy;
const DIGIT_RUN = /(?:\s*[-–—]\s*\d+)+/y;
const HYPHEN_WORD = /-(?<word>[A-Za-z]+)/y;

/** Words after a hyphen that make "two-thirds" a fraction or "twenty-first" an ordinal, not a count. */
const FRACTION_OR_ORDINAL =
  /^(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/i;

const PERCENT_AFTER = /(?:\s?%|\s*(?:per\s?cent|percent)\b|\s+(?<points>percentage\s+points?)\b)/iy;
const PARTITIVE = /\s+of\s+(?:the|their|its|his|her|those|these|our|your)\b/iy;
const OF_AFTER = /\s+of(?:\s+(?:the|their|its|his|her|those|these|our|your))?\b/iy;

interface Figure {
  start: number;
  end: number;
  value: number;
  currency?: string;
  /** Set when the unit comes glued to the numeral ("10km"). */
  unit?: string;
  /** A bare four-digit integer, which may be a year. */
  maybeYear: boolean;
  /** The word "one", which is often a pronoun. */
  isOne: boolean;
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Reads a numeral candidate; undefined when it is part of an identifier, a time, a phone number or a date. */
function readNumeral(text: string, start: number, cur: string | undefined, raw: string): Figure | undefined {
  if (raw.includes(":") || raw.includes("/")) return undefined;
  if (raw.includes(",") ? !THOUSANDS_GROUPED.test(raw) : !PLAIN_NUMBER.test(raw)) return undefined;
  if (LEADING_ZERO.test(raw)) return undefined;
  const numStart = start + (cur?.length ?? 0);
  const before = text[start - 1] ?? "";
  if (GLUED_BEFORE.test(before) || inAddress(text, start)) return undefined;
  if ((before === "-" || before === "–" || before === ".") && LETTER_OR_DIGIT.test(text[start - 2] ?? "")) {
    return undefined;
  }
  let end = numStart + raw.length;
  let value = Number(raw.replaceAll(",", ""));
  let unit: string | undefined;
  const glued = sticky(GLUED_LETTERS, text, end)?.[0];
  if (glued !== undefined) {
    const lower = glued.toLowerCase();
    const scale = GLUED_SCALE[lower];
    if (scale && (!scale.needsCurrency || cur !== undefined)) value *= scale.factor;
    else if (GLUED_UNITS.has(lower)) unit = lower;
    else return undefined;
    end += glued.length;
  }
  const scaleWord = sticky(SCALE_WORD, text, end);
  if (scaleWord?.[1] !== undefined) {
    value *= SCALES[scaleWord[1].toLowerCase()] ?? 1;
    end = SCALE_WORD.lastIndex;
  }
  const plain = cur === undefined && glued === undefined && scaleWord === null;
  if (plain) {
    if (sticky(TIME_AFTER, text, end) || sticky(CJK_TIME_AFTER, text, end)) return undefined;
    if (DIGIT_GROUP_AFTER.test(text.slice(end, end + 3)) || DIGIT_GROUP_BEFORE.test(text.slice(start - 2, start))) {
      return undefined;
    }
  }
  if (MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || sticky(MONTH_AFTER, text, end)) {
    return undefined;
  }
  const figure: Figure = { start, end, value, maybeYear: plain && FOUR_DIGITS.test(raw), isOne: false };
  if (cur !== undefined) figure.currency = CURRENCY_CODE[cur.toLowerCase()] ?? "usd";
  if (unit !== undefined) figure.unit = unit;
  return figure;
}

function readWords(start: number, phrase: string): Figure | undefined {
  const parsed = parseNumberWords(phrase);
  if (!parsed) return undefined;
  const written = phrase.slice(0, parsed.length);
  return {
    start,
    end: start + parsed.length,
    value: parsed.value,
    maybeYear: false,
    isOne: written.toLowerCase() === "one",
  };
}

/** The second figure of a range ("10 to 15", "two or three", "between 10,000 and 15,000"). */
function readRangeEnd(text: string, at: number, first: Figure, join: string): Figure | undefined {
  const num = sticky(RANGE_NUMERAL, text, at);
  if (num?.groups?.num !== undefined) {
    const g = num.groups;
    const raw = g.num ?? "";
    let value = Number(raw.replaceAll(",", ""));
    const glued = g.glued?.toLowerCase();
    const gluedScale = glued === undefined ? undefined : GLUED_SCALE[glued];
    if (gluedScale) {
      if (gluedScale.needsCurrency && g.cur === undefined && first.currency === undefined) return undefined;
      value *= gluedScale.factor;
    }
    if (g.scale !== undefined) value *= SCALES[g.scale.toLowerCase()] ?? 1;
    if (join !== "-" && FOUR_DIGITS.test(raw) && readsAsYear(text, at, at + raw.length)) return undefined;
    return { start: at, end: RANGE_NUMERAL.lastIndex, value, maybeYear: false, isOne: false };
  }
  if (join === "-") return undefined;
  const words = sticky(RANGE_WORDS, text, at);
  return words ? readWords(at, words[0]) : undefined;
}

interface Range {
  low: number;
  high: number;
  end: number;
}

/** Looks for a range after the first figure; dash ranges of anything else (scores, phone numbers) are void. */
function readRange(text: string, first: Figure, hedge: HedgeShape | undefined): Range | "void" | undefined {
  const join = sticky(RANGE_JOIN, text, first.end);
  if (!join?.groups) return undefined;
  const word = join.groups.word?.toLowerCase();
  const dash = join.groups.dash !== undefined;
  if (word === "and" && hedge !== "between") return undefined;
  if (word === "to" && FROM_BEFORE.test(text.slice(Math.max(0, first.start - 6), first.start))) return undefined;
  if (dash && !DIGIT.test(text[RANGE_JOIN.lastIndex] ?? "")) return undefined;
  const second = readRangeEnd(text, RANGE_JOIN.lastIndex, first, dash ? "-" : (word ?? ""));
  if (!second) return dash ? "void" : undefined;
  let low = first.value;
  // "1.5 to 2 million": a scale word written once applies to both ends.
  const written = Number(LEADING_FIGURE.exec(text.slice(second.start, second.end))?.[0]?.replaceAll(",", "") ?? "1");
  const scale = written > 0 ? second.value / written : 1;
  if (scale > 1 && low < written && low * scale < second.value) low *= scale;
  if (!(second.value > low)) return dash ? "void" : undefined;
  // "two or three" is a range; "$30 or $1 million" is two figures.
  if (word === "or" && second.value > OR_RANGE_RATIO * low) return undefined;
  return { low, high: second.value, end: second.end };
}

/**
 * A capitalised name right before the number ("Boeing 737", "Apollo 11"): a capitalised word that is not a
 * function word, wherever it stands, since the words that open a sentence before a count are function words
 * ("Only 10", "About 10") and verbs ("Killed 10").
 */
function nameBefore(text: string, start: number): boolean {
  const word = CAPITALISED_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  return word !== undefined && !isFunctionWord(word);
}

function vagueAmount(phrase: string): VagueAmount | undefined {
  const key = phrase.toLowerCase().replace(WHITESPACE, " ");
  const direct = VAGUE_AMOUNTS[key];
  if (direct) return direct;
  // "several hundred", "a few thousand", "a couple of dozen": the small vague band times the scale.
  const m = SMALL_TIMES_SCALE.exec(key);
  const small = m?.[1] === undefined ? undefined : VAGUE_AMOUNTS[m[1]];
  if (!m?.[2] || !small) return undefined;
  const factor = m[2].split(" ").reduce((f, w) => f * (SCALES[w] ?? 1), 1);
  return {
    low: small.low * factor,
    high: small.high * factor,
    highOpen: small.highOpen,
    typical: small.typical * factor,
  };
}

/** The unit and where the counted phrase ends, after `at`: percent, a partitive "of the", or the next noun. */
function unitAfter(text: string, at: number, vague: boolean): { unit?: string; end: number } {
  const percent = sticky(PERCENT_AFTER, text, at);
  if (percent) return { unit: percent.groups?.points ? "percentage points" : "percent", end: PERCENT_AFTER.lastIndex };
  const ofRe = vague ? OF_AFTER : PARTITIVE;
  const from = sticky(ofRe, text, at) ? ofRe.lastIndex : at;
  const found = findUnit(text, from);
  return found ? { unit: found.unit, end: found.end } : { end: at };
}

function readVague(text: string, start: number, phrase: string): NumberMention | undefined {
  const amount = vagueAmount(phrase);
  if (!amount) return undefined;
  const after = unitAfter(text, start + phrase.length, true);
  const { end } = after;
  // "Hundreds of thousands had gathered": a bare vague amount that is the subject of a verb counts people.
  const unit = after.unit ?? (sticky(PREDICATE_AFTER, text, end) ? "people" : undefined);
  const mention: NumberMention = {
    start,
    end,
    text: text.slice(start, end),
    value: amount.typical,
    interval: { low: amount.low, high: amount.high, lowOpen: false, highOpen: amount.highOpen },
    hedge: "vague",
  };
  if (unit !== undefined) mention.unit = unit;
  return mention;
}

/** What a candidate turned out to be: a count, or nothing, with where to resume scanning. */
type Outcome = NumberMention | { skipTo: number };

/** Reads one numeral or number-word candidate and everything around it that belongs to the count. */
function readCount(text: string, figure: Figure): Outcome {
  const skip = { skipTo: figure.end };
  if (LABEL_BEFORE.test(text.slice(Math.max(0, figure.start - 16), figure.start))) return skip;
  if (figure.maybeYear && readsAsYear(text, figure.start, figure.end)) return skip;

  const beforeText = text.slice(Math.max(0, figure.start - HEDGE_REACH), figure.start);
  const hedgeMatch = HEDGE_BEFORE.exec(beforeText);
  const hedgeWords = hedgeMatch?.groups?.hedge;
  let shape = hedgeWords === undefined ? undefined : shapeOfHedge(hedgeWords);
  let hedgeText = hedgeWords;
  let start = figure.start;
  if (hedgeWords !== undefined)
    start = figure.start - beforeText.length + (hedgeMatch?.indices?.groups?.hedge?.[0] ?? 0);

  let low = figure.value;
  let high: number | undefined;
  let end = figure.end;
  const range = readRange(text, figure, shape);
  if (range === "void") return { skipTo: skipDigitRun(text, figure.end) };
  if (range) {
    ({ low, high, end } = range);
    if (shape !== "between") {
      shape = "between";
      hedgeText = undefined;
      start = figure.start;
    }
  } else if (shape === "between") {
    shape = undefined;
    hedgeText = undefined;
    start = figure.start;
  }

  let unit = figure.unit ?? figure.currency;
  const hyphen = unit === undefined ? sticky(HYPHEN_WORD, text, end) : null;
  const compound = hyphen?.groups?.word;
  if (compound !== undefined) {
    if (FRACTION_OR_ORDINAL.test(compound) || figure.isOne) return { skipTo: HYPHEN_WORD.lastIndex };
    end = HYPHEN_WORD.lastIndex;
    const lower = compound.toLowerCase();
    if (lower === "odd" || lower === "plus") {
      // "an estimated million-plus": the written lower bound says more than the soft estimate before it.
      if (shape === undefined || (lower === "plus" && shape === "around")) {
        shape = shapeAfter(lower);
        hedgeText = hyphen?.[0];
      }
    } else if (lower !== "strong") {
      // "a 50,000-strong force" counts the force; any other compound counts its second word ("a 10-year war").
      unit = lower;
    }
  }

  if (shape === undefined) {
    const after = sticky(HEDGE_AFTER, text, end);
    const word = after?.groups?.or ?? after?.groups?.plus;
    if (after && word !== undefined) {
      shape = shapeAfter(word);
      hedgeText = after[0].trim();
      end = HEDGE_AFTER.lastIndex;
    }
  }

  if (unit === undefined) {
    const found = unitAfter(text, end, false);
    if (found.unit !== undefined) {
      unit = found.unit;
      end = found.end;
    } else if (AGE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) unit = AGE;
  }
  // "13 years old", "a 13-year-old": an age, not a length of time.
  if (unit !== undefined && /^years?$/i.test(unit) && YEARS_OLD_AFTER.test(text.slice(end, end + 6))) unit = AGE;

  if (figure.isOne && range === undefined) {
    const before = text.slice(Math.max(0, figure.start - 12), figure.start);
    if (unit === undefined || ONE_PRONOUN_BEFORE.test(before) || sticky(ONE_IDIOM_AFTER, text, figure.end)) return skip;
  }
  if (shape === undefined && (unit === undefined || !looksPlural(unit)) && nameBefore(text, start)) return skip;

  if (shape === undefined) {
    const after = sticky(OR_MORE_AFTER, text, end);
    if (after?.groups?.or !== undefined) {
      shape = shapeAfter(after.groups.or);
      hedgeText = after[0].trim();
      end = OR_MORE_AFTER.lastIndex;
    }
  }

  const mention: NumberMention = {
    start,
    end,
    text: text.slice(start, end),
    value: high === undefined ? low : (low + high) / 2,
    interval: intervalFor(shape, low, high),
    hedge: shape === undefined ? "exact" : hedgeType(shape),
  };
  if (hedgeText !== undefined) mention.hedgeText = hedgeText;
  if (unit !== undefined) mention.unit = unit;
  return mention;
}

function skipDigitRun(text: string, from: number): number {
  DIGIT_RUN.lastIndex = from;
  return DIGIT_RUN.exec(text) ? DIGIT_RUN.lastIndex : from;
}

/**
 * Finds counts in `text` and reads each as an interval: the figure, the hedge before or after it ("more than",
 * "around", "or more"), a range ("10 to 15"), vague amounts ("dozens") and the noun it counts. Years, dates,
 * times, ordinals, labels ("Article 5") and the pronoun "one" are not counts. Money carries its currency code
 * as the unit ("$5 million" → "usd"), percentages the unit "percent".
 *
 * @example extractNumbers("more than 1,400 people")[0]?.interval // { low: 1100, high: Infinity, lowOpen: true, highOpen: true }
 */
export function extractNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const g = m.groups ?? {};
    const matchEnd = CANDIDATE.lastIndex;
    let outcome: Outcome | undefined;
    if (g.vague !== undefined) {
      outcome = readVague(text, m.index, g.vague);
    } else {
      const figure = g.num !== undefined ? readNumeral(text, m.index, g.cur, g.num) : readWords(m.index, g.words ?? "");
      // Number words may match further than they parse ("two three-bedroom"): resume after what was read.
      outcome = figure ? readCount(text, figure) : { skipTo: g.words !== undefined ? m.index + 1 : matchEnd };
    }
    if (outcome === undefined) continue;
    if ("skipTo" in outcome) {
      CANDIDATE.lastIndex = g.words !== undefined ? outcome.skipTo : Math.max(matchEnd, outcome.skipTo);
      continue;
    }
    out.push(outcome);
    CANDIDATE.lastIndex = outcome.end;
  }
  return out;
}
