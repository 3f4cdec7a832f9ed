import { describe, expect, it } from "vitest";
import { parseDateline } from "./dateline.js";

describe("parseDateline", () => {
  it.each([
    ["April 8, 2025 11:24A number of militias", "2025-04-08T11:24", "A number of militias"],
    ["March 10, 2026 08:15Dock workers", "2026-03-10T08:15", "Dock workers"],
    ["8 April 2025 — Officials", "2025-04-08", " — Officials"],
    ["Apr. 8, 2025, 3:05 p.m. GMT The", "2025-04-08T15:05Z", " The"],
    ["Tuesday, April 8, 2025 Officials", "2025-04-08", " Officials"],
    ["2025-04-07 Several groups", "2025-04-07", " Several groups"],
    ["2025-04-07T09:30:00Z text", "2025-04-07T09:30:00Z", " text"],
    ["April 8, 2025 11:24 That was", "2025-04-08T11:24", " That was"],
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
    "1,100 people were killed",
    "May I ask, 2025 people",
  ])("finds no dateline in %j", (line) => {
    expect(parseDateline(line)).toBeUndefined();
  });
});
