import { describe, expect, it } from "vitest";
import { locateText } from "./locate.js";

const TEXT = "Rain fell.  The mayor said the “dam is safe” — for now.\nShe’d checked it twice. 🌧 The dam held.";

describe("locateText", () => {
  it.each([
    ["exact words", "The mayor said", "The mayor said"],
    ["straight quotes for curly ones", 'the "dam is safe"', "the “dam is safe”"],
    ["a hyphen for a dash", "safe” - for now", "safe” — for now"],
    ["other case and spacing", "rain fell. the mayor", "Rain fell.  The mayor"],
    ["an apostrophe variant", "She'd checked", "She’d checked"],
    ["words after an astral character", "The dam held.", "The dam held."],
    ["a line break as a space", "for now. She’d", "for now.\nShe’d"],
    ["a trailing ellipsis", "checked it twice…", "checked it twice"],
  ])("finds %s", (_, needle, found) => {
    const at = locateText(TEXT, needle);
    expect(at && TEXT.slice(at.start, at.end)).toBe(found);
  });

  it.each([
    ["words that are not there", "the dam broke"],
    ["an empty string", ""],
    ["only spaces", "   "],
    ["a word split differently", "Rainfell"],
  ])("does not find %s", (_, needle) => {
    expect(locateText(TEXT, needle)).toBeUndefined();
  });
});
