import { describe, expect, it } from "vitest";
import { searchTerms } from "./search-terms.js";

describe("searchTerms", () => {
  it.each([
    ["dock fire", ["dock", "fire"]],
    ['"fire crews" dock', ["fire crews", "dock"]],
    ["Dock DOCK dock", ["dock"]],
    ["O'Brien", ["o brien"]],
    ["Ostrelo’s quay", ["ostrelo s", "quay"]],
    ["café 2026", ["café", "2026"]],
    ["title:fire OR NEAR(a b)", ["title", "fire", "or", "near", "a", "b"]],
    ["fire*", ["fire"]],
  ])("%s -> %j", (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });

  it.each([[""], ["   "], ['" "'], ["* ( ) : ^ -"], ['"']])("finds no term in %j", (query) => {
    expect(searchTerms(query)).toEqual([]);
  });

  it("stops at a bounded number of terms", () => {
    const query = Array.from({ length: 100 }, (_, i) => `w${i}`).join(" ");
    expect(searchTerms(query)).toHaveLength(32);
  });
});
