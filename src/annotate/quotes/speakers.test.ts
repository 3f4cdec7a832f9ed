import { describe, expect, it } from "vitest";
import { detectMentions } from "../mentions/index.js";
import { tokenize } from "../tokens/index.js";
import { extractQuotes } from "./index.js";
import { extractReportedSpeech } from "./reported.js";

function input(text: string) {
  const { tokens, sentences } = tokenize(text);
  return { text, tokens, sentences, mentions: detectMentions({ text, tokens, sentences }) };
}
const speakers = (text: string) => extractQuotes(input(text)).map((q) => q.speaker?.text);
const reported = (text: string) =>
  extractReportedSpeech(input(text)).map((s) => ({ said: s.text, speaker: s.speaker?.text }));

describe("speaker phrases", () => {
  it("takes the noun a participle follows as the speaker, not the participle's object", () => {
    expect(speakers("“We will appeal,” a lawyer representing the family said.")).toEqual([
      "a lawyer representing the family",
    ]);
    expect(speakers("“We will appeal,” a lawyer representing Ana Ruiz said.")).toEqual([
      "a lawyer representing Ana Ruiz",
    ]);
    expect(speakers("“It spread fast,” officers investigating the fire said.")).toEqual([
      "officers investigating the fire",
    ]);
  });

  it("reads no participle after a conjunction, and no speech verb, as such a link (negative rows)", () => {
    expect(speakers("“We are ready,” before boarding the captain said.")).toEqual(["the captain"]);
    expect(speakers("“Never,” the mayor said, saying the port would stay open.")).toEqual(["the mayor"]);
  });

  it("reads a noun-like speech word after 'a' and one word as a noun, not a verb", () => {
    expect(speakers("The “hidden costs” came up in a police report filed on Monday.")).toEqual([]);
    expect(speakers("He made the “final offer” in a phone call to the union.")).toEqual([]);
  });

  it("keeps a plain verb of saying after a share as a verb (negative row)", () => {
    expect(reported("Of the dockers asked, a third say the strike should go on until May.")).toEqual([
      { said: "the strike should go on until May", speaker: "a third" },
    ]);
  });

  it("keeps the author named with 'by' inside an 'according to' phrase", () => {
    expect(reported("According to a new report by the Velmar Post, the port will close in June.")).toEqual([
      { said: "the port will close in June", speaker: "a new report by the Velmar Post" },
    ]);
    expect(reported("According to figures published by the ministry, exports rose by a fifth last year.")).toEqual([
      { said: "exports rose by a fifth last year", speaker: "figures published by the ministry" },
    ]);
    expect(reported("According to figures reported by the ministry, exports rose by a fifth last year.")).toEqual([
      { said: "exports rose by a fifth last year", speaker: "figures reported by the ministry" },
    ]);
  });

  it("reads 'by' outside an 'according to' phrase as no author (negative rows)", () => {
    expect(speakers("The senator was “shouted down” by protesters, he said.")).not.toContain("down by protesters");
    expect(speakers("“No,” said a spokesman by the gate.")).toEqual(["a spokesman"]);
    expect(speakers("“No,” said a guard by Kestrel Gate.")).toEqual(["a guard"]);
  });
});
