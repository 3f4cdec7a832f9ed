import type { Hedge, Interval } from "../../model/index.js";

/**
 * Half-width of the band read into "around", "about", "some", "roughly", "an estimated", "close to": ±10%.
 * Reporters round to one or two significant figures, so "around 1,200" covers 1,080–1,320: wide enough that
 * "around 1,200" and "1,150" agree, narrow enough that "around 1,200" and "1,500" do not.
 */
export const APPROXIMATE_SPREAD = 0.1;

/**
 * How far below the figure "nearly", "almost", "just under" reach: [0.9v, v). They say the true value falls
 * short of the figure, by about as much as a rounding.
 */
export const SHORTFALL_SPREAD = 0.1;

/** How far above the figure "just over", "slightly more than" reach: (v, 1.1v]. */
export const EXCESS_SPREAD = 0.1;

/** The shapes of interval a hedge can give a figure v. */
export type HedgeShape =
  | "above" // (v, ∞)
  | "from" // [v, ∞)
  | "below" // [0, v)
  | "to" // [0, v]
  | "around" // [v(1-s), v(1+s)]
  | "short" // [v(1-s), v)
  | "past" // (v, v(1+s)]
  | "between"; // [a, b], from a range

const SHAPES: Record<HedgeShape, string[]> = {
  above: ["more than", "over", "upwards of", "in excess of", "above", "greater than", "well over", "exceeding"],
  from: ["at least", "a minimum of", "minimum of", "no fewer than", "no less than", "not less than", "not fewer than"],
  below: ["fewer than", "less than", "under", "below"],
  to: [
    "no more than",
    "not more than",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "a maximum of",
    "maximum of",
    "no greater than",
  ],
  around: [
    "around",
    "about",
    "approximately",
    "approx.",
    "roughly",
    "some",
    "an estimated",
    "estimated",
    "close to",
    "circa",
    "in the region of",
    "on the order of",
  ],
  short: ["nearly", "almost", "just under", "just short of", "just below", "shy of"],
  past: ["just over", "just above", "slightly more than", "slightly over", "a little over", "a little more than"],
  between: ["between"],
};

const SHAPE_OF = new Map<string, HedgeShape>();
for (const [shape, phrases] of Object.entries(SHAPES) as [HedgeShape, string[]][]) {
  for (const p of phrases) SHAPE_OF.set(p, shape);
}

const toPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");

/** A hedge ending right before a number (anchored at the end of the text before it). */
export const HEDGE_BEFORE = new RegExp(
  String.raw`(?:^|[^\w])(?<hedge>${[...SHAPE_OF.keys()].map(toPattern).join("|")})\s+$`,
  "id",
);

/** How many characters before a number are searched for its hedge; the longest hedge is 20 characters. */
export const HEDGE_REACH = 32;

/** A hedge right after a number: "100 or more", "100 or so", "100+". */
export const HEDGE_AFTER = /\s+or\s+(?<or>more|so|fewer|less)\b|\s*(?<plus>\+)/iy;

const AFTER_SHAPES: Record<string, HedgeShape> = {
  more: "from",
  so: "around",
  fewer: "to",
  less: "to",
  "+": "from",
  plus: "from",
  odd: "around",
};

const WHITESPACE = /\s+/g;

export function shapeOfHedge(words: string): HedgeShape | undefined {
  return SHAPE_OF.get(words.toLowerCase().replace(WHITESPACE, " "));
}

export function shapeAfter(word: string): HedgeShape | undefined {
  return AFTER_SHAPES[word.toLowerCase()];
}

const HEDGE_TYPE: Record<HedgeShape, Hedge> = {
  above: "more-than",
  past: "more-than",
  from: "at-least",
  below: "less-than",
  to: "at-most",
  around: "approximate",
  short: "approximate",
  between: "approximate",
};

export function hedgeType(shape: HedgeShape): Hedge {
  return HEDGE_TYPE[shape];
}

/** Rounds away float noise (1100 × 0.9 = 990.0000000000001) so bounds read as the numbers they are. */
const clean = (x: number) => Number(x.toPrecision(12));

/** The interval a hedge gives the figure `v`; for "between", `v2` is the upper figure. */
export function intervalFor(shape: HedgeShape | undefined, v: number, v2 = v): Interval {
  switch (shape) {
    case undefined:
      return { low: v, high: v, lowOpen: false, highOpen: false };
    case "above":
      return { low: v, high: Number.POSITIVE_INFINITY, lowOpen: true, highOpen: true };
    case "from":
      return { low: v, high: Number.POSITIVE_INFINITY, lowOpen: false, highOpen: true };
    case "below":
      return { low: 0, high: v, lowOpen: false, highOpen: true };
    case "to":
      return { low: 0, high: v, lowOpen: false, highOpen: false };
    case "around":
      return {
        low: clean(v * (1 - APPROXIMATE_SPREAD)),
        high: clean(v * (1 + APPROXIMATE_SPREAD)),
        lowOpen: false,
        highOpen: false,
      };
    case "short":
      return { low: clean(v * (1 - SHORTFALL_SPREAD)), high: v, lowOpen: false, highOpen: true };
    case "past":
      return { low: v, high: clean(v * (1 + EXCESS_SPREAD)), lowOpen: true, highOpen: false };
    case "between":
      return { low: v, high: v2, lowOpen: false, highOpen: false };
  }
}

/** A vague amount ("dozens") read as a band, with a typical value to stand for it. */
export interface VagueAmount {
  low: number;
  high: number;
  highOpen: boolean;
  typical: number;
}

const plural = (unit: number, nextPluralStart: number): VagueAmount => ({
  low: 2 * unit,
  high: nextPluralStart,
  highOpen: true,
  typical: 3 * unit,
});

/**
 * Vague amounts. A plural of a unit ("hundreds") means at least two of that unit and less than where the next
 * bigger plural starts ("thousands" from 2,000), so the bands tile the number line without gaps and a writer
 * who says "thousands" for 15,000 is not contradicted. "dozens" and "scores" run up to "hundreds". The small
 * words are read from common usage: "a couple" 2–3, "a few" 2–6, "a handful" 2–9, "several" 3–9. The typical
 * value is three of the unit (small words: their most common reading).
 */
export const VAGUE_AMOUNTS: Readonly<Record<string, VagueAmount>> = {
  "a couple of": { low: 2, high: 3, highOpen: false, typical: 2 },
  "a few": { low: 2, high: 6, highOpen: false, typical: 3 },
  "a handful": { low: 2, high: 9, highOpen: false, typical: 5 },
  several: { low: 3, high: 9, highOpen: false, typical: 5 },
  dozens: plural(12, 200),
  scores: plural(20, 200),
  hundreds: plural(100, 2_000),
  thousands: plural(1_000, 20_000),
  "tens of thousands": plural(10_000, 200_000),
  "hundreds of thousands": plural(100_000, 2_000_000),
  millions: plural(1_000_000, 20_000_000),
  "tens of millions": plural(10_000_000, 200_000_000),
  "hundreds of millions": plural(100_000_000, 2_000_000_000),
  billions: plural(1_000_000_000, 20_000_000_000),
};
