import { describe, expect, it } from "vitest";
import { annotated } from "../../test/fixtures.js";
import { joinOrganisationPlaces } from "./collocations.js";

const names = (a: ReturnType<typeof joinOrganisationPlaces>) =>
  a.map((x) => x.mentions.map((m) => `${m.text}/${m.type}`));

describe("joinOrganisationPlaces", () => {
  it("joins an organisation and a place into one name where the story repeats the phrase", () => {
    const story = [
      annotated("a", "Fighters of the National Front in Chad withdrew.", [
        ["National Front", "organization"],
        ["Chad", "place"],
      ]),
      annotated("b", "The National Front in Chad denied it; Velmar in Chad said nothing.", [
        ["National Front", "organization"],
        ["Chad", "place"],
        ["Velmar", "organization"],
        ["Chad", "place"],
      ]),
      annotated("c", "Velmar in Chad hired staff, and the Bank of Wales lent money.", [
        ["Velmar", "organization"],
        ["Chad", "place"],
        ["Bank", "organization"],
        ["Wales", "place"],
      ]),
    ];
    expect(names(joinOrganisationPlaces(story))).toEqual([
      ["National Front in Chad/organization"],
      ["National Front in Chad/organization", "Velmar/organization", "Chad/place"],
      ["Velmar/organization", "Chad/place", "Bank of Wales/organization"],
    ]);
  });

  it.each([
    [
      "said once",
      "The National Front in Chad withdrew.",
      [
        ["National Front", "organization"],
        ["Chad", "place"],
      ],
    ],
    [
      "a possessive organisation",
      "Velmar's office in Chad closed.",
      [
        ["Velmar's", "organization"],
        ["Chad", "place"],
      ],
    ],
    [
      "a place that goes on",
      "The National Front of Chad-based exiles met.",
      [
        ["National Front", "organization"],
        ["Chad", "place"],
      ],
    ],
  ] as const)("leaves apart %s", (_, text, mentions) => {
    const story = [
      annotated(
        "a",
        text,
        mentions.map(([s, t]) => [s, t]),
      ),
    ];
    expect(names(joinOrganisationPlaces(story))[0]).toEqual(mentions.map(([s, t]) => `${s}/${t}`));
  });
});
