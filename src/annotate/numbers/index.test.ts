import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Hedge, NumberMention } from "../../model/index.js";
import { parseNumberWords } from "../../words/numbers.js";
import { APPROXIMATE_SPREAD, extractNumbers, unitKey, VAGUE_AMOUNTS } from "./index.js";

const INF = Number.POSITIVE_INFINITY;

/** The one mention in `text`, failing when there is not exactly one. */
function only(text: string): NumberMention {
  const found = extractNumbers(text);
  expect(found.map((m) => m.text)).toHaveLength(1);
  return found[0] as NumberMention;
}

describe("extractNumbers: counts, hedges and units", () => {
  const rows: [string, string, number, Hedge, string | undefined, [number, number, boolean, boolean]][] = [
    // sentence, mention text, value, hedge, unit, [low, high, lowOpen, highOpen]
    [
      "Officials said more than 1,400 people died.",
      "more than 1,400 people",
      1400,
      "more-than",
      "people",
      [1400, INF, true, true],
    ],
    ["The clinic treated 42 patients on the day.", "42 patients", 42, "exact", "patients", [42, 42, false, false]],
    [
      "The fire left at least 115 families homeless.",
      "at least 115 families",
      115,
      "at-least",
      "families",
      [115, INF, false, true],
    ],
    ["The lake holds up to 30 boats in summer.", "up to 30 boats", 30, "at-most", "boats", [0, 30, false, false]],
    ["As many as 30 ferries were cancelled.", "As many as 30 ferries", 30, "at-most", "ferries", [0, 30, false, false]],
    ["Fewer than 40 delegates voted.", "Fewer than 40 delegates", 40, "less-than", "delegates", [0, 40, false, true]],
    [
      "The hall seats no more than 80 guests.",
      "no more than 80 guests",
      80,
      "at-most",
      "guests",
      [0, 80, false, false],
    ],
    [
      "Rescuers pulled nearly 2,000 sheep from the flood.",
      "nearly 2,000 sheep",
      2000,
      "approximate",
      "sheep",
      [1800, 2000, false, true],
    ],
    [
      "An estimated 30,000 runners took part.",
      "An estimated 30,000 runners",
      30000,
      "approximate",
      "runners",
      [27000, 33000, false, false],
    ],
    [
      "Some 400 volunteers cleared the beach.",
      "Some 400 volunteers",
      400,
      "approximate",
      "volunteers",
      [360, 440, false, false],
    ],
    [
      "The museum lent roughly 70 paintings.",
      "roughly 70 paintings",
      70,
      "approximate",
      "paintings",
      [63, 77, false, false],
    ],
    [
      "Just over 500 ballots were spoiled.",
      "Just over 500 ballots",
      500,
      "more-than",
      "ballots",
      [500, 550, true, false],
    ],
    ["The club has 500 or more members.", "500 or more members", 500, "at-least", "members", [500, INF, false, true]],
    ["The club has 500 members or more.", "500 members or more", 500, "at-least", "members", [500, INF, false, true]],
    ["They sold 100-odd tickets.", "100-odd tickets", 100, "approximate", "tickets", [90, 110, false, false]],
    ["A 20-minute delay followed.", "20-minute", 20, "exact", "minute", [20, 20, false, false]],
    ["Three senior engineers resigned.", "Three senior engineers", 3, "exact", "engineers", [3, 3, false, false]],
    [
      "It lost four heavily armed patrol boats.",
      "four heavily armed patrol boats",
      4,
      "exact",
      "boats",
      [4, 4, false, false],
    ],
    ["Ten U.N. inspectors arrived.", "Ten U.N. inspectors", 10, "exact", "inspectors", [10, 10, false, false]],
    ["Police detained five US citizens.", "five US citizens", 5, "exact", "citizens", [5, 5, false, false]],
    ["Storms damaged 12 coastal towns and villages.", "12 coastal towns", 12, "exact", "towns", [12, 12, false, false]],
    [
      "About 80 taken hostage were freed.",
      "About 80 taken hostage",
      80,
      "approximate",
      "hostages",
      [72, 88, false, false],
    ],
    ["Three of the climbers were rescued.", "Three of the climbers", 3, "exact", "climbers", [3, 3, false, false]],
    [
      "Two of the country's largest banks merged.",
      "Two of the country's largest banks",
      2,
      "exact",
      "banks",
      [2, 2, false, false],
    ],
    ["The fund raised $32.95 per share.", "$32.95", 32.95, "exact", "usd", [32.95, 32.95, false, false]],
    [
      "The bridge cost $1.5 million to repair.",
      "$1.5 million",
      1_500_000,
      "exact",
      "usd",
      [1_500_000, 1_500_000, false, false],
    ],
    ["Exports fell by £2bn last quarter.", "£2bn", 2e9, "exact", "gbp", [2e9, 2e9, false, false]],
    ["Turnout reached 64% in the north.", "64%", 64, "exact", "percent", [64, 64, false, false]],
    ["Prices rose 3.5 per cent in May.", "3.5 per cent", 3.5, "exact", "percent", [3.5, 3.5, false, false]],
    [
      "More than 40 percent of voters stayed home.",
      "More than 40 percent",
      40,
      "more-than",
      "percent",
      [40, INF, true, true],
    ],
    ["The race drew 10k runners.", "10k runners", 10_000, "exact", "runners", [10_000, 10_000, false, false]],
    ["The trail is 12km long.", "12km", 12, "exact", "km", [12, 12, false, false]],
    ["The bakery sold a dozen loaves.", "a dozen loaves", 12, "exact", "loaves", [12, 12, false, false]],
    ["Two dozen pilgrims waited.", "Two dozen pilgrims", 24, "exact", "pilgrims", [24, 24, false, false]],
    ["She bought half a dozen eggs.", "half a dozen eggs", 6, "exact", "eggs", [6, 6, false, false]],
    ["A hundred horses ran free.", "A hundred horses", 100, "exact", "horses", [100, 100, false, false]],
    [
      "The army sent twenty-five thousand troops.",
      "twenty-five thousand troops",
      25_000,
      "exact",
      "troops",
      [25_000, 25_000, false, false],
    ],
    [
      "The lot held three hundred and fifty cars.",
      "three hundred and fifty cars",
      350,
      "exact",
      "cars",
      [350, 350, false, false],
    ],
    [
      "The city has 1.5 million residents.",
      "1.5 million residents",
      1_500_000,
      "exact",
      "residents",
      [1_500_000, 1_500_000, false, false],
    ],
    ["A crowd of 2000 people gathered.", "2000 people", 2000, "exact", "people", [2000, 2000, false, false]],
    ["Not one passenger was hurt.", "one passenger", 1, "exact", "passenger", [1, 1, false, false]],
    [
      "The firm hired 50,000-strong staff.",
      "50,000-strong staff",
      50_000,
      "exact",
      "staff",
      [50_000, 50_000, false, false],
    ],
    [
      "Between 10 and 20 divers searched.",
      "Between 10 and 20 divers",
      15,
      "approximate",
      "divers",
      [10, 20, false, false],
    ],
    ["Officials counted 10-15 boats.", "10-15 boats", 12.5, "approximate", "boats", [10, 15, false, false]],
    ["It took two or three days.", "two or three days", 2.5, "approximate", "days", [2, 3, false, false]],
    [
      "Between 1.5 and 2 million visitors came.",
      "Between 1.5 and 2 million visitors",
      1_750_000,
      "approximate",
      "visitors",
      [1_500_000, 2_000_000, false, false],
    ],
  ];
  it.each(rows)("%s -> %s", (sentence, text, value, hedge, unit, [low, high, lowOpen, highOpen]) => {
    const m = only(sentence);
    expect(m.text).toBe(text);
    expect(sentence.slice(m.start, m.end)).toBe(text);
    expect(m.value).toBeCloseTo(value, 6);
    expect(m.hedge).toBe(hedge);
    expect(m.unit).toBe(unit);
    expect(m.interval.low).toBeCloseTo(low, 6);
    if (high === INF) expect(m.interval.high).toBe(INF);
    else expect(m.interval.high).toBeCloseTo(high, 6);
    expect([m.interval.lowOpen, m.interval.highOpen]).toEqual([lowOpen, highOpen]);
  });

  it("keeps the hedge words as written", () => {
    expect(only("At Least 20 ships sank.").hedgeText).toBe("At Least");
    expect(only("It drew 100 or so fans.").hedgeText).toBe("or so");
    expect(only("It drew 100 fans.").hedgeText).toBeUndefined();
  });

  it("leaves the unit out when no noun follows", () => {
    expect(only("At least 115 were hurt.").unit).toBeUndefined();
    expect(only("Fewer than 20 remain.").unit).toBeUndefined();
    expect(only("Officials said 250 died.").unit).toBeUndefined();
    expect(only("Some 40 killed in the blast were soldiers.").unit).toBeUndefined();
  });

  it("reads several counts in one sentence, each with its own span", () => {
    const text = "Seven ministers and 12 deputies met 3 envoys.";
    expect(extractNumbers(text).map((m) => [m.text, m.unit])).toEqual([
      ["Seven ministers", "ministers"],
      ["12 deputies", "deputies"],
      ["3 envoys", "envoys"],
    ]);
  });

  it("ends a counted phrase at a dash written as a hyphen before a number, but keeps compounds", () => {
    const dashed = "The four ferry crew-three sailors and a cook-were rescued.";
    expect(extractNumbers(dashed).map((m) => [m.text, m.unit])).toEqual([
      ["four ferry crew", "crew"],
      ["three sailors", "sailors"],
    ]);
    expect(extractNumbers("They fired three twenty-one gun salutes.").map((m) => [m.text, m.unit])).toEqual([
      ["three twenty-one gun salutes", "salutes"],
    ]);
    expect(extractNumbers("She bought two one-day passes.").map((m) => m.unit)).toEqual(["passes"]);
  });
});

describe("extractNumbers: vague amounts", () => {
  const rows: [string, string, string | undefined, keyof typeof VAGUE_AMOUNTS | [number, number]][] = [
    ["Dozens of shops closed.", "Dozens of shops", "shops", "dozens"],
    ["Hundreds of thousands of people marched.", "Hundreds of thousands of people", "people", "hundreds of thousands"],
    ["Tens of thousands of fans sang.", "Tens of thousands of fans", "fans", "tens of thousands"],
    ["Scores of boats sank.", "Scores of boats", "boats", "scores"],
    ["Thousands fled.", "Thousands", "people", "thousands"],
    ["Hundreds had gathered outside.", "Hundreds", "people", "hundreds"],
    ["It cost thousands.", "thousands", undefined, "thousands"],
    ["Thousands, officials said.", "Thousands", undefined, "thousands"],
    ["Several small parties merged.", "Several small parties", "parties", "several"],
    ["A few days later it rained.", "A few days", "days", "a few"],
    ["A handful of protesters stayed.", "A handful of protesters", "protesters", "a handful"],
    ["Several hundred homes flooded.", "Several hundred homes", "homes", [300, 900]],
    ["A few thousand tickets remain.", "A few thousand tickets", "tickets", [2000, 6000]],
  ];
  it.each(rows)("%s -> %s", (sentence, text, unit, band) => {
    const m = only(sentence);
    expect(m.text).toBe(text);
    expect(m.hedge).toBe("vague");
    expect(m.unit).toBe(unit);
    const [low, high] = Array.isArray(band) ? band : [VAGUE_AMOUNTS[band]?.low, VAGUE_AMOUNTS[band]?.high];
    expect([m.interval.low, m.interval.high]).toEqual([low, high]);
    expect(m.value).toBeGreaterThanOrEqual(m.interval.low);
    expect(m.value).toBeLessThanOrEqual(m.interval.high);
  });

  it("tiles the plural bands without gaps or overlaps", () => {
    const order = ["hundreds", "thousands", "tens of thousands", "hundreds of thousands", "millions"] as const;
    for (let i = 1; i < order.length; i++) {
      const prev = VAGUE_AMOUNTS[order[i - 1] as string];
      const next = VAGUE_AMOUNTS[order[i] as string];
      expect(prev?.high).toBe(next?.low);
      expect(prev?.highOpen).toBe(true);
    }
  });
});

describe("extractNumbers: what is not a count", () => {
  const rows: [string, string][] = [
    ["The treaty was signed in 2023 in Oslo.", "a year after in"],
    ["The 2020 flood destroyed the mill.", "a year before a singular noun"],
    ["The 2024 elections were close.", "a year after a determiner, before a plural"],
    ["Talks resumed on October 7 in Geneva.", "a day after a month"],
    ["Talks resumed on 7 October in Geneva.", "a day before a month"],
    ["The vote on March 16 was delayed.", "March with a day"],
    ["The train left at 11:24 sharp.", "a clock time"],
    ["The shop opens at 9 a.m. daily.", "a time with a.m."],
    ["The broadcast starts at 1430 GMT.", "a time with a zone"],
    ["It was the 18th attempt.", "a numeric ordinal"],
    ["It was the first and the third attempt.", "word ordinals"],
    ["She was one of the founders.", "one of the"],
    ["No one answered the door.", "no one"],
    ["The one who left was quiet.", "the one"],
    ["They helped one another.", "one another"],
    ["One day the river rose.", "one day"],
    ["A number of shops closed.", "a number of"],
    ["Call 555-123-4567 after lunch.", "a phone number"],
    ["Call +44 20 7946 0958 after lunch.", "an international phone number"],
    ["The F-16 and the MiG-29 flew past.", "model designations"],
    ["A COVID-19 ward opened.", "a name with a number"],
    ["Under Article 5 the allies must act.", "a numbered article"],
    ["Resolution 1701 was adopted.", "a numbered resolution"],
    ["Flight 17 was delayed.", "a flight number"],
    ["The Boeing 737 landed safely.", "a product name"],
    ["In the 1990s the town grew.", "a decade"],
    ["The team won 3-2 at home.", "a score"],
    ["Version 2.3.1 fixed it.", "a version number"],
    ["Two-thirds of voters agreed.", "a fraction"],
    ["The twenty-first century began.", "an ordinal in words"],
    ["See the 9/11 report.", "a slashed date"],
    ["Room A320 is upstairs.", "an identifier"],
    ["Shots were fired in the 12000 block of Harbour Street.", "a street block"],
    ["Police found a 38 calibre revolver.", "a calibre"],
    ["Read more at https://news.example.com/port/2194453.html today.", "an id in a web address"],
    ["See www.example.com/a/768142 for the rest.", "a path after www"],
    ["会议（3月8日）在市政厅举行。", "a CJK month and day"],
    ["列车于7时出发。", "a CJK clock hour"],
  ];
  it.each(rows)("%s (%s)", (sentence) => {
    expect(extractNumbers(sentence).map((m) => m.text)).toEqual([]);
  });

  it("still reads a CJK count with its counter word", () => {
    expect(extractNumbers("市政厅里，12名学生在等。").map((m) => m.text)).toEqual(["12"]);
  });

  it("does not read a month's day as a count when the month opens the sentence", () => {
    expect(extractNumbers("March 16 was a Sunday.")).toEqual([]);
  });

  it("does not treat two alternatives joined by 'or' as a range", () => {
    expect(extractNumbers("It costs $30 or $1 million.").map((m) => m.text)).toEqual(["$30", "$1 million"]);
  });

  it("reads 'from X to Y' as two figures, not a range", () => {
    expect(extractNumbers("Rates rose from 10 to 20 percent.").map((m) => m.text)).toEqual(["10", "20 percent"]);
  });
});

describe("extractNumbers: intervals", () => {
  it("gives 'around' a symmetric band of APPROXIMATE_SPREAD", () => {
    const m = only("Around 1,200 people attended.");
    expect(m.interval.low).toBe(1200 * (1 - APPROXIMATE_SPREAD));
    expect(m.interval.high).toBe(1200 * (1 + APPROXIMATE_SPREAD));
  });

  it("makes 'more than 1,100' and 'around 1,200' overlap but not 'more than 1,100' and 'about 900'", () => {
    const a = only("more than 1,100 workers").interval;
    const b = only("around 1,200 people").interval;
    const c = only("about 900 people").interval;
    expect(a.low < b.high && b.low < a.high).toBe(true);
    expect(c.high <= a.low).toBe(true);
  });

  it("keeps every interval ordered and the value inside it for bounded hedges", () => {
    const text =
      "Nearly 90 boats, about 40 cars, 12 to 18 buses, at most 7 trains, several ships, dozens of planes, 5 or more vans.";
    for (const m of extractNumbers(text)) {
      expect(m.interval.low).toBeLessThanOrEqual(m.interval.high);
      if (m.hedge === "approximate" || m.hedge === "exact" || m.hedge === "vague") {
        expect(m.value).toBeGreaterThanOrEqual(m.interval.low);
        expect(m.value).toBeLessThanOrEqual(m.interval.high);
      }
    }
  });
});

describe("unitKey", () => {
  const rows: [string, string][] = [
    ["soldiers", "soldier"],
    ["Soldier", "soldier"],
    ["casualties", "casualty"],
    ["people", "person"],
    ["children", "child"],
    ["churches", "church"],
    ["militias", "militia"],
    ["news", "news"],
    ["percent", "percent"],
    ["dollars", "usd"],
  ];
  it.each(rows)("%s -> %s", (unit, key) => {
    expect(unitKey(unit)).toBe(key);
  });

  it("gives singular and plural the same key", () => {
    for (const [one, many] of [
      ["fighter", "fighters"],
      ["box", "boxes"],
      ["person", "people"],
      ["family", "families"],
    ] as const) {
      expect(unitKey(one)).toBe(unitKey(many));
    }
  });
});

describe("parseNumberWords", () => {
  const rows: [string, number | undefined, number][] = [
    ["seven", 7, 5],
    ["twenty-five", 25, 11],
    ["ninety nine", 99, 11],
    ["three hundred and fifty", 350, 23],
    ["one thousand two hundred", 1200, 24],
    ["two dozen", 24, 9],
    ["half a million", 500_000, 14],
    ["a hundred", 100, 9],
    ["two three", 2, 3],
    ["twenty ten", 20, 6],
    ["a", undefined, 0],
  ];
  it.each(rows)("%s -> %s", (phrase, value, length) => {
    const parsed = parseNumberWords(phrase);
    expect(parsed?.value).toBe(value);
    if (value !== undefined) expect(parsed?.length).toBe(length);
  });
});

const SEEDS = "/work/shared/seeds";

describe.skipIf(!existsSync(SEEDS))(
  "extractNumbers on the seed articles (skipped when /work/shared/seeds is absent)",
  () => {
    it("returns spans that point at their text, in order, without overlaps", () => {
      for (const file of readdirSync(SEEDS)) {
        const text = readFileSync(join(SEEDS, file), "utf8");
        let reach = 0;
        for (const m of extractNumbers(text)) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(reach);
          expect(m.interval.low).toBeLessThanOrEqual(m.interval.high);
          reach = m.end;
        }
      }
    });
  },
);

describe("extractNumbers: ages and written lower bounds", () => {
  it.each([
    ["He retired at the age of 88.", "88", "age"],
    ["A man aged 41 was arrested.", "41", "age"],
    ["The 41 passengers were aged.", "41 passengers", "passengers"],
    ["He paid 88 for it.", "88", undefined],
    ["One of the pupils was 13 years old then.", "13 years", "age"],
    ["A 13-year-old was hurt.", "13-year", "age"],
    ["The dam took 13 years to build.", "13 years", "years"],
  ])("%s -> %s counts %s", (sentence, text, unit) => {
    const m = only(sentence);
    expect(m.text).toBe(text);
    expect(m.unit).toBe(unit);
  });

  it("reads '-plus' after an estimate as at least the figure", () => {
    const m = only("An estimated 5,000-plus fans lined the route.");
    expect(m.hedge).toBe("at-least");
    expect([m.interval.low, m.interval.high]).toEqual([5000, Number.POSITIVE_INFINITY]);
  });
});
