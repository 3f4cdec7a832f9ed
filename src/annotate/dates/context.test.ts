import { describe, expect, it } from "vitest";
import { extractDates } from "./index.js";

describe("extractDates: a year the words give", () => {
  it("reads 'last year', 'this year', 'next year' after a month and day", () => {
    const only = (text: string) => {
      const found = extractDates(text, "2022-09-20");
      expect(found).toHaveLength(1);
      return found[0];
    };
    expect(only("A clerk in Vossberg was paid twice on Feb 9 last year.")?.text).toBe("Feb 9 last year");
    expect(only("A clerk in Vossberg was paid twice on Feb 9 last year.")?.date).toBe("2021-02-09");
    expect(only("The canal reopens on March 3 next year.")?.date).toBe("2023-03-03");
    expect(only("It happened on March 3 this year.")?.date).toBe("2022-03-03");
    expect(only("Leaders agreed on a plan by March of next year.")?.date).toBe("2023-03");
    expect(only("The dam was finished in May last year.")?.text).toBe("May last year");
    expect(only("The dam was finished in May last year.")?.date).toBe("2021-05");
  });

  it("gives a month and day the year of the date it is joined to", () => {
    const found = extractDates("Ferries ran half empty between Nov 3 and Nov 5 last year.", "2022-09-20");
    expect(found.map((d) => d.date)).toEqual(["2021-11-03", "2021-11-05"]);
    const span = extractDates("The fair ran from Dec 30 to Jan 2, 2019, in Pellow.", "2025-04-09");
    expect(span.map((d) => d.date)).toEqual(["2018-12-30", "2019-01-02"]);
    // A day joined to a bare year is not a day of that year.
    const toYear = extractDates("The permit runs from June 1 to 2026.", "2025-04-09");
    expect(toYear.map((d) => d.date)).toEqual(["2025-06-01", "2026"]);
    // Not joined: the second date is another event's.
    const apart = extractDates("The dyke broke on Nov 3, and repairs ended on Nov 5, 2019.", "2022-09-20");
    expect(apart[0]?.date).toBe("2021-11-03");
  });
});

describe("extractDates: a sentence that opens on a year", () => {
  const rows: [string, string, string | undefined][] = [
    ["In 2019, a nurse in Tollis gave the wrong dose on January 14.", "2022-01-20", "2019-01-14"],
    ["Back in 2019, the ferry sank in March.", "2022-01-20", "2019-03"],
    ["In 2019, a nurse in Tollis gave the wrong dose on January 14.", "", "2019-01-14"],
    // negative rows: the year does not govern the date
    ["The firm, founded in 2019, reported losses on January 14.", "2022-01-20", "2022-01-14"],
    [
      "In 2019, the firm was founded; in 2020 it moved, and it reported losses on January 14.",
      "2022-01-20",
      "2022-01-14",
    ],
    ["In 2019, the council said the pool will reopen on January 14.", "2022-01-20", "2023-01-14"],
    ["In 2031, a nurse in Tollis gave the wrong dose on January 14.", "2022-01-20", "2022-01-14"],
  ];
  it.each(rows)("%s (%s) -> %s", (sentence, article, date) => {
    const found = extractDates(sentence, article || undefined);
    expect(found.find((d) => d.text === "January 14" || d.text === "March")?.date).toBe(date);
  });
});

describe("extractDates: an undated article's own years", () => {
  const reference = { reference: "2035-04-08" };
  const dated = (text: string, mention: string) =>
    extractDates(text, undefined, reference).find((d) => d.text === mention)?.date;

  it("takes the year the article states for the same event", () => {
    const text =
      "The border war in Kestria broke out in 2033. Envoys met again. The border war in Kestria began after raiders crossed the river on October 7.";
    expect(dated(text, "October 7")).toBe("2033-10-07");
    expect(dated(text, "October 7")).not.toBe("2034-10-07");
    expect(dated("Raiders crossed the river into Kestria in 2033, on October 7, and the war began.", "October 7")).toBe(
      "2033-10-07",
    );
  });

  const negative: [string, string, string, string][] = [
    // text, mention, date it keeps, why the stated year does not apply
    [
      "The border war in Kestria broke out in 2033. The envoy Lida Parr phoned the regent on March 16.",
      "March 16",
      "2035-03-16",
      "recent: within a season of the reference",
    ],
    [
      "The port of Ambrel opened in 2033. The regent fell ill on October 7.",
      "October 7",
      "2034-10-07",
      "no topic shared with the year's sentence",
    ],
    [
      "The border war in Kestria broke out in 2029. Trade collapsed in 2033. The border war in Kestria began after raiders crossed the river on October 7.",
      "October 7",
      "2034-10-07",
      "the matching year is not the article's latest",
    ],
    [
      "The border war in Kestria broke out in 2033. The border war in Kestria will end with a treaty on October 7.",
      "October 7",
      "2035-10-07",
      "future tense",
    ],
  ];
  it.each(negative)("%s: %s stays %s (%s)", (text, mention, date) => {
    expect(dated(text, mention)).toBe(date);
  });

  it("does not apply to an article with a date of its own", () => {
    const text =
      "The border war in Kestria broke out in 2033. The border war in Kestria began after raiders crossed the river on October 7.";
    expect(extractDates(text, "2035-04-08").find((d) => d.text === "October 7")?.date).toBe("2034-10-07");
  });
});
