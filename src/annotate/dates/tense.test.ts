import { describe, expect, it } from "vitest";
import { type Tense, tenseAt } from "./tense.js";

/** The tense of the date written in brackets. */
function tenseOf(marked: string): Tense {
  const start = marked.indexOf("[");
  const end = marked.indexOf("]") - 1;
  return tenseAt(marked.replace("[", "").replace("]", ""), start, end);
}

describe("tenseAt", () => {
  const rows: [string, Tense][] = [
    // future: modals, plans, schedules, forecasts
    ["The ferry line would begin service on [June 1].", "prospective"],
    ["The council will meet on [Friday].", "future"],
    ["Mayor Olsen is due to speak on [Wednesday] in Harbin Falls.", "future"],
    ["Both sides had accepted her invitation to resume talks on [Tuesday].", "prospective"],
    ["Both sides had returned to work on [Tuesday].", "past"],
    ["The regatta is scheduled for [March 16].", "future"],
    ["The ministry plans to publish the audit on [Monday].", "future"],
    ["Forecasters warned of heavy rain until [Tuesday night].", "future"],
    ["The storm is expected to stall over the coast before leaving on [Wednesday] or Thursday.", "future"],
    ["On [Thursday], the central bank of Veloria is set to raise rates.", "future"],
    ["In his address to the assembly on [Wednesday], Mr Dorn is expected to call for calm.", "future"],
    ["She spoke before the congress, which begins on [Thursday].", "future"],
    ["The rule takes effect on [July 1].", "future"],
    ["The pact is going to be signed on [Friday].", "future"],
    ["This is about what's going to happen on [Wednesday].", "future"],
    ["They were going to sign the pact on [Friday].", "prospective"],
    ["Candidates crowded the state ahead of [Saturday]'s caucus.", "prospective"],
    ["The memo came out at 5:30 a.m. on [Dec. 19], ahead of the deadline.", "past"],
    ["The new bridge, to be opened on [May 3], cost millions.", "future"],
    ["Both unions agreed to resume talks on [Tuesday].", "prospective"],
    ["The judge allowed him to defer the sentence to [October].", "prospective"],
    ["Both unions hope to resume talks on [Tuesday].", "future"],
    ["Talks, which stalled last month, will resume on [Monday].", "future"],
    ["Ferries won't sail until [Sunday].", "future"],
    ["By the time we meet in [November], we must have an answer.", "future"],
    ["By the time the ferry docked in [November], the strike was over.", "past"],
    ["By the time they had met in [November], the strike was over.", "past"],
    ["Between now and the summit in [November] the union must review its demands.", "future"],
    ["Rain until [Tuesday night], then sun.", "future"],
    ["Schools in Marrow remain shut until [Monday].", "future"],
    ["The pier stayed closed until [Monday].", "past"],
    // past: simple past, participles, perfect, reporting verbs next to the date
    ["The harbour master said on [Monday] that the pier was safe.", "past"],
    ["The poet died on [Thursday] at her home.", "past"],
    ["Rebels attacked the depot on [October 7], killing four guards.", "past"],
    ["The clinic was alerted to the error on [Monday].", "past"],
    ["The gallery has been closed since [March].", "past"],
    ["Forecasters warned on [Monday] that the river would rise.", "past"],
    ["Mr Tamsin was meant to meet the envoy on [Sunday].", "past"],
    ["On [Friday], police arrested two men in Corvale.", "past"],
    ["Tovia Ekland, who will chair the panel, said on [Tuesday] she was ready.", "past"],
    ["Crowds gathered on [Saturday] afternoon.", "past"],
    // nothing says
    ["[Monday]: a day of mourning.", "unknown"],
    ["The vote is on [Friday].", "unknown"],
    ["The audit was due to be published on [Monday].", "prospective"],
    ["The minister was due to meet the envoy on [Saturday].", "prospective"],
    ["Entry is free for visitors aged 16 to 24 from [6 November].", "unknown"],
    ["United Ferries on [Friday] cut fares.", "unknown"],
    ["The agency lifted its warning for Tavel on [Monday], and forecasters said rain could follow.", "past"],
    ["Dunmore Bank cut its forecast for growth late on [Friday].", "unknown"],
    ["After passing the cape late on [Monday], the storm is expected to weaken.", "unknown"],
    ["During the meeting on [Monday], the board is set to vote.", "future"],
    ["As Ms Orla put it in a letter in [July], the firm is not going to sell.", "unknown"],
    ["Her successor is to take over on [Jan. 1].", "future"],
    ["Traffic fell by a fifth - from 9.15am to 10am on [Monday].", "past"],
    ["Output will grow less than forecast in [July].", "past"],
  ];
  it.each(rows)("%s -> %s", (sentence, tense) => {
    expect(tenseOf(sentence)).toBe(tense);
  });

  it("reads the governing clause, not a reporting verb before it", () => {
    expect(tenseOf("Police said that on [Monday], two men will appear in court.")).toBe("future");
    expect(tenseOf("Officials said the bridge would reopen on [Friday].")).toBe("prospective");
    expect(tenseOf("Ms Arvo said on [Monday] (May 4) that the firm will appeal.")).toBe("past");
    expect(tenseOf("Ms Arvo said on Monday ([May 4]) that the firm will appeal.")).toBe("past");
  });

  it("reads a present of schedule as the future for a day, not for a month (a habit)", () => {
    expect(tenseOf("The season, which starts in [September], ends in May.")).toBe("future");
    expect(tenseAt("The season, which starts in September, ends in May.", 32, 41, true)).toBe("unknown");
  });

  it("does not reach into the sentence before", () => {
    expect(tenseOf("The bridge will reopen. Crews closed it on [Friday].")).toBe("past");
    expect(tenseOf("Crews closed the bridge. It reopens on [Friday].")).toBe("future");
    expect(tenseOf("Crews closed the bridge. On [Friday] it is open.")).toBe("unknown");
    expect(tenseOf("Crews closed the road to Vossberg. On [Friday] it is open.")).toBe("unknown");
    expect(tenseOf("Mr. Dorn and Dr. Lee of the U.S. embassy met on [Friday].")).toBe("past");
  });
});
