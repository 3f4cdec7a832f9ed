import { describe, expect, it } from "vitest";
import { plainArticle } from "../../test/fixtures.js";
import type { Article } from "../model/index.js";
import { analyzeStory } from "../pipeline.js";

const mk = (id: string, text: string, published?: string): Article =>
  plainArticle(id, text, published ? { published } : {});

/** A Wednesday. */
const PUBLISHED = "2031-05-14";

const story = [
  mk(
    "herald",
    [
      "The new tram line in Orsk would begin service on June 1, the city council said on Monday.",
      "Forecasters warned of heavy rain until Tuesday night.",
      "The tram's designer, Pell Varga, died on Thursday at her home.",
      "The transport minister is due to open the depot on Friday.",
      "A clerk in the fares office was paid twice on Feb 9 last year.",
    ].join(" "),
    PUBLISHED,
  ),
  mk(
    "courier",
    [
      "The flood in Orsk in 2029 closed the old tram depot.",
      "The flood in Orsk began after the river burst its banks on October 7, and the depot stayed shut.",
      "The council approved the new line on May 2.",
    ].join(" "),
  ),
];

describe("timelineOf: events at the dates their words give", () => {
  const report = analyzeStory(story);
  const at = (key: string) => report.timeline.filter((t) => t.text.includes(key)).map((t) => t.date);

  // key words of the event, the date it must have, dates it must not have
  const rows: [string, string, string[]][] = [
    ["would begin service", "2031-06-01", ["2030-06-01"]],
    ["heavy rain", "2031-05-20", ["2031-05-13"]],
    ["designer", "2031-05-08", ["2031-05-15"]],
    ["due to open the depot", "2031-05-16", ["2031-05-09"]],
    ["paid twice", "2030-02-09", ["2031-02-09"]],
    ["burst its banks", "2029-10-07", ["2030-10-07"]],
    ["approved the new line", "2031-05-02", ["2030-05-02"]],
  ];
  it.each(rows)("%s: %s", (key, date, wrong) => {
    const dates = at(key);
    expect(dates).toContain(date);
    for (const w of wrong) expect(dates).not.toContain(w);
  });

  it("lists an event only at the dates its sentence gives", () => {
    expect(at("designer")).toEqual(["2031-05-08"]);
    expect(at("heavy rain")).toEqual(["2031-05-20"]);
  });

  it("keeps the timeline sorted by date", () => {
    const dates = report.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
  });
});
