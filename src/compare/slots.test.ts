import { describe, expect, it } from "vitest";
import { namesBefore, sameName, slotsOf } from "./slots.js";

const read = (text: string) => slotsOf({ text, sentence: { start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 } });

describe("slotsOf", () => {
  it.each([
    ["The council voted 7 to 2 to close the bridge.", "tally", "7 to 2", [7, 2]],
    ["The board approved the plan in a 6-3 vote.", "tally", "6-3", [6, 3]],
    ["It passed by five votes to four.", "tally", "five votes to four", [5, 4]],
    ["Ravens beat the Gulls 3-1 on Sunday.", "tally", "3-1", [3, 1]],
  ])("%s -> a tally %s", (text, kind, written, sides) => {
    const [slot] = read(text);
    expect(slot?.kind).toBe(kind);
    expect(slot?.text).toBe(written);
    expect(slot?.tally).toEqual(sides);
  });

  it.each([
    ["The bridge will close for six months.", "for six months", 6 * 30.44],
    ["The bridge will close for a year.", "for a year", 365.25],
    ["Traders face a one-year ban on imports.", "one-year", 365.25],
    ["Talks lasting two weeks ended on Friday.", "lasting two weeks", 14],
  ])("%s -> a duration %s", (text, written, days) => {
    const [slot] = read(text);
    expect(slot?.kind).toBe("duration");
    expect(slot?.text).toBe(written);
    expect(((slot?.days?.low ?? 0) + (slot?.days?.high ?? 0)) / 2).toBeCloseTo(days);
  });

  it.each([
    ["Opening hours are 9 to 5 on weekdays."],
    ["Between 7 to 10 people were hurt."],
    ["The plant closed six months ago."],
    ["A year earlier the bridge had closed."],
    ["A 10-year-old boy was rescued."],
    ["He spent 2019-2021 abroad."],
  ])("reads no slot in %s", (text) => {
    expect(read(text)).toEqual([]);
  });
});

describe("namesBefore", () => {
  it.each([
    ["Ana Ruiz won the Kestrel Prize in 2004.", "in 2004", [["ruiz"], ["kestrel", "prize"]]],
    ["She is due before Portavel Magistrates' Court on Tuesday.", "on Tuesday", [["portavel", "magistrates", "court"]]],
    ["After the vote, the union struck on Monday.", "on Monday", []],
  ])("%s -> %j", (text, before, names) => {
    const sentence = { text, sentence: { start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 } };
    expect(namesBefore(sentence, text.indexOf(before))).toEqual(names);
  });
});

describe("sameName", () => {
  it.each([
    [["minister", "ruiz"], ["ruiz"], true],
    [["kestrel", "prize"], ["kestrel", "prize"], true],
    [["portavel", "crown", "court"], ["portavel", "magistrates", "court"], false],
    [["kestrel", "prize"], ["lantern", "medal"], false],
  ])("%j and %j -> %s", (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
  });
});
