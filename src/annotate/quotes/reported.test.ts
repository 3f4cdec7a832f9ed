import { describe, expect, it } from "vitest";
import { detectMentions } from "../mentions/index.js";
import { tokenize } from "../tokens/index.js";
import { extractReportedSpeech } from "./reported.js";

function speech(text: string) {
  const { tokens, sentences } = tokenize(text);
  const mentions = detectMentions({ text, tokens, sentences });
  return extractReportedSpeech({ text, tokens, sentences, mentions }).map((s) => ({
    said: s.text,
    attribution: s.attribution,
    speaker: s.speaker?.phrase?.text ?? s.speaker?.text,
  }));
}

describe("extractReportedSpeech", () => {
  it.each([
    [
      "a clause after its attribution",
      "Ana Ruiz said the quay would reopen in May.",
      { said: "the quay would reopen in May", attribution: "Ana Ruiz said", speaker: "Ana Ruiz" },
    ],
    [
      "after a 'that' a few words on",
      "The harbour board warned on Monday that the ferry would not sail before June.",
      { said: "the ferry would not sail before June", attribution: "The harbour board warned" },
    ],
    [
      "a clause before its attribution and a comma",
      "The pier moved by several centimetres in the storm, the board's chief engineer said.",
      { said: "The pier moved by several centimetres in the storm" },
    ],
    [
      "after the verb and the speaker's appositive",
      "Two cranes were damaged, said Tomas Berg, a spokesman for the port.",
      { said: "Two cranes were damaged", speaker: "Tomas Berg, a spokesman for the port" },
    ],
    [
      "'according to' before what was said, its name kept apart from it",
      "According to Okafor, the union will put any offer to a vote.",
      { said: "the union will put any offer to a vote", speaker: "Okafor" },
    ],
    [
      "'told' with its hearer in the attribution",
      "Ana Ruiz told the Kestrel Post that divers had found cracks in the second pier.",
      { said: "divers had found cracks in the second pier", attribution: "Ana Ruiz told the Kestrel Post" },
    ],
  ])("reads %s", (_, text, expected) => {
    const [first, ...rest] = speech(text);
    expect(rest).toEqual([]);
    expect(first).toMatchObject(expected);
  });

  it("never takes a pronoun's antecedent from inside a quotation", () => {
    const text =
      '"The fire is contained," said a spokesman for the port. He added that forty ships were waiting at anchor.';
    const { tokens, sentences } = tokenize(text);
    const mentions = detectMentions({ text, tokens, sentences });
    const [statement] = extractReportedSpeech({ text, tokens, sentences, mentions });
    expect(statement?.text).toBe("forty ships were waiting at anchor");
    expect(statement?.speaker?.text).toBe("He");
    expect(statement?.speaker?.antecedent?.text).not.toBe("The fire");
  });

  // Negative rows: what no one is reported saying.
  it.each([
    ["a speech verb with no clause after it", "Ana Ruiz said on Monday in Portavel."],
    ["too few words said", "Okafor said it was fine."],
    ["a speech verb's noun", "Battleground state Velmar is nearly a third rural land."],
    ["the writer's own words", "I write this because the port deserves better than it got."],
    ["a clause the attribution is the subject of", "Everything Ana Ruiz says is checked by the port's lawyers."],
    ["a conjunction after the verb", "Ana Ruiz said when she resigned from the board in 2019 that it was time."],
    ["a sentence with a quotation, left to extractQuotes", 'Ana Ruiz said the port "will reopen in May, not before".'],
    ["narration without a speech verb", "The ferry sailed from Kestrel Bay at noon with forty passengers."],
  ])("reads nothing in %s", (_, text) => {
    expect(speech(text)).toEqual([]);
  });
});
