import { describe, expect, it } from "vitest";
import { extractDates } from "../dates/index.js";
import { extractNumbers } from "./index.js";

/** Pieces that make number and date readers work hard when strung together at random. */
const PIECES = [
  "more than",
  "around",
  "at least",
  "up to",
  "between",
  "and",
  "or",
  "to",
  "-",
  "–",
  "of the",
  "one",
  "two",
  "twenty-five",
  "a dozen",
  "dozens of",
  "several",
  "hundreds",
  "1,100",
  "50,000",
  "2020",
  "1999",
  "12",
  "3.5",
  "$",
  "£4bn",
  "%",
  "per cent",
  "people",
  "soldiers",
  "taken",
  "hostage",
  "killed",
  "May",
  "March",
  "October",
  "7",
  "Monday",
  "last",
  "next",
  "month",
  "year",
  "ago",
  "the past",
  "11:24",
  "GMT",
  ",",
  ".",
  "(",
  ")",
  "+",
  "U.S.",
  "Article",
  "F-16",
  "mid-",
  "early",
  "in",
  "since",
  "the",
  "Sunday",
  "Times",
  "18th",
  "first",
  "\n",
];

/** A small deterministic generator, so failures reproduce. */
function* sentences(count: number, seed: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const length = 3 + Math.floor(next() * 25);
    for (let j = 0; j < length; j++) {
      parts.push(PIECES[Math.floor(next() * PIECES.length)] ?? "");
      parts.push(next() < 0.15 ? "" : " ");
    }
    yield parts.join("");
  }
}

describe("span invariants on random text", () => {
  it("numbers: spans inside the text, equal to their text, in order, intervals ordered", () => {
    for (const text of sentences(3000, 7)) {
      let reach = 0;
      for (const m of extractNumbers(text)) {
        expect(text.slice(m.start, m.end), text).toBe(m.text);
        expect(m.start, text).toBeGreaterThanOrEqual(reach);
        expect(m.end, text).toBeGreaterThan(m.start);
        expect(m.interval.low, text).toBeLessThanOrEqual(m.interval.high);
        expect(Number.isNaN(m.value), text).toBe(false);
        reach = m.end;
      }
    }
  });

  it("dates: spans inside the text, equal to their text, in order, dates well-formed", () => {
    for (const text of sentences(3000, 11)) {
      let reach = 0;
      for (const d of extractDates(text, "2025-04-09")) {
        expect(text.slice(d.start, d.end), text).toBe(d.text);
        expect(d.start, text).toBeGreaterThanOrEqual(reach);
        if (d.date !== undefined)
          expect(d.date, text).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?)?)?$/);
        reach = d.end;
      }
    }
  });
});
