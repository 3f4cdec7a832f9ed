import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DateMention } from "../../model/index.js";
import { extractDates, FUTURE_WINDOW_DAYS, readsAsYear } from "./index.js";

/** A Wednesday, so that weekdays before and after it can be told apart. */
const ARTICLE = "2025-04-09";

function only(text: string, articleDate: string | null = ARTICLE): DateMention {
  const found = extractDates(text, articleDate ?? undefined);
  expect(found.map((d) => d.text)).toHaveLength(1);
  return found[0] as DateMention;
}

describe("extractDates: resolved against the article's date", () => {
  const rows: [string, string, string | undefined, boolean][] = [
    // sentence, mention text, ISO date, relative
    ["The ferry sank on October 7 near the cape.", "October 7", "2024-10-07", false],
    ["The ferry sank on April 2 near the cape.", "April 2", "2025-04-02", false],
    ["The vote on April 20 decides it.", "April 20", "2025-04-20", false],
    ["Growers met Oct. 3 to plan.", "Oct. 3", "2024-10-03", false],
    ["Growers met on 3 October to plan.", "3 October", "2024-10-03", false],
    ["Growers met on the 3rd of October to plan.", "3rd of October", "2024-10-03", false],
    ["The dam opened on October 7, 2023.", "October 7, 2023", "2023-10-07", false],
    ["The dam opened on 7 October 2023.", "7 October 2023", "2023-10-07", false],
    ["The dam opened on Saturday, October 7, 2023.", "Saturday, October 7, 2023", "2023-10-07", false],
    ["The dam opened in October 2023.", "October 2023", "2023-10", false],
    ["Prices peaked in mid-October 2023.", "mid-October 2023", "2023-10", false],
    ["Stocks have slid since mid-January.", "mid-January", "2025-01", false],
    ["The mayor took office in January.", "January", "2025-01", false],
    ["The mayor took office in June.", "June", "2024-06", false],
    ["The mayor took office last June.", "last June", "2024-06", true],
    ["The mayor takes office next June.", "next June", "2025-06", true],
    ["The bridge fell in 2020.", "2020", "2020", false],
    ["The 2020 flood ruined the harvest.", "2020", "2020", false],
    ["The canal was dug in 1848.", "1848", "1848", false],
    ["Output rose in early 2024.", "early 2024", "2024", false],
    ["The plant closed in mid-2022.", "mid-2022", "2022", false],
    ["The report was filed on 2025-03-30.", "2025-03-30", "2025-03-30", false],
    ["The talks ended Monday.", "Monday", "2025-04-07", true],
    ["The talks ended on Wednesday.", "Wednesday", "2025-04-09", true],
    ["The talks ended last Wednesday.", "last Wednesday", "2025-04-02", true],
    ["The talks resume next Monday.", "next Monday", "2025-04-14", true],
    ["The talks will resume on Friday.", "Friday", "2025-04-11", true],
    ["The talks ended Monday night.", "Monday night", "2025-04-07", true],
    ["The shop closed yesterday.", "yesterday", "2025-04-08", true],
    ["The shop closes today.", "today", "2025-04-09", true],
    ["The shop opens tomorrow.", "tomorrow", "2025-04-10", true],
    ["Rain fell last night.", "last night", "2025-04-08", true],
    ["Sales fell last month.", "last month", "2025-03", true],
    ["Sales fell this month.", "this month", "2025-04", true],
    ["Sales fell last year.", "last year", "2024", true],
    ["Sales will rise next year.", "next year", "2026", true],
    ["Sales fell earlier this year.", "this year", "2025", true],
    ["The bridge closed 18 months ago.", "18 months ago", "2023-10", true],
    ["The bridge closed two years ago.", "two years ago", "2023", true],
    ["The bridge closed three days ago.", "three days ago", "2025-04-06", true],
    ["The bridge closed a week ago.", "a week ago", "2025-04-02", true],
    ["Fans gathered over the weekend.", "the weekend", "2025-04-05", true],
    ["Fans gather this weekend.", "this weekend", "2025-04-12", true],
    ["Prices climbed over the past two years.", "the past two years", undefined, true],
    ["Ties frayed during the previous decade.", "the previous decade", undefined, true],
    ["The firm grew last week.", "last week", undefined, true],
    ["The town grew in the 1990s.", "1990s", undefined, false],
  ];
  it.each(rows)("%s -> %s", (sentence, text, date, relative) => {
    const d = only(sentence);
    expect(d.text).toBe(text);
    expect(sentence.slice(d.start, d.end)).toBe(text);
    expect(d.date).toBe(date);
    expect(d.relative).toBe(relative);
  });

  it("reads a dateline with a time as a date-time", () => {
    const d = only("April 8, 2025 11:24 Officials said the plan worked.");
    expect(d.text).toBe("April 8, 2025 11:24");
    expect(d.date).toBe("2025-04-08T11:24");
  });

  it("keeps date and dateline time when the next sentence is glued on", () => {
    expect(only("April 8, 2025 11:24Several officials spoke.").date).toBe("2025-04-08T11:24");
  });

  it("accepts a date-time as the article's date", () => {
    expect(only("The talks ended Monday.", "2025-04-09T23:10:00+03:00").date).toBe("2025-04-07");
  });
});

describe("extractDates: the year of a yearless date", () => {
  it("without a tense, takes the article's year up to FUTURE_WINDOW_DAYS ahead, else the year before", () => {
    const inside = new Date(Date.UTC(2025, 3, 9 + FUTURE_WINDOW_DAYS));
    const outside = new Date(Date.UTC(2025, 3, 9 + FUTURE_WINDOW_DAYS + 1));
    const say = (d: Date) => `${d.toLocaleString("en-US", { month: "long", timeZone: "UTC" })} ${d.getUTCDate()}`;
    expect(only(`Harvest day is ${say(inside)}.`).date?.slice(0, 4)).toBe("2025");
    expect(only(`Harvest day is ${say(outside)}.`).date?.slice(0, 4)).toBe("2024");
  });

  it("looks forward when the sentence speaks of the future", () => {
    expect(only("The summit is scheduled for March 16.").date).toBe("2026-03-16");
    expect(only("The summit was held on March 16.").date).toBe("2025-03-16");
    expect(only("Both sides agreed to resume talks at the town hall on Tuesday.", "2026-03-09").date).toBe(
      "2026-03-10",
    );
    expect(only("Both sides resumed talks at the town hall on Tuesday.", "2026-03-09").date).toBe("2026-03-03");
  });

  it("rolls a leap day to a year that has one", () => {
    expect(only("It happened on February 29.", "2025-04-09").date).toBeUndefined();
    expect(only("It happened on February 29.", "2024-04-09").date).toBe("2024-02-29");
  });
});

describe("extractDates: without an article date", () => {
  const rows: [string, string, string | undefined, boolean][] = [
    ["The talks ended Monday.", "Monday", undefined, true],
    ["Sales fell last month.", "last month", undefined, true],
    ["The bridge closed 18 months ago.", "18 months ago", undefined, true],
    ["The ferry sank on October 7.", "October 7", undefined, false],
    ["The mayor took office in January.", "January", undefined, false],
    ["The dam opened on October 7, 2023.", "October 7, 2023", "2023-10-07", false],
    ["The bridge fell in 2020.", "2020", "2020", false],
  ];
  it.each(rows)("%s -> %s", (sentence, text, date, relative) => {
    const d = only(sentence, null);
    expect(d.text).toBe(text);
    expect(d.date).toBe(date);
    expect(d.relative).toBe(relative);
  });

  it("treats an unreadable article date like a missing one", () => {
    expect(only("The talks ended Monday.", "not a date").date).toBeUndefined();
  });
});

describe("extractDates: what is not a date", () => {
  const rows: [string, string][] = [
    ["You may leave now.", "may, the modal verb"],
    ["May we come in?", "May opening a question"],
    ["Protesters will march to the square.", "march, the verb"],
    ["The March on the capital drew crowds.", "March as a noun without a cue"],
    ["The minister spoke to Theresa May about it.", "May as a surname"],
    ["The Sunday Times ran the story.", "a newspaper name"],
    ["Shops opened on Good Friday.", "a named holiday"],
    ["It was reported by USA Today.", "a newspaper called Today"],
    ["More than 1,400 people were hurt.", "a count with a thousands separator"],
    ["A crowd of 2000 people gathered.", "a four-digit count before a plural"],
    ["Tickets cost $2025 each.", "money"],
    ["Turnout was 2019 percent of the target.", "a percentage"],
    ["The train left at 11:24 sharp.", "a clock time alone"],
    ["Room 2021B is upstairs.", "an identifier"],
    ["Ring 555-2020 for help.", "a phone number"],
  ];
  it.each(rows)("%s (%s)", (sentence) => {
    expect(extractDates(sentence, ARTICLE).map((d) => d.text)).toEqual([]);
  });
});

describe("readsAsYear", () => {
  const year = (text: string) => {
    const at = text.search(/\d{4}/);
    return readsAsYear(text, at, at + 4);
  };
  it.each([
    ["in 2003 the war began", true],
    ["the 2020 drone strike", true],
    ["since 1990 it has grown", true],
    ["2000 people marched", false],
    ["more than 2000 marched", false],
    ["the 2024 elections", true],
    ["1500 troops arrived", false],
    ["in 1500 troops arrived", true],
  ] as const)("%s -> %s", (text, expected) => {
    expect(year(text)).toBe(expected);
  });
});

const SEEDS = "/work/shared/seeds";

describe.skipIf(!existsSync(SEEDS))(
  "extractDates on the seed articles (skipped when /work/shared/seeds is absent)",
  () => {
    it("returns spans that point at their text, in order, with well-formed ISO dates", () => {
      for (const file of readdirSync(SEEDS)) {
        const text = readFileSync(join(SEEDS, file), "utf8");
        let reach = 0;
        for (const d of extractDates(text, ARTICLE)) {
          expect(text.slice(d.start, d.end)).toBe(d.text);
          expect(d.start).toBeGreaterThanOrEqual(reach);
          if (d.date !== undefined)
            expect(d.date).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?)?)?$/);
          reach = d.end;
        }
      }
    });
  },
);

describe("extractDates: the tense of the clause sets the direction", () => {
  // sentence, article date, mention text, date it must get, date it must not get
  const rows: [string, string, string, string, string][] = [
    [
      "The new ferry line would begin on June 1, the harbour board said.",
      "2025-05-14",
      "June 1",
      "2025-06-01",
      "2024-06-01",
    ],
    ["Forecasters expect rain until Tuesday night.", ARTICLE, "Tuesday night", "2025-04-15", "2025-04-08"],
    ["Forecasters warned of rain until Tuesday night.", ARTICLE, "Tuesday night", "2025-04-15", "2025-04-08"],
    ["The storm is expected to linger before leaving on Thursday.", ARTICLE, "Thursday", "2025-04-10", "2025-04-03"],
    ["The two mayors will meet on Friday in Dunmere.", ARTICLE, "Friday", "2025-04-11", "2025-04-04"],
    ["Governor Essa is due to speak on Tuesday.", ARTICLE, "Tuesday", "2025-04-15", "2025-04-08"],
    ["On Tuesday, the Velorian central bank is set to cut rates.", ARTICLE, "Tuesday", "2025-04-15", "2025-04-08"],
    ["The congress, which begins on Monday, draws 40 delegations.", ARTICLE, "Monday", "2025-04-14", "2025-04-07"],
    [
      "Direct talks would begin this weekend, the envoy said.",
      "2025-04-08",
      "this weekend",
      "2025-04-12",
      "2025-04-05",
    ],
    ["The harbour master said on Thursday that the pier was safe.", ARTICLE, "Thursday", "2025-04-03", "2025-04-10"],
    ["The painter Ilse Marn died on Friday at her home.", ARTICLE, "Friday", "2025-04-04", "2025-04-11"],
    ["Mr Odum was meant to meet the envoy on Sunday.", ARTICLE, "Sunday", "2025-04-06", "2025-04-13"],
    ["A nurse in Tollis gave the wrong dose on January 30.", "2022-01-10", "January 30", "2021-01-30", "2022-01-30"],
    // within FUTURE_WINDOW_DAYS a past tense keeps the article's year: the page may predate an edit it reports
    ["The post was edited on 9 July to add a map.", "2022-06-28", "9 July", "2022-07-09", "2021-07-09"],
    ["The regatta will be held on January 14.", "2022-01-20", "January 14", "2023-01-14", "2022-01-14"],
    ["The pool will reopen in April.", ARTICLE, "April", "2025-04", "2026-04"],
    ["The pool closed in May.", ARTICLE, "May", "2024-05", "2025-05"],
  ];
  it.each(rows)("%s (%s): %s is %s, not %s", (sentence, article, text, date, wrong) => {
    const d = extractDates(sentence, article).find((x) => x.text === text);
    expect(d?.date).toBe(date);
    expect(d?.date).not.toBe(wrong);
  });

  it("leaves 'next week' without a day", () => {
    expect(only("The board will vote next week.").date).toBeUndefined();
  });
});
