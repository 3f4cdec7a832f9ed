import { describe, expect, it } from "vitest";
import { dateFromUrl, findAllDates, findDate, parseDateValue } from "./dates.js";

const latest = new Date("2030-01-01T00:00:00Z");

describe("parseDateValue", () => {
  it.each([
    ["2025-04-08T11:24:00+02:00", "2025-04-08T11:24"],
    ["2025-04-08", "2025-04-08"],
    ["2025-04-08T00:00:00Z", "2025-04-08"],
    ["20250408T112400", "2025-04-08T11:24"],
    ["Tue, 08 Apr 2025 11:24:00 GMT", "2025-04-08T11:24"],
    ["1744111440", "2025-04-08T11:24"],
    ["April 8, 2025", "2025-04-08"],
  ])("reads %s", (value, iso) => {
    expect(parseDateValue(value, { latest })).toBe(iso);
  });

  it.each([["not a date"], ["2025-13-40"], ["1890-01-01"], ["2031-05-05"], [""], ["12345"]])("refuses %s", (value) => {
    expect(parseDateValue(value, { latest })).toBeUndefined();
  });
});

describe("findDate in visible text", () => {
  it.each([
    ["Posted on 8. April 2025 by admin", "2025-04-08"],
    ["April 8, 2025 11:24 am", "2025-04-08T11:24"],
    ["8:15 p.m. on Apr. 8th, 2025", "2025-04-08"],
    ["le 8 avril 2025 à 14h30", "2025-04-08T14:30"],
    ["8 de abril de 2025", "2025-04-08"],
    ["08.04.2025 | 14:30 Uhr", "2025-04-08T14:30"],
    ["Stand: 07.11.23", "2023-11-07"],
    ["31/12/2024", "2024-12-31"],
    ["Mittwoch, 01. November 2023", "2023-11-01"],
    ["7 kwietnia 2021", "2021-04-07"],
  ])("reads %s", (text, iso) => {
    expect(findDate(text, { latest })?.iso).toBe(iso);
  });

  it("reads numeric dates month first only when told", () => {
    expect(findDate("04/08/2025", { latest })?.iso).toBe("2025-08-04");
    expect(findDate("04/08/2025", { latest, monthFirst: true })?.iso).toBe("2025-04-08");
    expect(findDate("12/31/2024", { latest })?.iso).toBe("2024-12-31");
  });

  it.each([
    ["May 2025 was the hottest month"],
    ["Call 040 244 249 230"],
    ["Version 3.10.2 released"],
    ["Room 12-34-5678"],
    ["The 30 February 2024 deadline"],
    ["In 1066 the battle"],
    ["up 3.5% to 1,200"],
  ])("finds no date in %s", (text) => {
    expect(findDate(text, { latest })).toBeUndefined();
  });

  it("finds every date in order without overlaps", () => {
    const found = findAllDates("First 2024-01-02, then 3 March 2024 and 04.05.2024.", { latest });
    expect(found.map((d) => d.iso)).toEqual(["2024-01-02", "2024-03-03", "2024-05-04"]);
  });
});

describe("dateFromUrl", () => {
  it.each([
    ["https://example.org/2025/04/08/fire-at-port", "2025-04-08"],
    ["https://example.org/news/2025-04-08-fire", "2025-04-08"],
    ["https://example.org/a-20250408.html", "2025-04-08"],
    ["https://example.org/meldungen/29-10-2021", "2021-10-29"],
    ["https://example.org/news/2025/04/fire", "2025-04"],
  ])("reads %s", (url, iso) => {
    expect(dateFromUrl(url, { latest })).toBe(iso);
  });

  it.each([
    ["https://example.org/story/123456789"],
    ["https://example.org/2025/13/45/x"],
    ["https://example.org/product-1234-5678"],
  ])("finds no date in %s", (url) => {
    expect(dateFromUrl(url, { latest })).toBeUndefined();
  });
});
