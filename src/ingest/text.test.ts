import { describe, expect, it } from "vitest";
import { boilerplateRule } from "./boilerplate.js";
import { readTextArticle } from "./text.js";

const read = (text: string) => readTextArticle({ id: "a", source: "a.txt", text });

describe("readTextArticle metadata", () => {
  it("reads a date header glued to the first sentence and keeps the sentence", () => {
    const a = read("date 2026-03-09 Dock workers in Portavel walked out on Monday.\n\nThe port closed.");
    expect(a.published).toBe("2026-03-09");
    expect(a.text.startsWith("Dock workers in Portavel walked out")).toBe(true);
    expect(a.title).toBeUndefined();
  });

  it("reads a dateline glued to the first sentence after a standfirst line", () => {
    const a = read("Strike spreads along the coast\nMarch 10, 2026 08:15Dock workers walked out.\nMore text here.");
    expect(a.published).toBe("2026-03-10T08:15");
    expect(a.title).toBe("Strike spreads along the coast");
    expect(a.text).toContain("\nDock workers walked out.");
    expect(a.text).not.toContain("08:15");
  });

  it("takes a headline line and a byline, and the outlet from a copyright line", () => {
    const a = read(
      "Strikers Agree to End Walkout\n\nBy Jane Doe and Omar Reyes\n\nThe union is considering an offer.\n\nCopyright © 2026 Harbour Light Media Group. All Rights Reserved.",
    );
    expect(a.title).toBe("Strikers Agree to End Walkout");
    expect(a.author).toBe("Jane Doe and Omar Reyes");
    expect(a.outlet).toBe("Harbour Light");
    expect(a.text).not.toMatch(/Copyright|By Jane/);
  });

  it("leaves absent what the text does not say", () => {
    const a = read("The union is considering an offer, officials said on Monday.\nTalks resume later.");
    expect(a.published).toBeUndefined();
    expect(a.outlet).toBeUndefined();
    expect(a.author).toBeUndefined();
    expect(a.title).toBeUndefined();
  });

  it("reads key: value headers", () => {
    const a = read("Title: Fire at the docks\nPublished: 2026-03-11\nSource: Coastline Herald\n\nA fire broke out.");
    expect(a).toMatchObject({ title: "Fire at the docks", published: "2026-03-11", outlet: "Coastline Herald" });
    expect(a.text).toBe("A fire broke out.");
  });
});

describe("boilerplate", () => {
  it("removes and lists subscription, price, trial, share and related lines", () => {
    const a = read(
      [
        "The fire was out by noon.",
        "",
        "Subscribe today and the Herald will be in your inbox every morning",
        "Join us now and pay only $4.99 a month for an annual subscription.",
        "And you get a free two-week trial with no obligation to continue.",
        "Share this article",
        "Copy link",
        "Related: Port strike enters third day",
        "Sign up for our newsletter",
      ].join("\n"),
    );
    expect(a.text).toBe("The fire was out by noon.");
    expect(a.removedBoilerplate).toHaveLength(7);
  });

  it.each([
    "Netflix raised the price of its subscription by 10 percent last year.",
    "Shares in the port operator fell 4 percent.",
    "The union said workers would share the cost.",
    "The mayor read more than 40 letters from residents.",
    "Subscribers to the service complained about delays.",
    "Printing presses were damaged in the fire.",
  ])("keeps the article sentence %j", (line) => {
    expect(boilerplateRule(line)).toBeUndefined();
  });
});

describe("bylines", () => {
  it.each([
    ["By Jane Doe", "Jane Doe"],
    ["By Jane Doe, Meridian Press", "Jane Doe"],
    ["by Omar Reyes | Coastline Herald", "Omar Reyes"],
  ])("reads %j", (line, author) => {
    expect(read(`${line}\nThe fire was out by noon.`).author).toBe(author);
  });

  it.each([
    "By Monday, the strike had ended.",
    "By then the fire had spread to two warehouses.",
    "By law, ports must stay open.",
  ])("does not take %j for a byline", (line) => {
    const a = read(`${line}\nThe fire was out by noon.`);
    expect(a.author).toBeUndefined();
    expect(a.text.startsWith(line)).toBe(true);
  });
});
