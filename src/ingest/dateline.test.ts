import { describe, expect, it } from "vitest";
import { parseDateline } from "./dateline.js";

describe("parseDateline", () => {
  it.each([
    ["March 14, 2026 09:41A ferry ran aground", "2026-03-14T09:41", "A ferry ran aground"],
    ["March 10, 2026 08:15Dock workers", "2026-03-10T08:15", "Dock workers"],
    ["14 March 2026 — Officials", "2026-03-14", " — Officials"],
    ["Mar. 14, 2026, 3:05 p.m. GMT The", "2026-03-14T15:05Z", " The"],
    ["Saturday, March 14, 2026 Officials", "2026-03-14", " Officials"],
    ["2026-03-13 Two ferries", "2026-03-13", " Two ferries"],
    ["2026-03-13T09:30:00Z text", "2026-03-13T09:30:00Z", " text"],
    ["March 14, 2026 09:41 That was", "2026-03-14T09:41", " That was"],
    ["May 1, 2024 10:00 Estimates", "2024-05-01T10:00", " Estimates"],
  ])("reads %j", (line, date, rest) => {
    const got = parseDateline(line);
    expect(got?.date).toBe(date);
    expect(line.slice(got?.end)).toBe(rest);
  });

  it.each([
    "April showers bring May flowers",
    "In April 2025 the talks began",
    "February 30, 2025 is not a day",
    "2025 was a year",
    "1,340 people were evacuated",
    "May I ask, 2025 people",
    // A day after tomorrow is no publication date (a figure or a typo).
    "March 8, 2092 Velmar ferries ran",
    "2092-03-08 Velmar ferries ran",
  ])("finds no dateline in %j", (line) => {
    expect(parseDateline(line)).toBeUndefined();
  });
});
