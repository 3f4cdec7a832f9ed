import { describe, expect, it } from "vitest";
import { annotated } from "../../test/fixtures.js";
import { resolveEntities } from "./entities.js";
import { foldName } from "./names.js";

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

  it("merges a name written family name first with its family name alone and its unhyphenated spelling", () => {
    const index = resolveEntities([
      annotated("a", "Choi Dae-hyun met Dario Venn in Tarvik. Mr Choi said Dario was tired.", [
        ["Choi Dae-hyun", "person"],
        ["Dario Venn", "person"],
        ["Mr Choi", "person"],
        ["Dario", "person"],
      ]),
      annotated("b", "Choi Dae Hyun left Tarvik on Monday.", [["Choi Dae Hyun", "person"]]),
    ]);
    expect(entityOf(index, "Choi Dae Hyun")?.id).toBe(entityOf(index, "Choi Dae-hyun")?.id);
    expect(entityOf(index, "Mr Choi")?.id).toBe(entityOf(index, "Choi Dae-hyun")?.id);
    expect(entityOf(index, "Dario")?.id).toBe(entityOf(index, "Dario Venn")?.id);
  });

  it("gives a one-word name to no fuller name when two begin with it or one ends with it", () => {
    const index = resolveEntities([
      annotated("a", "Dario Venn and Dario Lukas spoke. Dario left. Lukas Amari and Mr Lukas stayed.", [
        ["Dario Venn", "person"],
        ["Dario Lukas", "person"],
        ["Dario", "person"],
        ["Lukas Amari", "person"],
        ["Mr Lukas", "person"],
      ]),
    ]);
    expect(entityOf(index, "Dario")?.mentions).toHaveLength(1);
    expect(entityOf(index, "Mr Lukas")?.id).toBe(entityOf(index, "Dario Lukas")?.id);
    expect(entityOf(index, "Mr Lukas")?.id).not.toBe(entityOf(index, "Lukas Amari")?.id);
  });

  it("joins a storm's bare name to the storm, unless a person in the story is called by it", () => {
    const index = resolveEntities([
      annotated("a", "Hurricane Ilsa hit Tarvik. Ilsa then turned north, said Marta Velasquez.", [
        ["Hurricane Ilsa", "other"],
        ["Tarvik", "place"],
        ["Ilsa", "person"],
        ["Marta Velasquez", "person"],
      ]),
      annotated("b", "Ilsa flooded the port. Storm Berel followed. Marta said Berel was weaker than Ilsa.", [
        ["Ilsa", "person"],
        ["Storm Berel", "other"],
        ["Marta", "person"],
        ["Berel", "person"],
        ["Ilsa", "person"],
      ]),
    ]);
    const ilsa = entityOf(index, "Ilsa");
    expect(ilsa?.name).toBe("Hurricane Ilsa");
    expect(ilsa?.type).toBe("other");
    expect(ilsa?.mentions).toHaveLength(4);
    expect(entityOf(index, "Berel")?.name).toBe("Storm Berel");
    const named = resolveEntities([
      annotated("a", "Hurricane Ilsa hit Tarvik. Ilsa Marrow, a nurse, stayed. Ilsa was tired.", [
        ["Hurricane Ilsa", "other"],
        ["Tarvik", "place"],
        ["Ilsa Marrow", "person"],
        ["Ilsa", "person"],
      ]),
    ]);
    expect(entityOf(named, "Ilsa")?.name).toBe("Ilsa Marrow");
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

  it("merges a company named with and without 'Group' or 'Holdings', but not an organisation with a place", () => {
    const index = resolveEntities([
      annotated("a", "Tallow Group said Kestrel Holdings would buy the Pacific Group. The Pacific was calm.", [
        ["Tallow Group", "organization"],
        ["Kestrel Holdings", "organization"],
        ["Pacific Group", "organization"],
        ["Pacific", "place"],
      ]),
      annotated("b", "Tallow denied it, and Kestrel did not comment.", [
        ["Tallow", "organization"],
        ["Kestrel", "organization"],
      ]),
    ]);
    expect(entityOf(index, "Tallow Group")?.mentions).toHaveLength(2);
    expect(entityOf(index, "Kestrel")).toBe(entityOf(index, "Kestrel Holdings"));
    expect(entityOf(index, "Kestrel")?.mentions).toHaveLength(2);
    expect(entityOf(index, "Pacific Group")?.mentions).toHaveLength(1);
    expect(entityOf(index, "Pacific")?.type).toBe("place");
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

  it("keeps the type an article's words settled over other articles' guesses from the bare name", () => {
    const ship = annotated("a", "The barge, the Kestrel Star, hit the pier. The Kestrel Star was towed away.", [
      ["Kestrel Star", "other"],
      ["Kestrel Star", "other"],
    ]);
    for (const m of ship.mentions) m.settled = true;
    const guessed = ["b", "c", "d"].map((id) =>
      annotated(id, "Kestrel Star lost its steering. Ana Ruiz said.", [
        ["Kestrel Star", "person"],
        ["Ana Ruiz", "person"],
      ]),
    );
    expect(entityOf(resolveEntities([ship, ...guessed]), "Kestrel Star")?.type).toBe("other");
    // The same votes without the settled reading go to the guess.
    for (const m of ship.mentions) delete m.settled;
    expect(entityOf(resolveEntities([ship, ...guessed]), "Kestrel Star")?.type).toBe("person");
  });
});

describe("resolveEntities: an organisation shortened to its kind", () => {
  const full = (id: string, extra = "") =>
    annotated(id, `Velmar Port Authority shut the quay. The Port Authority said it was unsafe.${extra}`, [
      ["Velmar Port Authority", "organization"],
      ["Port Authority", "organization"],
    ]);

  it("joins the short name to the one long name its article also writes", () => {
    const index = resolveEntities([full("a")]);
    expect(entityOf(index, "Port Authority")?.id).toBe(entityOf(index, "Velmar Port Authority")?.id);
  });

  it("keeps apart a short name some article writes alone (negative row)", () => {
    const alone = annotated("b", "The Port Authority of another country met.", [["Port Authority", "organization"]]);
    const index = resolveEntities([full("a"), alone]);
    expect(entityOf(index, "Port Authority")?.id).not.toBe(entityOf(index, "Velmar Port Authority")?.id);
  });

  it("keeps apart a short name that ends two long ones (negative row)", () => {
    const index = resolveEntities([
      full("a", " Portavel Port Authority agreed."),
      annotated("c", "Portavel Port Authority agreed.", [["Portavel Port Authority", "organization"]]),
    ]);
    expect(entityOf(index, "Port Authority")?.id).not.toBe(entityOf(index, "Velmar Port Authority")?.id);
    expect(entityOf(index, "Port Authority")?.id).not.toBe(entityOf(index, "Portavel Port Authority")?.id);
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

function holderOf(index: ReturnType<typeof resolveEntities>, form: string) {
  const key = foldName(form);
  const found = index.entities.filter((e) => [e.name, ...e.aliases].some((f) => foldName(f) === key));
  return found.length === 1 ? found[0] : undefined;
}

describe("resolveEntities: royal names", () => {
  // The detector finds names without their titles; the titles are read from the text before them.
  const story = [
    annotated(
      "a",
      "Queen Ada II of Norvania died on Monday at Glenmorrow Castle. Her father, King Edgar VI, reigned before her. " +
        "Her grandson Prince Edgar laid a wreath. King Tomas III, her son, spoke. Prince Rollo and Prince Will followed.",
      [
        ["Ada II", "person"],
        ["Norvania", "place"],
        ["Glenmorrow Castle", "place"],
        ["Edgar VI", "person"],
        ["Edgar", "person"],
        ["Tomas III", "person"],
        ["Rollo", "person"],
        ["Will", "person"],
      ],
    ),
    annotated(
      "b",
      "Crowds mourned Queen Ada at Glenmorrow, where she died. King Tomas said his mother Ada was loved. " +
        "Edgar VI had been king before her. Rollo waved. Edgar stood apart.",
      [
        ["Ada", "person"],
        ["Glenmorrow", "place"],
        ["Tomas", "person"],
        ["Ada", "person"],
        ["Edgar VI", "person"],
        ["Rollo", "person"],
        ["Edgar", "person"],
      ],
    ),
  ];
  const index = resolveEntities(story);

  it.each([
    [["Queen Ada II", "Queen Ada", "Ada"], "a regnal name, its titled forms and the bare given name"],
    [["King Tomas III", "King Tomas"], "a king with and without his number"],
    [["King Edgar VI", "Edgar VI"], "a numbered name with and without its title"],
    [["Prince Rollo", "Rollo"], "a prince and his bare given name"],
  ])("carries the written forms %j as one person (%s)", (forms) => {
    const holders = new Set(forms.map((f) => holderOf(index, f)?.id));
    expect(holders.size).toBe(1);
    expect([...holders][0]).toBeDefined();
    expect(holderOf(index, forms[0] as string)?.type).toBe("person");
  });

  it.each([
    ["Prince Edgar", "King Edgar VI"],
    ["King Tomas", "King Edgar VI"],
    ["Prince Will", "Prince Edgar"],
    ["Prince Rollo", "Prince Will"],
    ["Queen Ada", "King Tomas"],
  ])("keeps %j apart from %j", (a, b) => {
    const ea = holderOf(index, a);
    const eb = holderOf(index, b);
    expect(ea).toBeDefined();
    expect(eb).toBeDefined();
    expect(ea?.id).not.toBe(eb?.id);
  });

  it("leaves a bare given name two royal people share with neither", () => {
    const bare = holderOf(index, "Edgar");
    expect(bare?.mentions).toHaveLength(1);
    expect(bare?.id).not.toBe(holderOf(index, "Prince Edgar")?.id);
    expect(bare?.id).not.toBe(holderOf(index, "Edgar VI")?.id);
    expect(index.byName("Edgar")?.id).toBe(bare?.id);
    expect(index.byName("Prince Edgar")?.id).toBe(holderOf(index, "Prince Edgar")?.id);
  });

  it("names a royal person without the title and finds them by a titled form", () => {
    expect(holderOf(index, "Queen Ada")?.name).toBe("Queen Ada II");
    expect(holderOf(index, "Rollo")?.name).toBe("Prince Rollo");
    expect(index.byName("Queen Ada")?.id).toBe(holderOf(index, "Queen Ada II")?.id);
  });

  it("reads titles written inside the mention as those written before it", () => {
    const titled = resolveEntities([
      annotated("a", "Queen Ada II waved. Queen Ada smiled. Prince Ada-Lise left.", [
        ["Queen Ada II", "person"],
        ["Queen Ada", "person"],
        ["Prince Ada-Lise", "person"],
      ]),
    ]);
    expect(holderOf(titled, "Queen Ada")?.id).toBe(holderOf(titled, "Queen Ada II")?.id);
  });

  it("reads no title across the end of a sentence", () => {
    const index2 = resolveEntities([
      annotated("a", "Crowds cheered the King. Rollo Kestrel said so. Gen. Ada Vell agreed.", [
        ["Rollo Kestrel", "person"],
        ["Ada Vell", "person"],
      ]),
    ]);
    expect(holderOf(index2, "King. Rollo Kestrel")).toBeUndefined();
    expect(holderOf(index2, "Rollo Kestrel")?.aliases).toEqual([]);
    expect(holderOf(index2, "Ada Vell")?.aliases).toEqual(["Gen. Ada Vell"]);
  });

  it("does not take a prince for a numbered king written without his title", () => {
    const index2 = resolveEntities([
      annotated("a", "Edgar VI reigned for years. Prince Edgar, his great-grandson, spoke.", [
        ["Edgar VI", "person"],
        ["Edgar", "person"],
      ]),
    ]);
    expect(holderOf(index2, "Prince Edgar")?.id).not.toBe(holderOf(index2, "Edgar VI")?.id);
  });

  it("does not give a bare given name to a royal person when another person has that name", () => {
    const index2 = resolveEntities([
      annotated("a", "Prince Rollo toured the port. Rollo Kestrel, the harbour master, met him. Rollo smiled.", [
        ["Rollo", "person"],
        ["Rollo Kestrel", "person"],
        ["Rollo", "person"],
      ]),
    ]);
    expect(holderOf(index2, "Prince Rollo")?.mentions).toHaveLength(1);
    expect(holderOf(index2, "Rollo Kestrel")?.mentions).toHaveLength(1);
  });
});

describe("resolveEntities: names split by an editor's bracket", () => {
  it("reads '(President Ada) Kestrel's' as the name Ada Kestrel", () => {
    const index = resolveEntities([
      annotated("a", 'He said "a regime like (Norvanian President Ada) Kestrel\'s must not win".', [
        ["Ada", "person"],
        ["Kestrel's", "person"],
      ]),
      annotated("b", "Kestrel denied it.", [["Kestrel", "person"]]),
    ]);
    const e = holderOf(index, "Ada Kestrel");
    expect(e?.type).toBe("person");
    expect(e?.aliases).toContain("Kestrel");
    expect(e?.mentions).toHaveLength(3);
  });

  it("does not join a name to one after a bracket that closed before it", () => {
    const index = resolveEntities([
      annotated("a", "Talks (held in May) Ada Kestrel said were over. Rollo (and Ada) Kestrel went home.", [
        ["Ada Kestrel", "person"],
        ["Rollo", "person"],
        ["Ada", "person"],
        ["Kestrel", "person"],
      ]),
    ]);
    expect(holderOf(index, "Rollo Ada")).toBeUndefined();
    expect(holderOf(index, "Ada")?.id).not.toBe(holderOf(index, "Rollo")?.id);
  });
});

describe("resolveEntities: countries", () => {
  const index = resolveEntities([
    annotated(
      "a",
      "The US and the U.S. Navy. The United States and America agreed. The UK, the U.K. and Britain. " +
        "Great Britain and the United Kingdom. England and Latin America. Burma, now Myanmar.",
      [
        ["US", "place"],
        ["U.S.", "place"],
        ["United States", "place"],
        ["America", "place"],
        ["UK", "organization"],
        ["U.K.", "place"],
        ["Britain", "place"],
        ["Great Britain", "place"],
        ["United Kingdom", "place"],
        ["England", "place"],
        ["Latin America", "place"],
        ["Burma", "place"],
        ["Myanmar", "place"],
      ],
    ),
  ]);

  it.each([
    [["US", "U.S.", "United States", "America"]],
    [["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"]],
    [["Burma", "Myanmar"]],
  ])("makes %j one place", (forms) => {
    const holders = new Set(forms.map((f) => holderOf(index, f)?.id));
    expect(holders.size).toBe(1);
    expect(holderOf(index, forms[0] as string)?.type).toBe("place");
  });

  it.each([
    ["England", "Britain"],
    ["Latin America", "America"],
    ["UK", "US"],
  ])("keeps %j apart from %j", (a, b) => {
    expect(holderOf(index, a)?.id).toBeDefined();
    expect(holderOf(index, a)?.id).not.toBe(holderOf(index, b)?.id);
  });
});

describe("resolveEntities: organisations' long and short forms", () => {
  const index = resolveEntities([
    annotated(
      "a",
      "The Ministry of Fisheries (MOF) said the Kestrel Fisheries Authority agreed. The Norvale Assembly of Nations met, " +
        "and the United Nations Security Council too. Kataib Tamrit and Tamrit disagreed.",
      [
        ["Ministry of Fisheries", "organization"],
        ["MOF", "organization"],
        ["Kestrel Fisheries Authority", "organization"],
        ["Norvale Assembly of Nations", "organization"],
        ["United Nations Security Council", "organization"],
        ["Kataib Tamrit", "organization"],
        ["Tamrit", "organization"],
      ],
    ),
    annotated(
      "b",
      "The Fisheries Ministry and MOF denied it. The Norvale Assembly and the UN Security Council ignored the Ministry of Finance.",
      [
        ["Fisheries Ministry", "organization"],
        ["MOF", "organization"],
        ["Norvale Assembly", "organization"],
        ["UN Security Council", "organization"],
        ["Ministry of Finance", "organization"],
      ],
    ),
  ]);

  it.each([
    [
      ["Ministry of Fisheries", "MOF", "Fisheries Ministry"],
      "a head and what it is of, in either order, and its acronym",
    ],
    [["United Nations Security Council", "UN Security Council"], "an acronym for the leading part of a name"],
    [["Norvale Assembly", "Norvale Assembly of Nations"], "a name and its only longer 'of' form"],
  ])("merges %j (%s)", (forms) => {
    const holders = new Set(forms.map((f) => holderOf(index, f)?.id));
    expect(holders.size).toBe(1);
    expect(holderOf(index, forms[0] as string)?.type).toBe("organization");
  });

  it.each([
    ["Tamrit", "Kataib Tamrit"],
    ["Fisheries Ministry", "Ministry of Finance"],
    ["Ministry of Fisheries", "Kestrel Fisheries Authority"],
  ])("keeps %j apart from %j", (a, b) => {
    expect(holderOf(index, a)?.id).toBeDefined();
    expect(holderOf(index, a)?.id).not.toBe(holderOf(index, b)?.id);
  });

  it("reads an acronym used without its definition as the one name it spells, joining words included", () => {
    const one = resolveEntities([
      annotated("a", "The Ministry of Fisheries said so. The MOF and the U.N. agreed with the United Nations.", [
        ["Ministry of Fisheries", "organization"],
        ["MOF", "organization"],
        ["U.N.", "organization"],
        ["United Nations", "organization"],
      ]),
    ]);
    expect(holderOf(one, "MOF")?.id).toBe(holderOf(one, "Ministry of Fisheries")?.id);
    expect(holderOf(one, "U.N.")?.id).toBe(holderOf(one, "United Nations")?.id);
    const two = resolveEntities([
      annotated("a", "The Ministry of Fisheries and the Ministry of Forests met. The MOF said so.", [
        ["Ministry of Fisheries", "organization"],
        ["Ministry of Forests", "organization"],
        ["MOF", "organization"],
      ]),
    ]);
    expect(holderOf(two, "MOF")?.mentions).toHaveLength(1);
  });

  it("keeps apart the ministries of two places that are both named", () => {
    const two = resolveEntities([
      annotated("a", "Norvania's Ministry of Fisheries and Tarnby's Fisheries Ministry disagreed.", [
        ["Norvania", "place"],
        ["Ministry of Fisheries", "organization"],
        ["Tarnby", "place"],
        ["Fisheries Ministry", "organization"],
      ]),
    ]);
    expect(holderOf(two, "Ministry of Fisheries")?.id).not.toBe(holderOf(two, "Fisheries Ministry")?.id);
    const one = resolveEntities([
      annotated("a", "Norvania's Ministry of Fisheries spoke, and the Fisheries Ministry later denied it.", [
        ["Norvania", "place"],
        ["Ministry of Fisheries", "organization"],
        ["Fisheries Ministry", "organization"],
      ]),
    ]);
    expect(holderOf(one, "Ministry of Fisheries")?.id).toBe(holderOf(one, "Fisheries Ministry")?.id);
  });

  it("leaves a short name apart when two longer names start with it", () => {
    const two = resolveEntities([
      annotated("a", "The Norvale Assembly of Nations, the Norvale Assembly Games and the Norvale Assembly.", [
        ["Norvale Assembly of Nations", "organization"],
        ["Norvale Assembly Games", "organization"],
        ["Norvale Assembly", "organization"],
      ]),
    ]);
    expect(holderOf(two, "Norvale Assembly")?.mentions).toHaveLength(1);
  });
});

describe("resolveEntities: sites", () => {
  const index = resolveEntities([
    annotated(
      "a",
      "She died at Glenmorrow. Kestrel Abbey and Kestrel Hall were full. Lyon Bridge closed, and Lyon was quiet. Tarnby Airport reopened.",
      [
        ["Glenmorrow", "place"],
        ["Kestrel Abbey", "organization"],
        ["Kestrel Hall", "organization"],
        ["Lyon Bridge", "place"],
        ["Lyon", "place"],
        ["Tarnby Airport", "organization"],
      ],
    ),
    annotated("b", "She died at Glenmorrow Castle. Kestrel was closed.", [
      ["Glenmorrow Castle", "organization"],
      ["Kestrel", "place"],
    ]),
  ]);

  it("joins a site's short name to its only longer form, as a place", () => {
    const e = holderOf(index, "Glenmorrow");
    expect(e?.id).toBe(holderOf(index, "Glenmorrow Castle")?.id);
    expect(e?.type).toBe("place");
  });

  it.each([["Kestrel Abbey"], ["Tarnby Airport"]])("types %j a place", (form) => {
    expect(holderOf(index, form)?.type).toBe("place");
  });

  it.each([
    ["Kestrel", "Kestrel Abbey", "two longer names start with it"],
    ["Lyon", "Lyon Bridge", "the short name is a known city"],
  ])("keeps %j apart from %j (%s)", (a, b) => {
    expect(holderOf(index, a)?.id).toBeDefined();
    expect(holderOf(index, a)?.id).not.toBe(holderOf(index, b)?.id);
  });

  it("keeps a hall typed as written", () => {
    expect(holderOf(index, "Kestrel Hall")?.type).toBe("organization");
  });
});

describe("resolveEntities: one type for a person's name", () => {
  it("takes a full name typed an organisation for the person its surname names", () => {
    const index = resolveEntities([
      annotated("a", "Raj Okonkwo said the plan was sound.", [["Raj Okonkwo", "organization"]]),
      annotated("b", "Okonkwo said it again. Okonkwo left.", [
        ["Okonkwo", "person"],
        ["Okonkwo", "person"],
      ]),
    ]);
    const e = holderOf(index, "Raj Okonkwo");
    expect(e).toMatchObject({ name: "Raj Okonkwo", type: "person" });
    expect(e?.mentions).toHaveLength(3);
  });

  it.each([
    ["an organisation's head word", "Okonkwo Capital"],
    ["a joining word", "House of Okonkwo"],
  ])("keeps an organisation with %s apart from the person", (_, org) => {
    const index = resolveEntities([
      annotated("a", `${org} said the plan was sound. Okonkwo agreed.`, [
        [org, "organization"],
        ["Okonkwo", "person"],
      ]),
    ]);
    expect(holderOf(index, org)?.type).toBe("organization");
    expect(holderOf(index, org)?.id).not.toBe(holderOf(index, "Okonkwo")?.id);
  });

  it("does not take a word the story writes in lower case for a given name", () => {
    const index = resolveEntities([
      annotated("a", "Crooked Okonkwo, his rivals call him. Okonkwo called the claim crooked.", [
        ["Crooked Okonkwo", "other"],
        ["Okonkwo", "person"],
      ]),
    ]);
    expect(holderOf(index, "Crooked Okonkwo")?.type).toBe("other");
    expect(holderOf(index, "Crooked Okonkwo")?.id).not.toBe(holderOf(index, "Okonkwo")?.id);
  });

  it("does not retype when the person's full name is given elsewhere", () => {
    const index = resolveEntities([
      annotated("a", "Tessa Okonkwo and Bright Okonkwo met. Okonkwo said so.", [
        ["Tessa Okonkwo", "person"],
        ["Bright Okonkwo", "organization"],
        ["Okonkwo", "person"],
      ]),
    ]);
    expect(holderOf(index, "Bright Okonkwo")?.type).toBe("organization");
  });
});

describe("resolveEntities: datelines and credit lines", () => {
  const index = resolveEntities([
    annotated("a", "ODDAVELLEN (Kestrel) - Floods hit Oddavellen on Monday, officials said.\n\nKESTREL", [
      ["ODDAVELLEN", "place"],
      ["Kestrel", "place"],
      ["Oddavellen", "place"],
      ["KESTREL", "place"],
    ]),
    annotated("c", "ODDAVELLEN - Rain fell.", [["ODDAVELLEN", "place"]]),
    annotated("d", "ODDAVELLEN - Rain fell again.", [["ODDAVELLEN", "place"]]),
    annotated("b", "Floods hit Oddavellen.\n\nReporting by Ada Vell; editing by Kestrel", [
      ["Oddavellen", "place"],
      ["Ada Vell", "person"],
      ["Kestrel", "organization"],
    ]),
  ]);

  it("joins a dateline in capitals to the name and names it as written in the text", () => {
    const e = holderOf(index, "ODDAVELLEN");
    expect(e?.name).toBe("Oddavellen");
    expect(e?.mentions).toHaveLength(5);
  });

  it("drops an agency credit taken for a place, and keeps one typed an organisation", () => {
    const kestrel = holderOf(index, "Kestrel");
    expect(kestrel?.type).toBe("organization");
    expect(kestrel?.mentions.map((m) => m.article)).toEqual(["b"]);
  });
});
