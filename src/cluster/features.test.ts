import { describe, expect, it } from "vitest";
import { entityKind, extractFeatures, stem } from "./features.js";

const entities = (text: string, title?: string) => [
  ...extractFeatures({ id: "d", text, ...(title ? { title } : {}) }).fields.entities.keys(),
];

describe("extractFeatures", () => {
  const rows: { text: string; has: string[]; not: string[] }[] = [
    {
      text: "Police in Marrow Bay arrested Lena Castell on Friday.",
      has: ["marrow bay", "lena castell", "castell", "bay"],
      not: ["police", "friday"],
    },
    { text: "Storms hit the coast. Residents of Dunmore fled.", has: ["dunmore"], not: ["storms", "residents"] },
    { text: "The mayor, Ada Quint, resigned in 2019.", has: ["ada quint", "2019"], not: ["the", "mayor"] },
    { text: "Rescuers said Kelvar Mining had shut the pit", has: ["kelvar mining"], not: ["rescuers"] },
  ];
  for (const row of rows) {
    it(`finds ${row.has.join(", ")} and not ${row.not.join(", ")}`, () => {
      const found = entities(row.text);
      for (const e of row.has) expect(found).toContain(e);
      for (const e of row.not) expect(found).not.toContain(e);
    });
  }

  it("keeps title terms in a field of their own, counts them in the body too, and drops stop words", () => {
    const f = extractFeatures({ id: "d", title: "Bridge closes", text: "The bridge was closed to traffic." });
    expect([...f.fields.title.keys()].sort()).toEqual(["bridg", "clos"]);
    expect(f.fields.body.get("bridg")).toBe(2);
    expect(f.fields.body.get("traffic")).toBe(1);
    expect(f.fields.title.has("traffic")).toBe(false);
    expect(f.fields.body.has("the")).toBe(false);
    expect(f.words).toEqual(["the", "bridge", "was", "closed", "to", "traffic"]);
  });

  it("takes no names, years or shingle words from the title (negative)", () => {
    const f = extractFeatures({ id: "d", title: "Orvel Dam fails in 2031", text: "The dam failed." });
    expect(f.fields.entities.size).toBe(0);
    expect(f.years).toEqual([]);
    expect(f.words).toEqual(["the", "dam", "failed"]);
  });

  it("counts repeated terms", () => {
    expect(extractFeatures({ id: "d", text: "Floods, floods and more flooding." }).fields.body.get("flood")).toBe(3);
  });
});

describe("stem", () => {
  it("meets inflections and leaves short words", () => {
    expect(stem("attacks")).toBe(stem("attacked"));
    expect(stem("attacking")).toBe(stem("attack"));
    expect(stem("cities")).toBe("city");
    expect(stem("bus")).toBe("bus");
    expect(stem("virus")).toBe("virus");
  });
});

describe("extractFeatures years", () => {
  const years = (text: string) => extractFeatures({ id: "d", text }).years;
  it("keeps the years of the lede once each, in order", () => {
    expect(years("Published 4 March 2031. The Orvel dam, opened in 1987, failed in 2031.")).toEqual(["2031", "1987"]);
  });
  it("leaves out figures that are not years and years after the lede (negative)", () => {
    expect(years("The storm cut power to 2500 homes and 1850 farms; 3021 stayed dark.")).toEqual([]);
    expect(years(`${"Crews worked all night on the line. ".repeat(20)}It last broke in 2011.`)).toEqual([]);
  });
});

describe("entityKind", () => {
  const rows: [string, ReturnType<typeof entityKind>][] = [
    ["ada quint", "name"],
    ["quint", "name"],
    ["2031", "year"],
    ["1987", "year"],
    ["5.6", "number"],
    ["300", "number"],
    ["1850", "number"], // not a year of the twentieth or twenty-first century
    ["20311", "number"], // five digits (negative)
    ["route 2031", "name"], // a name holding a year-like figure (negative)
  ];
  for (const [term, kind] of rows) it(`${term}: ${kind}`, () => expect(entityKind(term)).toBe(kind));
});

describe("extractFeatures between words", () => {
  it("closes a name at punctuation or a line break however many spaces stand around it", () => {
    const found = entities("Crews met Tova Renn ,  Ilse Marr\nand Oska Pell  .  Then rain came.");
    expect(found).toEqual(expect.arrayContaining(["tova renn", "ilse marr", "oska pell"]));
    expect(found).not.toContain("tova renn ilse marr");
    expect(found).not.toContain("ilse marr oska pell");
  });

  it("keeps a name run across single and double spaces alike", () => {
    expect(entities("Reports said Tova  Renn arrived.")).toContain("tova renn");
  });

  it("drops a possessive, straight or curly, and a final period, from the words", () => {
    const f = extractFeatures({ id: "d", text: "Renn’s boat and Marr's dock stood near St. Kessa today." });
    expect(f.words).toEqual(["renn", "boat", "and", "marr", "dock", "stood", "near", "st", "kessa", "today"]);
  });

  it("takes figures in other numerals as figures, and words starting with a letter not (negative)", () => {
    const found = entities("Crews counted ٤٥ boats and 12 barges near b52 and x9.");
    expect(found).toEqual(expect.arrayContaining(["٤٥", "12"]));
    expect(found).not.toContain("b52");
    expect(found).not.toContain("x9");
  });
});
