import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey } from "./name-key.js";

/** The key as the definition says: accents, case, spaces and punctuation removed. */
const byDefinition = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

describe("nameKey", () => {
  it.each([
    ["U.S.", "us"],
    ["People 's Republic", "peoplesrepublic"],
    ["São Paulo", "saopaulo"],
    ["Bogotá", "bogota"],
    ["Route 66", "route66"],
    ["Kestrel Bay", "kestrelbay"],
    ["-St. Orrin's-", "storrins"],
    ["velmar", "velmar"],
    ["ÖRESUND", "oresund"],
    ["Ελλάδα", "ελλαδα"],
  ])("%s -> %s", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it.each([
    ["Mexico", "Mexico City"],
    ["Smith", "Smyth"],
    ["A1", "A 2"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it("gives the key of the definition for ASCII and for any text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary-ascii" }), (s) => nameKey(s) === byDefinition(s)));
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => nameKey(s) === byDefinition(s)));
  });
});
