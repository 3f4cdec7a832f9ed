import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffWords } from "./word-diff.js";

const render = (base: string, other: string) =>
  diffWords(base, other)
    .map((r) => (r.op === "equal" ? r.text : r.op === "insert" ? `{+${r.text.trim()}}` : `{-${r.text.trim()}}`))
    .join("");

describe("diffWords", () => {
  it.each([
    ["the same words", "the same words", "the same words"],
    ["no one should expect", "nobody should expect", "{-no one}{+nobody} should expect"],
    ["it is not yet out", "it is not out yet", "it is not{-yet} out{+yet}"],
    ["stay calm, and wait", "stay calm and wait", "stay calm{-,} and wait"],
    ["we will return", "we will return tomorrow", "we will return{+tomorrow}"],
    ["we will return to work soon", "we will return", "we will return{-to work soon}"],
  ])("%j → %j", (base, other, expected) => {
    expect(render(base, other)).toBe(expected);
  });

  it.each([
    // What must not count as a change: typography and spacing.
    ["the union’s offer", "the union's offer"],
    ["“yes”", '"yes"'],
    ["a  two-day\nstrike", "a two-day strike"],
  ])("treats %j and %j as the same words", (base, other) => {
    expect(diffWords(base, other).every((r) => r.op === "equal")).toBe(true);
  });

  it.each([
    // What must count as a change: case, and a hyphenated word against two words.
    ["The port", "the port"],
    ["a two-day strike", "a two day strike"],
  ])("marks %j against %j as changed", (base, other) => {
    expect(diffWords(base, other).some((r) => r.op !== "equal")).toBe(true);
  });

  it("handles empty texts", () => {
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "new words")).toEqual([{ op: "insert", text: "new words" }]);
    expect(diffWords("old words", "")).toEqual([{ op: "delete", text: "old words" }]);
  });

  const words = fc.array(fc.constantFrom("a", "b", "c", "d", ",", "e"), { maxLength: 12 }).map((w) => w.join(" "));
  const tokens = (s: string) => s.split(/\s+/).filter(Boolean);

  it("keeps every word of both texts in order, and shares a longest common subsequence", () => {
    fc.assert(
      fc.property(words, words, (base, other) => {
        const runs = diffWords(base, other);
        const of = (ops: string[]) => runs.filter((r) => ops.includes(r.op)).flatMap((r) => tokens(r.text));
        expect(of(["equal", "insert"])).toEqual(tokens(other));
        expect(of(["equal", "delete"])).toEqual(tokens(base));
        expect(of(["equal"]).length).toBe(lcsLength(tokens(base), tokens(other)));
        for (let i = 1; i < runs.length; i++) expect(runs[i]?.op).not.toBe(runs[i - 1]?.op);
      }),
    );
  });
});

function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] ?? 0;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1] ?? 0);
      diagonal = up;
    }
  }
  return row[b.length] ?? 0;
}
