import { describe, expect, it } from "vitest";
import { parseDateline } from "./dateline.js";

describe("parseDateline", () => {
  const rows: [string, string, string][] = [
    // line, ISO date, the dateline as written
    ["March 14, 2026 09:41A crowd gathered.", "2026-03-14T09:41", "March 14, 2026 09:41"],
    ["March 14, 2026 09:41 A crowd gathered.", "2026-03-14T09:41", "March 14, 2026 09:41"],
    ["14 March 2026 The council met.", "2026-03-14", "14 March 2026"],
    ["2026-03-14 The council met.", "2026-03-14", "2026-03-14"],
    ["2026-03-14T09:41:05Z The council met.", "2026-03-14T09:41:05Z", "2026-03-14T09:41:05Z"],
    ["Mar. 14, 2026 The council met.", "2026-03-14", "Mar. 14, 2026"],
    ["Mar. 14, 2026 3:05 pm GMT The council met.", "2026-03-14T15:05Z", "Mar. 14, 2026 3:05 pm GMT"],
    ["March 14, 2026 09:41 UTC The council met.", "2026-03-14T09:41Z", "March 14, 2026 09:41 UTC"],
    ["Sat, 14 Mar 2026 09:41:00 GMT", "2026-03-14T09:41:00Z", "Sat, 14 Mar 2026 09:41:00 GMT"],
    ["Saturday, March 14, 2026 - 09:30", "2026-03-14T09:30", "Saturday, March 14, 2026 - 09:30"],
    ["Updated: March 14, 2026 The council met.", "2026-03-14", "Updated: March 14, 2026"],
    ["MARCH 14, 2026 THE COUNCIL MET.", "2026-03-14", "MARCH 14, 2026"],
  ];
  it.each(rows)("%s -> %s", (line, date, written) => {
    const d = parseDateline(line);
    expect(d?.date).toBe(date);
    expect(line.slice(0, d?.end)).toBe(written);
  });

  it("keeps the date when what follows is not a clock time", () => {
    const line = "March 14, 2026 - 35 people came.";
    expect(parseDateline(line)).toEqual({ date: "2026-03-14", end: "March 14, 2026".length });
  });

  it("keeps the date when the time is out of range", () => {
    const line = "March 14, 2026 25:61 Later.";
    expect(parseDateline(line)).toEqual({ date: "2026-03-14", end: "March 14, 2026".length });
  });

  it.each([
    ["The council met on March 14, 2026.", "a date that is not at the start"],
    ["April 31, 2026 The council met.", "a day the month does not have"],
    ["March 14 The council met.", "a date without a year"],
    ["09:41 The council met.", "a time alone"],
    ["March 14, 20261 The council met.", "a year with too many digits"],
    ["", "an empty line"],
  ])("rejects %s (%s)", (line) => {
    expect(parseDateline(line)).toBeUndefined();
  });
});
