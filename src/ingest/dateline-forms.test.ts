import { describe, expect, it } from "vitest";
import { parseDateline } from "./dateline.js";

describe("parseDateline", () => {
  const rows: [string, string, string][] = [
    // line, ISO date, the dateline as written
    ["April 8, 2025 11:24A crowd gathered.", "2025-04-08T11:24", "April 8, 2025 11:24"],
    ["April 8, 2025 11:24 A crowd gathered.", "2025-04-08T11:24", "April 8, 2025 11:24"],
    ["8 April 2025 The council met.", "2025-04-08", "8 April 2025"],
    ["2025-04-08 The council met.", "2025-04-08", "2025-04-08"],
    ["2025-04-08T11:24:05Z The council met.", "2025-04-08T11:24:05Z", "2025-04-08T11:24:05Z"],
    ["Apr. 8, 2025 The council met.", "2025-04-08", "Apr. 8, 2025"],
    ["Apr. 8, 2025 3:05 pm GMT The council met.", "2025-04-08T15:05Z", "Apr. 8, 2025 3:05 pm GMT"],
    ["April 8, 2025 11:24 UTC The council met.", "2025-04-08T11:24Z", "April 8, 2025 11:24 UTC"],
    ["Tue, 08 Apr 2025 11:24:00 GMT", "2025-04-08T11:24:00Z", "Tue, 08 Apr 2025 11:24:00 GMT"],
    ["Tuesday, April 8, 2025 - 09:30", "2025-04-08T09:30", "Tuesday, April 8, 2025 - 09:30"],
    ["Updated: April 8, 2025 The council met.", "2025-04-08", "Updated: April 8, 2025"],
    ["APRIL 8, 2025 THE COUNCIL MET.", "2025-04-08", "APRIL 8, 2025"],
  ];
  it.each(rows)("%s -> %s", (line, date, written) => {
    const d = parseDateline(line);
    expect(d?.date).toBe(date);
    expect(line.slice(0, d?.end)).toBe(written);
  });

  it("keeps the date when what follows is not a clock time", () => {
    const line = "April 8, 2025 - 35 people came.";
    expect(parseDateline(line)).toEqual({ date: "2025-04-08", end: "April 8, 2025".length });
  });

  it("keeps the date when the time is out of range", () => {
    const line = "April 8, 2025 25:61 Later.";
    expect(parseDateline(line)).toEqual({ date: "2025-04-08", end: "April 8, 2025".length });
  });

  it.each([
    ["The council met on April 8, 2025.", "a date that is not at the start"],
    ["April 31, 2025 The council met.", "a day the month does not have"],
    ["April 8 The council met.", "a date without a year"],
    ["11:24 The council met.", "a time alone"],
    ["April 8, 20251 The council met.", "a year with too many digits"],
    ["", "an empty line"],
  ])("rejects %s (%s)", (line) => {
    expect(parseDateline(line)).toBeUndefined();
  });
});
