import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { detectMentions } from "./index.js";
import { conjoinedNameParts, possessiveCommonNames } from "./name-joins.js";

const lexicon = defaultLexicon();
const shown = (mentions: Mention[]) => mentions.map((m) => `${m.text}/${m.type}`);

describe("possessiveCommonNames", () => {
  const run = (text: string, given: [string, Mention["type"]][]) =>
    shown(possessiveCommonNames(mentionsIn(text, given), text, lexicon));

  it("joins a common noun in the possessive to the name after it that holds a head word", () => {
    expect(run("The People's Bank of Velmar cut rates.", [["Bank of Velmar", "organization"]])).toEqual([
      "People's Bank of Velmar/organization",
    ]);
    expect(run("the Workers' Party of Velmar said.", [["Party of Velmar", "organization"]])).toEqual([
      "Workers' Party of Velmar/organization",
    ]);
  });

  it("takes in the name the possessive word ends, whatever type the tagger gave it", () => {
    expect(
      run("Officials at the Donmar People's Republic said.", [
        ["Donmar People", "organization"],
        ["Republic", "place"],
      ]),
    ).toEqual(["Donmar People's Republic/place"]);
    expect(
      run("Velmar Women's Super League clubs met.", [
        ["Velmar Women", "person"],
        ["Super League", "organization"],
      ]),
    ).toEqual(["Velmar Women's Super League/organization"]);
  });

  it("leaves names, places and people that own a name, and names without a head (negative rows)", () => {
    const rows: [string, [string, Mention["type"]][]][] = [
      ["Officials' Velmar trip ended.", [["Velmar", "place"]]],
      ["Women's Ana Ruiz won the final.", [["Ana Ruiz", "person"]]],
      ["Tarsin's Velmar Bank grew.", [["Velmar Bank", "organization"]]],
      ["Sunday's Velmar Cup final.", [["Velmar Cup", "other"]]],
      [
        "Velmar's Kestrel Hospital opened.",
        [
          ["Velmar", "place"],
          ["Kestrel Hospital", "organization"],
        ],
      ],
      ["Police's Velmar Union said.", [["Velmar Union", "organization"]]],
      ["The Farmers' Tomas Hill said.", [["Tomas Hill", "person"]]],
      [
        "It holds the Velmar Employees' Retirement System and Portavel Insurance Group.",
        [
          ["Velmar Employees", "organization"],
          ["Retirement System and Portavel Insurance Group", "organization"],
        ],
      ],
    ];
    for (const [text, given] of rows) expect(run(text, given)).toEqual(given.map(([n, t]) => `${n}/${t}`));
  });
});

describe("conjoinedNameParts", () => {
  const run = (text: string, given: [string, Mention["type"]][]) =>
    shown(conjoinedNameParts(mentionsIn(text, given), text, lexicon));

  it("joins parts of common words after 'and' or 'for' to the organisation before them", () => {
    expect(
      run("The Kestrel Alliance for Research and Technology said.", [
        ["Kestrel Alliance for Research", "organization"],
        ["Technology", "organization"],
      ]),
    ).toEqual(["Kestrel Alliance for Research and Technology/organization"]);
    expect(
      run("The Association of Women for Action and Research welcomed it.", [
        ["Association of Women", "organization"],
        ["Action", "organization"],
        ["Research", "organization"],
      ]),
    ).toEqual(["Association of Women for Action and Research/organization"]);
  });

  it("takes in the common words after the organisation from the text, where the tagger dropped or mistyped them", () => {
    expect(
      run("The Velmar Ministry of Trade and Industry said.", [["Velmar Ministry of Trade", "organization"]]),
    ).toEqual(["Velmar Ministry of Trade and Industry/organization"]);
    expect(
      run("The Velmar Ministry of Trade and Industry said.", [
        ["Velmar Ministry of Trade", "organization"],
        ["Industry", "person"],
      ]),
    ).toEqual(["Velmar Ministry of Trade and Industry/organization"]);
  });

  it("joins common words before 'and' to an organisation of common and head words after it", () => {
    expect(
      run("Filings with the Securities and Exchange Commission rose.", [
        ["Securities", "organization"],
        ["Exchange Commission", "organization"],
      ]),
    ).toEqual(["Securities and Exchange Commission/organization"]);
  });

  it("leaves bodies named alone, other names, people and one-word organisations apart (negative rows)", () => {
    const rows: [string, [string, Mention["type"]][]][] = [
      [
        "The Velmar Port Authority and Police closed the road.",
        [
          ["Velmar Port Authority", "organization"],
          ["Police", "organization"],
        ],
      ],
      [
        "Velmar Bank and Portavel Trust merged.",
        [
          ["Velmar Bank", "organization"],
          ["Portavel Trust", "organization"],
        ],
      ],
      [
        "Velmar Bank and Tarsin agreed.",
        [
          ["Velmar Bank", "organization"],
          ["Tarsin", "organization"],
        ],
      ],
      [
        "He works at Velmar Bank for Ana Ruiz.",
        [
          ["Velmar Bank", "organization"],
          ["Ana Ruiz", "person"],
        ],
      ],
      [
        "Velmar Bank for Rain Field.",
        [
          ["Velmar Bank", "organization"],
          ["Rain Field", "person"],
        ],
      ],
      [
        "The Velmar Chamber of Commerce and Trust Fund officials met.",
        [
          ["Velmar Chamber of Commerce", "organization"],
          ["Trust Fund", "organization"],
        ],
      ],
      [
        "In Velmar, the Otters and Owls split a doubleheader.",
        [
          ["Otters", "organization"],
          ["Owls", "organization"],
        ],
      ],
      [
        "Officials and Port Authority staff met.",
        [
          ["Officials", "organization"],
          ["Port Authority", "organization"],
        ],
      ],
      [
        "Filings with the Securities and Velmar Exchange rose.",
        [
          ["Securities", "organization"],
          ["Velmar Exchange", "organization"],
        ],
      ],
      [
        "Velmar and Research officials met.",
        [
          ["Velmar", "organization"],
          ["Research", "organization"],
        ],
      ],
      [
        "The Velmar Bank, and Research said.",
        [
          ["Velmar Bank", "organization"],
          ["Research", "organization"],
        ],
      ],
    ];
    for (const [text, given] of rows) expect(run(text, given)).toEqual(given.map(([n, t]) => `${n}/${t}`));
  });
});

describe("names with possessives and conjunctions inside, through the tagger", () => {
  it("reads each as one name", () => {
    const text =
      "The People's Bank of Velmar cut its rate, and the Kestrel Alliance for Research and Technology welcomed it.";
    const { tokens, sentences } = tokenize(text);
    const names = detectMentions({ text, tokens, sentences }, lexicon).map((m) => text.slice(m.start, m.end));
    expect(names).toEqual(["People's Bank of Velmar", "Kestrel Alliance for Research and Technology"]);
  });
});
