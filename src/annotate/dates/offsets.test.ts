import { describe, expect, it } from "vitest";
import { extractDates } from "./index.js";

describe("extractDates: a date counted from another", () => {
  const rows: [string, string, string | undefined][] = [
    [
      "Ms Lorne, sworn in just three days before the king died on Aug 17, flew to Oslo.",
      "three days before",
      "2022-08-14",
    ],
    ["Aid arrived a week after the quake on March 3.", "a week after", "2022-03-10"],
    ["The pact was signed three months before the vote in May 2021.", "three months before", "2021-02"],
  ];
  it.each(rows)("%s: %s -> %s", (sentence, text, date) => {
    const d = extractDates(sentence, "2022-09-20").find((x) => x.text === text);
    expect(d?.date).toBe(date);
    expect(d?.relative).toBe(true);
  });

  const negative: [string, string][] = [
    ["Looting spread in the two days after the quake on March 3.", "a stretch of time, not a point"],
    ["Crews worked for a week before the vote on May 5.", "a stretch of time, not a point"],
    ["She left two days before. The quake struck on March 3.", "the date is in another sentence"],
    ["Aid arrived two days after the quake, which rescuers say struck the old town of Hallin on March 3.", "too far"],
  ];
  it.each(negative)("%s (%s)", (sentence) => {
    expect(extractDates(sentence, "2022-09-20").filter((d) => /before|after/.test(d.text))).toEqual([]);
  });
});
