import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { MentionInput } from "../annotate/mentions/index.js";
import type { EntityType, Mention } from "../model/index.js";
import { TriangulateError } from "../model/index.js";
import { evaluateConll } from "./ner.js";

const SAMPLE = `-DOCSTART- -X- -X- O

Anna NNP B-NP B-PER
Berg NNP I-NP I-PER
visited VBD B-VP O
Oslo NNP B-NP B-LOC
. . O O

Tarvo NNP B-NP B-ORG
Bank NNP I-NP I-ORG
rose VBD B-VP O
in IN B-PP O
Norway NNP B-NP B-LOC
with IN B-PP O
Nordic JJ B-NP B-MISC
help NN I-NP O
. . O O

-DOCSTART- -X- -X- O

Kari NNP B-NP B-PER
left VBD B-VP O
. . O O
`;

/** A fake detector that names fixed strings, so the expected scores can be worked out by hand. */
function fixed(names: [string, EntityType][], seen: MentionInput[] = []) {
  return (input: MentionInput): Mention[] => {
    seen.push(input);
    const out: Mention[] = [];
    for (const [name, type] of names) {
      const start = input.text.indexOf(name);
      if (start >= 0) out.push({ start, end: start + name.length, text: name, type });
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

describe("evaluateConll", () => {
  it("scores exact span and type matches like conlleval, ignoring MISC on both sides", () => {
    const detect = fixed([
      ["Anna Berg", "person"],
      ["Oslo", "organization"],
      ["Tarvo", "organization"],
      ["Norway", "place"],
      ["Nordic", "other"],
    ]);
    const { scores } = evaluateConll(SAMPLE, { detect });
    // Gold: PER Anna Berg, Kari; LOC Oslo, Norway; ORG Tarvo Bank. Right: Anna Berg, Norway.
    expect(scores.micro).toMatchObject({ gold: 5, predicted: 4, correct: 2 });
    expect(scores.micro.precision).toBeCloseTo(0.5);
    expect(scores.micro.recall).toBeCloseTo(0.4);
    expect(scores.micro.f1).toBeCloseTo(4 / 9);
    expect(scores.PER).toMatchObject({ gold: 2, predicted: 1, correct: 1, precision: 1, recall: 0.5 });
    expect(scores.ORG).toMatchObject({ gold: 1, predicted: 2, correct: 0, precision: 0, recall: 0, f1: 0 });
    expect(scores.LOC.f1).toBeCloseTo(2 / 3);
  });

  it("hands the detector one document at a time with exact offsets", () => {
    const seen: MentionInput[] = [];
    evaluateConll(SAMPLE, { detect: fixed([], seen) });
    expect(seen).toHaveLength(2);
    const first = seen[0] as MentionInput;
    expect(first.text).toBe("Anna Berg visited Oslo .\nTarvo Bank rose in Norway with Nordic help .");
    expect(first.sentences).toHaveLength(2);
    for (const t of first.tokens) expect(first.text.slice(t.start, t.end)).toBe(t.text);
    const second = first.sentences[1];
    expect(second && first.text.slice(second.start, second.end)).toBe("Tarvo Bank rose in Norway with Nordic help .");
    expect(seen[1]?.text).toBe("Kari left .");
  });

  it("writes token, gold and predicted tags, a blank line after each sentence", () => {
    const { predicted } = evaluateConll(SAMPLE, { detect: fixed([["Tarvo Bank", "organization"]]) });
    const lines = predicted.split("\n");
    expect(lines).toContain("Tarvo B-ORG B-ORG");
    expect(lines).toContain("Bank I-ORG I-ORG");
    expect(lines).toContain("Anna B-PER O");
    expect(lines.filter((l) => l.startsWith("-DOCSTART-"))).toHaveLength(2);
    expect(lines[lines.indexOf(". O O") + 1]).toBe("");
    expect(lines[lines.indexOf("Kari B-PER O") - 1]).toBe("");
  });

  it("reads IOB1 tags, where an entity may start with I-", () => {
    const iob1 = "Ola I-PER\nNordmann I-PER\nmet O\nKari I-PER\n. O\n";
    const { scores } = evaluateConll(iob1, {
      detect: fixed([
        ["Ola Nordmann", "person"],
        ["Kari", "person"],
      ]),
    });
    expect(scores.PER).toMatchObject({ gold: 2, predicted: 2, correct: 2, f1: 1 });
  });

  it("scores the real detector on plain sentences", () => {
    const text = [
      "President NNP O",
      "Omar NNP B-PER",
      "Haddad NNP I-PER",
      "visited VBD O",
      "Amman NNP B-LOC",
      "on IN O",
      "Monday NNP O",
      ". . O",
      "",
      "The DT O",
      "Ministry NNP B-ORG",
      "of IN I-ORG",
      "Defence NNP I-ORG",
      "said VBD O",
      "nothing NN O",
      ". . O",
    ].join("\n");
    const { scores } = evaluateConll(text);
    expect(scores.micro).toMatchObject({ gold: 3, predicted: 3, correct: 3, f1: 1 });
  });

  it("rejects a line without a tag", () => {
    expect(() => evaluateConll("Anna NNP B-NP WRONG\n")).toThrow(TriangulateError);
  });
});

const DEV = "/work/shared/data/ner/conllpp/conllpp_dev.txt";
/** Micro F1 (PER, ORG, LOC) reached on CoNLL-2003 dev, less 0.01 so that only a real regression fails. */
const DEV_MICRO_F1_FLOOR = 0.864;

describe.skipIf(!existsSync(DEV))(`evaluateConll on CoNLL-2003 dev (skipped when ${DEV} is absent)`, () => {
  it(`keeps micro F1 at or above ${DEV_MICRO_F1_FLOOR}`, () => {
    const { scores } = evaluateConll(readFileSync(DEV, "utf8"));
    expect(scores.micro.gold).toBe(5020);
    expect(scores.micro.f1).toBeGreaterThanOrEqual(DEV_MICRO_F1_FLOOR);
  });
});
