import { describe, expect, it } from "vitest";
import type { StorySummary } from "../store/types.js";
import { renderStoryList } from "./stories.js";

function summary(over: Partial<StorySummary>): StorySummary {
  return {
    id: 7,
    title: "Ferry service resumes on the Vell estuary",
    articleCount: 4,
    copyCount: 0,
    outletCount: 1,
    articlesWithoutOutlet: 0,
    outlets: ["Lowland Courier"],
    version: 4,
    reportVersion: 4,
    createdAt: "2026-03-10T08:00:00.000Z",
    updatedAt: "2026-03-10T08:00:00.000Z",
    disputedFacts: 0,
    discrepancies: 0,
    ...over,
  };
}

describe("renderStoryList", () => {
  it.each([
    [
      "one outlet and three unnamed articles",
      { articlesWithoutOutlet: 3 },
      "4 articles, 1 outlet (Lowland Courier), 3 articles without one;",
    ],
    [
      "one unnamed article",
      { articlesWithoutOutlet: 1 },
      "4 articles, 1 outlet (Lowland Courier), 1 article without one;",
    ],
    [
      "no outlet named at all",
      { outletCount: 0, outlets: [], articlesWithoutOutlet: 4 },
      "4 articles, no outlet named;",
    ],
    [
      "every article named (no count of unnamed ones)",
      { outletCount: 2, outlets: ["Lowland Courier", "Tidewater Post"] },
      "4 articles, 2 outlets (Lowland Courier, Tidewater Post);",
    ],
  ])("says how many outlets and how many articles name none: %s", (_, over, line) => {
    const out = renderStoryList([summary(over)]);
    expect(out.split("\n")[1]?.trim()).toMatch(new RegExp(`^${line.replace(/[()]/g, "\\$&")}`));
  });

  it("never says one outlet for a story whose other articles name none", () => {
    const out = renderStoryList([summary({ articlesWithoutOutlet: 3 })]);
    expect(out).not.toMatch(/1 outlet \(Lowland Courier\);/);
  });
});
