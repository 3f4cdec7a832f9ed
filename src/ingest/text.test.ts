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

  it("reads a date line opened by 'on' under the headline, and not a first sentence opened so", () => {
    const a = read("Dockers walk out in Portavel\non Feb. 04, 2026\nDock workers walked out on Monday.");
    expect(a.published).toBe("2026-02-04");
    expect(a.title).toBe("Dockers walk out in Portavel");
    expect(a.text).not.toContain("Feb. 04");
    const b = read("Dockers walk out in Portavel\nOn March 3, 2026 the dock workers walked out.\nThe port closed.");
    expect(b.published).toBeUndefined();
    expect(b.text).toContain("On March 3, 2026 the dock workers walked out.");
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
        "Subscribe now and get the Harbour Light in your inbox before breakfast",
        "Become a member for just $2.50 a week, billed yearly.",
        "Your first month is a free trial, and you can cancel any time.",
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
    ["By Marco Reyes and Ana Li", "Marco Reyes and Ana Li"],
    ["By Marco Reyes, Staff Writer", "Marco Reyes"],
    ["By Marco Reyes in Lisle", "Marco Reyes"],
    ["By Marco Reyes, Ana Li and Tomas Berg", "Marco Reyes, Ana Li and Tomas Berg"],
    ["By Marco Reyes | Coastline Herald", "Marco Reyes"],
    ["By Ana de la Cruz", "Ana de la Cruz"],
    ["By The Coastline Wire", "The Coastline Wire"],
  ])("reads %j after a headline and a standfirst", (line, author) => {
    const a = read(
      `Pier to reopen in spring\nRepairs will cost the town less than feared\n${line}\nThe fire was out by noon.`,
    );
    expect(a.author).toBe(author);
    expect(a.title).toBe("Pier to reopen in spring");
    expect(a.text).not.toContain("By ");
  });

  it.each([
    ["Reporting by Marco Reyes; Editing by Ana Li", "Marco Reyes"],
    ["(Reporting by Marco Reyes in Lisle; Additional reporting by Tomas Berg; Editing by Ana Li)", "Marco Reyes"],
    ["Writing by Marco Reyes and Ana Li; Editing by Tomas Berg", "Marco Reyes and Ana Li"],
    ["Editing by Ana Li", undefined],
  ])("removes the credit line %j at the end and reads its author", (line, author) => {
    const a = read(`The fire was out by noon.\nThe pier stays shut.\n\n${line}`);
    expect(a.author).toBe(author);
    expect(a.text).toBe("The fire was out by noon.\nThe pier stays shut.");
  });

  it("removes a byline further down the text without replacing the author", () => {
    const a = read(
      "By Marco Reyes\nThe fire was out by noon.\nThe pier stays shut.\nThe ferry was late.\nBy Ana Li\nMore rain is due.",
    );
    expect(a.author).toBe("Marco Reyes");
    expect(a.text).not.toMatch(/By /);
  });

  it("reads the date after a byline's bar", () => {
    const a = read("Pier to reopen in spring\nBy Marco Reyes | March 14, 2026\nThe fire was out by noon.");
    expect(a).toMatchObject({ author: "Marco Reyes", published: "2026-03-14" });
    expect(a.text).toBe("Pier to reopen in spring\nThe fire was out by noon.");
  });

  it.each([
    "By Marco Reyes, the harbour master's deputy",
    "By Marco Reyes' own count, the pier lost ten boats.",
    "By Lisle standards, the storm was mild.",
  ])("does not read %j as a byline", (line) => {
    const a = read(`Pier to reopen in spring\n${line}\nThe fire was out by noon.`);
    expect(a.author).toBeUndefined();
    expect(a.text).toContain(line);
  });

  it.each([
    "Reporting by the harbour master's office was slow, residents said.",
    "Editing by hand took the crew three days.",
    "By Lisle the ferry had lost an hour.",
    "By Friday, the pier was open again.",
    "By The Sea",
  ])("keeps the sentence %j further down the text", (line) => {
    const a = read(`The fire was out by noon.\nThe pier stays shut.\nThe ferry was late.\n${line}`);
    expect(a.author).toBeUndefined();
    expect(a.text).toContain(line);
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

describe("headlines", () => {
  it.each([
    ["a headline line", "Pier to reopen in spring\nThe fire was out by noon.", "Pier to reopen in spring"],
    ["a headline that asks", "Is the pier safe?\n\nThe fire was out by noon.", "Is the pier safe?"],
    [
      "a headline given as a header and repeated",
      "Title: Pier to reopen\n\nPier to reopen\n\nThe fire was out.",
      "Pier to reopen",
    ],
  ])("takes %s as the title, left at the start of the text for compare to mark", (_label, raw, title) => {
    const a = read(raw);
    expect(a.title).toBe(title);
    expect(a.text.startsWith(title)).toBe(true);
  });

  it.each([
    ["a lead sentence", "The fire was out by noon.\nThe pier stays shut."],
    ["a single line", "Pier to reopen in spring"],
    ["a line ending in a comma", "When the fire was out,\nthe pier stayed shut."],
  ])("takes no title from %s", (_label, raw) => {
    expect(read(raw).title).toBeUndefined();
  });
});
