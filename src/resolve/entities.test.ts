import { describe, expect, it } from "vitest";
import { annotated } from "../../test/fixtures.js";
import { resolveEntities } from "./entities.js";

function entityOf(index: ReturnType<typeof resolveEntities>, form: string) {
  return index.entities.find((e) => e.name === form || e.aliases.includes(form));
}

describe("resolveEntities", () => {
  const story = [
    annotated(
      "a",
      "Harakat al-Sahel fighters and the Coastal Security Directorate (CSD) met Marta Velasquez. Velasquez's office said the Port Authority and the Northern Port Authority agreed. Karim al-Haddad spoke in Chad.",
      [
        ["Harakat al-Sahel", "organization"],
        ["Coastal Security Directorate", "organization"],
        ["CSD", "organization"],
        ["Marta Velasquez", "person"],
        ["Velasquez's", "person"],
        ["Port Authority", "organization"],
        ["Northern Port Authority", "organization"],
        ["Karim al-Haddad", "person"],
        ["Chad", "place"],
      ],
    ),
    annotated(
      "b",
      "Harakat al-Saheel and the CSD denied it. Mayor Velasquez and Haddad disagreed. Chad Miller was not there. Mali and Bali and the Tamrits and a Tamrit spokesman.",
      [
        ["Harakat al-Saheel", "organization"],
        ["CSD", "organization"],
        ["Mayor Velasquez", "person"],
        ["Haddad", "person"],
        ["Chad Miller", "person"],
        ["Mali", "place"],
        ["Bali", "place"],
        ["Tamrits", "organization"],
        ["Tamrit", "organization"],
      ],
    ),
  ];
  const index = resolveEntities(story);

  it.each([
    [["Harakat al-Sahel", "Harakat al-Saheel"], "organization", "transliteration variants one letter apart"],
    [["Coastal Security Directorate", "CSD"], "organization", "an acronym defined in the text and used elsewhere"],
    [["Marta Velasquez", "Velasquez", "Mayor Velasquez"], "person", "surname, possessive and titled forms"],
    [["Karim al-Haddad", "Haddad"], "person", "an al- name and its bare surname"],
    [["Tamrits", "Tamrit"], "organization", "plural and singular"],
  ])("merges %j (%s)", (forms, type) => {
    const holders = new Set(forms.map((f) => entityOf(index, f)?.id));
    expect(holders.size).toBe(1);
    expect([...holders][0]).toBeDefined();
    expect(entityOf(index, forms[0] as string)?.type).toBe(type);
  });

  it("names an entity by its fullest form", () => {
    expect(entityOf(index, "CSD")?.name).toBe("Coastal Security Directorate");
    expect(entityOf(index, "Velasquez")?.name).toBe("Marta Velasquez");
  });

  it.each([
    ["Port Authority", "Northern Port Authority"],
    ["Chad", "Chad Miller"],
    ["Mali", "Bali"],
    ["Marta Velasquez", "Karim al-Haddad"],
  ])("keeps %j apart from %j", (a, b) => {
    const ea = entityOf(index, a);
    const eb = entityOf(index, b);
    expect(ea).toBeDefined();
    expect(eb).toBeDefined();
    expect(ea?.id).not.toBe(eb?.id);
  });

  it("keeps every mention with offsets into its article, and finds entities by mention and by name", () => {
    const texts = new Map(story.map((a) => [a.article.id, a.article.text]));
    const all = index.entities.flatMap((e) => e.mentions);
    expect(all).toHaveLength(story.reduce((n, a) => n + a.mentions.length, 0));
    for (const m of all) expect(texts.get(m.article)?.slice(m.start, m.end)).toBe(m.text);
    const haddad = entityOf(index, "Haddad");
    const m = haddad?.mentions.find((x) => x.article === "b");
    expect(m && index.byMention("b", m.start, m.end)?.id).toBe(haddad?.id);
    expect(index.byName("the Coastal Security Directorate's")?.id).toBe(entityOf(index, "CSD")?.id);
  });

  it("does not depend on the order of the articles", () => {
    const reversed = resolveEntities([...story].reverse());
    const summary = (i: ReturnType<typeof resolveEntities>) =>
      i.entities.map((e) => [e.name, [...e.aliases].sort()].flat().join("|")).sort();
    expect(summary(reversed)).toEqual(summary(index));
  });
});

describe("resolveEntities: typed names and untyped forms", () => {
  it("names and types an entity by its typed form when an adjective form joins it untyped", () => {
    const index = resolveEntities([
      annotated(
        "a",
        "Nigerian officials said the Nigerian army and Nigerian police had left. Talks in Nigeria resumed with Nigerian envoys.",
        [
          ["Nigerian", "other"],
          ["Nigerian", "other"],
          ["Nigerian", "other"],
          ["Nigeria", "place"],
          ["Nigerian", "other"],
        ],
      ),
    ]);
    const nigeria = entityOf(index, "Nigeria");
    expect(nigeria).toMatchObject({ name: "Nigeria", type: "place" });
    expect(nigeria?.mentions).toHaveLength(5);
  });

  it("merges a ranked form of a person's name with the plain one and names the person without the rank", () => {
    const index = resolveEntities([
      annotated("a", "Commodore Nirad Patel, a navy spokesman, said the ship was safe.", [
        ["Commodore Nirad Patel", "person"],
      ]),
      annotated("b", "Nirad Patel said the crew was safe. Patel gave no details.", [
        ["Nirad Patel", "person"],
        ["Patel", "person"],
      ]),
    ]);
    const patel = entityOf(index, "Patel");
    expect(patel?.name).toBe("Nirad Patel");
    expect(patel?.aliases).toContain("Commodore Nirad Patel");
    expect(patel?.mentions).toHaveLength(3);
  });

  it("merges a name given with and without its middle name, and a constable's rank", () => {
    const index = resolveEntities([
      annotated("a", "Police arrested Eric Allen Kestrell. Constable Tim Varga said Kestrell was calm.", [
        ["Eric Allen Kestrell", "person"],
        ["Constable Tim Varga", "person"],
        ["Kestrell", "person"],
      ]),
      annotated("b", "Eric Kestrell, 40, was held. Tim Varga said the street was closed. Varga gave no name.", [
        ["Eric Kestrell", "person"],
        ["Tim Varga", "person"],
        ["Varga", "person"],
      ]),
    ]);
    expect(entityOf(index, "Eric Kestrell")?.name).toBe("Eric Allen Kestrell");
    expect(entityOf(index, "Kestrell")?.mentions).toHaveLength(3);
    expect(entityOf(index, "Constable Tim Varga")?.mentions).toHaveLength(3);
  });

  it("keeps apart two people who share first and last name but not the middle one", () => {
    const index = resolveEntities([
      annotated("a", "Eric Allen Kestrell and Eric Paul Kestrell are brothers. Eric Kestrell spoke.", [
        ["Eric Allen Kestrell", "person"],
        ["Eric Paul Kestrell", "person"],
        ["Eric Kestrell", "person"],
      ]),
    ]);
    expect(entityOf(index, "Eric Allen Kestrell")?.id).not.toBe(entityOf(index, "Eric Paul Kestrell")?.id);
    expect(entityOf(index, "Eric Kestrell")?.mentions).toHaveLength(1);
  });

  it("merges a company with and without its legal form, and drops a title standing alone", () => {
    const index = resolveEntities([
      annotated("a", "TallOak Distribution Ltd. sold the shop. Mr. said nothing.", [
        ["TallOak Distribution Ltd.", "organization"],
        ["Mr.", "person"],
      ]),
      annotated("b", "TallOak Distribution denied it.", [["TallOak Distribution", "organization"]]),
    ]);
    expect(entityOf(index, "TallOak Distribution")?.mentions).toHaveLength(2);
    expect(index.entities.some((e) => e.name === "Mr.")).toBe(false);
  });

  it("reads 'Mt' as 'Mount' in a place's name", () => {
    const index = resolveEntities([
      annotated("a", "Two climbers died on Mt Kestrel.", [["Mt Kestrel", "place"]]),
      annotated("b", "Two climbers died on Mount Kestrel.", [["Mount Kestrel", "place"]]),
    ]);
    expect(entityOf(index, "Mt Kestrel")?.mentions).toHaveLength(2);
  });

  it("keeps an office's full name for an organisation", () => {
    const index = resolveEntities([
      annotated("a", "The Foreign Ministry said talks would go on. The ministry gave no date.", [
        ["Foreign Ministry", "organization"],
      ]),
    ]);
    expect(entityOf(index, "Foreign Ministry")?.name).toBe("Foreign Ministry");
  });

  it("keeps the majority type of a name the detector typed several ways", () => {
    const index = resolveEntities([
      annotated("a", "Delta Shipping said it would sue. Delta Shipping denied it. Delta Shipping had no comment.", [
        ["Delta Shipping", "other"],
        ["Delta Shipping", "other"],
        ["Delta Shipping", "person"],
      ]),
    ]);
    expect(entityOf(index, "Delta Shipping")?.type).toBe("other");
  });
});

describe("resolveEntities: organisations shortened to a part", () => {
  const story = [
    annotated("a", "Harakat al-Sahel and Liwa Tamrit met.", [
      ["Harakat al-Sahel", "organization"],
      ["Liwa Tamrit", "organization"],
    ]),
    annotated("b", "Sahel fighters and Tamrit denied it.", [
      ["Sahel", "organization"],
      ["Tamrit", "organization"],
    ]),
  ];
  const index = resolveEntities(story);

  it("links a short form to the article-marked last part of one organisation's name", () => {
    expect(entityOf(index, "Sahel")?.id).toBe(entityOf(index, "Harakat al-Sahel")?.id);
  });

  it("does not take a group named after another group for that group", () => {
    expect(entityOf(index, "Tamrit")?.id).not.toBe(entityOf(index, "Liwa Tamrit")?.id);
  });
});
