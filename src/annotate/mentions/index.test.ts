import { describe, expect, it } from "vitest";
import { defaultLexicon } from "../../lexicon/index.js";
import type { EntityType, Mention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { detectMentions } from "./index.js";

function detect(text: string): Mention[] {
  return detectMentions({ text, ...tokenize(text) });
}

function typeOf(text: string, name: string): EntityType | undefined {
  return detect(text).find((m) => m.text === name)?.type;
}

const PERSON_ORG_PLACE = new Set<EntityType>(["person", "organization", "place"]);

describe("detectMentions finds names and types them", () => {
  const rows: [string, string, EntityType][] = [
    ["President Omar Haddad met the delegation in Amman on Monday.", "Omar Haddad", "person"],
    ["President Omar Haddad met the delegation in Amman on Monday.", "Amman", "place"],
    ["The talks were held in Geneva, a spokesman said.", "Geneva", "place"],
    ["According to Marta Kowalczyk, the Velmar Group will open an office in Gdansk.", "Marta Kowalczyk", "person"],
    ["According to Marta Kowalczyk, the Velmar Group will open an office in Gdansk.", "Velmar Group", "organization"],
    ["According to Marta Kowalczyk, the Velmar Group will open an office in Gdansk.", "Gdansk", "place"],
    ["A statement from the Ministry of Defence denied the report.", "Ministry of Defence", "organization"],
    ["Envoys of the Islamic Republic of Mauritania arrived late.", "Islamic Republic of Mauritania", "place"],
    ["Voters backed the Party for Freedom and Renewal in the north.", "Party for Freedom and Renewal", "organization"],
    ["Gen. Tomas Brandt inspected the troops near Riga.", "Tomas Brandt", "person"],
    ["Gen. Tomas Brandt inspected the troops near Riga.", "Riga", "place"],
    ["Dr. Helen Okafor told reporters the clinic was full.", "Helen Okafor", "person"],
    ["The IRGC and NATO both issued statements on Friday.", "IRGC", "organization"],
    ["The IRGC and NATO both issued statements on Friday.", "NATO", "organization"],
    ["US and UK officials met in Paris.", "US", "place"],
    ["US and UK officials met in Paris.", "UK", "place"],
    ["Fighters of the Southern Liberation Front attacked a convoy.", "Southern Liberation Front", "organization"],
    ["Shares of Norcastle Energy Inc rose sharply.", "Norcastle Energy Inc", "organization"],
    ["She studied at Harvard University before moving to Nairobi.", "Harvard University", "organization"],
    ["Abu Karim al-Zahrani, the group's leader, said the attack had failed.", "Abu Karim al-Zahrani", "person"],
    ["REBELS SEIZE TOWN NEAR KANDAHAR", "KANDAHAR", "place"],
    ["Officials in New York and Los Angeles said the plan was ready.", "New York", "place"],
    ["Officials in New York and Los Angeles said the plan was ready.", "Los Angeles", "place"],
    ["Troops crossed into the West Bank overnight.", "West Bank", "place"],
    ["Analyst Priya Raman of Belford Capital said markets were calm.", "Priya Raman", "person"],
    ["Analyst Priya Raman of Belford Capital said markets were calm.", "Belford Capital", "organization"],
    ["Chile's envoy met Qatar’s foreign minister.", "Chile", "place"],
    ["Chile's envoy met Qatar’s foreign minister.", "Qatar", "place"],
    ["Commanders from Liwa Tarin, Saraya Vel and Jund Omari met on Sunday.", "Saraya Vel", "organization"],
    ["Commanders from Liwa Tarin, Saraya Vel and Jund Omari met on Sunday.", "Jund Omari", "organization"],
    ["Kel Marrow, one of the largest militias in the north, denied the claim.", "Kel Marrow", "organization"],
    ["Officials visited cities such as Tarvik and Olmen last week.", "Olmen", "place"],
    ["Dockers Agree to End Walkout After Talks in Sfax", "Sfax", "place"],
    ["Leicester 2 Tarnby 1", "Tarnby", "organization"],
    ["Officials said Choi Dae-hyun met Park Min-jun in Tarvik.", "Choi Dae-hyun", "person"],
    ["Officials said Choi Dae-hyun met Park Min-jun in Tarvik.", "Park Min-jun", "person"],
    // Short words capitalised around a lower-case verb: a sentence, not a title-case headline.
    ["Officials met the Velmar Group on Monday.", "Velmar Group", "organization"],
  ];
  it.each(rows)("%s -> %s is %s", (text, name, type) => {
    expect(typeOf(text, name)).toBe(type);
  });
});

describe("detectMentions leaves common words, dates and adjectives alone", () => {
  const rows: [string, string][] = [
    ["However, the talks in Geneva stalled on Monday.", "However"],
    ["However, the talks in Geneva stalled on Monday.", "Monday"],
    ["The ceasefire held through March and April.", "The"],
    ["The ceasefire held through March and April.", "March"],
    ["The ceasefire held through March and April.", "April"],
    ["Officials said the Prime Minister would travel.", "Officials"],
    ["Officials said the Prime Minister would travel.", "Prime Minister"],
    ["Chilean officials said the convoy was hit.", "Chilean"],
    ["Syrian and Turkish forces clashed overnight.", "Syrian"],
    ["Yesterday the council voted again.", "Yesterday"],
    ["Several people were hurt, police said.", "Several"],
    ["Meanwhile prices rose at 1200 GMT.", "GMT"],
    ["Rescue teams searched the rubble for survivors.", "Rescue"],
    ["Dockers Agree to End Walkout After Talks in Sfax", "Agree"],
    ["Dockers Agree to End Walkout After Talks in Sfax", "Walkout"],
    ["A London-based charity paid for the repairs.", "London"],
    ["Talks on the Russia-Ukraine ceasefire resumed.", "Russia-Ukraine"],
    ["Pilots flew F-16 jets over the capital.", "F-16"],
    ["The Kremlin-backed party won in Tarvik.", "Kremlin-backed"],
    ["Voters in Tarvik rejected the Velmar-led council.", "Velmar-led"],
    ["Officials said Velmar Tory-era rules would go.", "Tory-era"],
  ];
  it.each(rows)("%s -> no person, organisation or place %s", (text, word) => {
    const hit = detect(text).find((m) => m.text === word || m.text.split(" ").includes(word));
    expect(hit === undefined || !PERSON_ORG_PLACE.has(hit.type)).toBe(true);
  });
});

describe("detectMentions: names news conventions settle", () => {
  // [text, exact span expected, type] or [text, span, undefined] for a span that must not be a mention.
  const rows: [string, string, EntityType | undefined][] = [
    ["Storm Ilsa hit the coast on Monday.", "Storm Ilsa", "other"],
    ["Storm Ilsa hit the coast on Monday.", "Ilsa", undefined],
    ["Residents fled as Hurricane Marta neared the islands.", "Hurricane Marta", "other"],
    ["Tropical Storm Berel weakened overnight.", "Tropical Storm Berel", "other"],
    ["Operation Red Dawn began at first light.", "Operation Red Dawn", "other"],
    ["Veterans of the Sino-Tibetan War gathered in Lhasa.", "Sino-Tibetan War", "other"],
    ["LAGOS, March 3 (Reuters) - Nigeria's oil output fell.", "LAGOS", "place"],
    ["TARVIK, Velmar (Reuters) - Dockers walked out on Friday.", "TARVIK", "place"],
    ["KORVELA (AFP) - Talks resumed on Tuesday.", "KORVELA", "place"],
    ["The talks ended late, officials said.\nREUTERS", "REUTERS", "organization"],
    ["The talks ended late, officials said.\n- Reuters", "Reuters", "organization"],
    ["Nine patients at Norbury Polyclinic were given the wrong dose.", "Norbury Polyclinic", "organization"],
    ["Nine patients at Norbury Polyclinic were given the wrong dose.", "Polyclinic", undefined],
    ["According to Channel 5 News, the nurse is a locum.", "Channel 5 News", "organization"],
    ["According to Channel 5 News, the nurse is a locum.", "News", undefined],
    ["The coffin was driven to Ashgrove Castle, west of Leeds.", "Ashgrove Castle", "place"],
    ["Mourners filled Kelmsworth Abbey on Sunday.", "Kelmsworth Abbey", "place"],
    ["US Trump administration officials said on Monday.", "US", "place"],
    ["US Trump administration officials said on Monday.", "Trump", "person"],
    ["US Trump administration officials said on Monday.", "US Trump", undefined],
    ["Olive oil prices rose sharply this week.", "Olive", undefined],
    ["Harbour traffic was halted on Monday.", "Harbour", undefined],
    ["The Halbrook-Tessin Velnor-19 vaccine was given.", "Velnor-19", undefined],
    ["Fares rose 40 percent, Transit 2 said.", "Transit 2", undefined],
    ["Guests gathered at the Lord Harwell Hotel in Tarvik.", "Lord Harwell Hotel", "place"],
    ["Ida Brekke, the Archbishop of Olmenby, led the prayers.", "Olmenby", "place"],
    ["Ida Brekke, the Archbishop of Olmenby, led the prayers.", "Archbishop of Olmenby", undefined],
    ["There may be no Kingdom for Edvard to rule.", "Kingdom for Edvard", undefined],
    ["The Party for Freedom and Renewal won.", "Party for Freedom and Renewal", "organization"],
    // A title alone is not a name, nor a part of one; an abbreviated street type is not a name either.
    [
      'Commissioner Ana Ruiz said the cause was unknown. "We will know more tomorrow," the Commissioner told reporters.',
      "Commissioner",
      undefined,
    ],
    ["The Sheriff said two deputies were hurt near Portavel.", "Sheriff", undefined],
    [
      "Councillor Tomas Okafor voted against it, and Councilwoman Ana Ruiz abstained.",
      "Councilwoman Ana Ruiz",
      undefined,
    ],
    ["Councillor Tomas Okafor voted against it, and Councilwoman Ana Ruiz abstained.", "Ana Ruiz", "person"],
    ["Police closed the 1200 block of W. 45th Ave. and the 300 block of E. 9th St. for hours.", "Ave", undefined],
    ["Police closed the 1200 block of W. 45th Ave. and the 300 block of E. 9th St. for hours.", "St.", undefined],
    ["The fire spread to a shop on Marlow St. in Kestrel Bay.", "Marlow St.", "place"],
    ["He was taken to St. Ilsa's Hospital in Portavel.", "St. Ilsa's Hospital", "organization"],
    ["Mourners gathered at St. Orrin's Church in Portavel on Sunday.", "St. Orrin's Church", "organization"],
    ["The crash was at the corner of Church and Main streets in Portavel.", "Church", "place"],
  ];
  it.each(rows)("%s -> %s is %s", (text, name, type) => {
    const hit = detect(text).find((m) => m.text === name);
    if (type === undefined) expect(hit === undefined || !PERSON_ORG_PLACE.has(hit.type)).toBe(true);
    else expect(hit?.type).toBe(type);
  });

  it("a credit line or dateline is never a place", () => {
    const text = "PORT ELDA, May 2 (Reuters) - Ferries stopped.\nOfficials said more.\n(AFP)";
    const agencies = detect(text).filter((m) => /reuters|afp/i.test(m.text));
    expect(agencies.every((m) => m.type !== "place")).toBe(true);
  });
});

describe("detectMentions keeps a name's type across the document", () => {
  it("a full name is a person when its surname alone is one", () => {
    const text =
      "Jon Veldt and Raj Patel of the Harrow Trust said on Monday the fund would close. Later, Patel told reporters it would reopen.";
    const types = detect(text)
      .filter((m) => m.text.endsWith("Patel"))
      .map((m) => m.type);
    expect(types).toEqual(["person", "person"]);
    expect(typeOf(text, "Harrow Trust")).toBe("organization");
  });

  it("a surname after the full name is the same person", () => {
    const text = "Senator Lena Marquez arrived in Lisbon on Tuesday. Marquez said the plan had failed.";
    const mentions = detect(text).filter((m) => m.text === "Marquez");
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.type).toBe("person");
  });

  it("a name typed by a strong cue keeps its type where the cue is missing", () => {
    const text = "Prices at Dorvik Holdings fell. Dorvik Holdings shares lost ground. Dorvik Holdings later recovered.";
    const types = detect(text)
      .filter((m) => m.text === "Dorvik Holdings")
      .map((m) => m.type);
    expect(types).toEqual(["organization", "organization", "organization"]);
  });

  it("a headline word is typed like the same word in the body", () => {
    const text =
      "QUAKE HITS VALDORIA\nA strong earthquake struck near Valdoria on Sunday, officials in the capital said.";
    const hits = detect(text).filter((m) => m.text.toLowerCase() === "valdoria");
    expect(hits.map((m) => m.type)).toEqual(["place", "place"]);
  });
});

describe("detectMentions returns well-formed spans", () => {
  const texts = [
    "President Omar Haddad met the delegation in Amman on Monday. Haddad later flew to Cairo.",
    "“We will not retreat,” said Col. Idris Mansour of the 4th Armoured Brigade, speaking in Aleppo.",
    "BRIEF: UN ENVOY MEETS LEADERS IN ADEN\nThe U.N. envoy, Hans Lindqvist, met leaders of the Southern Council.",
    "Rahim bin Saleh and Jean-Luc de la Tour signed for Procter & Gamble in São Paulo.",
    "",
    "no capitals here at all, just words.",
  ];
  it.each(texts)("offsets point at the text, sorted and disjoint: %s", (text) => {
    const mentions = detect(text);
    let last = 0;
    for (const m of mentions) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(m.end).toBeGreaterThan(m.start);
      last = m.end;
    }
  });

  it("leaves a possessive ending out of the name", () => {
    const text = "The report cited Chile's foreign ministry.";
    expect(detect(text).map((m) => m.text)).toEqual(["Chile"]);
  });

  it("finds nothing in lower-case text", () => {
    expect(detect("no capitals here at all, just words.")).toEqual([]);
  });
});

describe("placeOfDemonym", () => {
  const rows: [string, string | undefined][] = [
    ["Chilean", "Chile"],
    ["French", "France"],
    ["American", "United States"],
    ["Kurdish", "Kurdistan"],
    ["Palestinian", "Palestine"],
    ["Monday", undefined],
    ["Santiago", undefined],
  ];
  it.each(rows)("%s -> %s", (word, place) => {
    expect(defaultLexicon().placeOfDemonym(word)).toBe(place);
  });
});

describe("detectMentions finds a family name alone after the full name", () => {
  it("reads a family name that is a common word, opening a sentence, as the person", () => {
    const text = "Tomas Luck threw for 300 yards in Portavel. Luck broke the Velmar record in the second quarter.";
    const found = detect(text).filter((m) => m.text === "Luck");
    expect(found.map((m) => [m.start, m.type])).toEqual([[text.indexOf("Luck broke"), "person"]]);
  });

  it("takes the word at the start of a line after a headline ending in a name", () => {
    const text = "Tomas Luck signed for the Harriers in Portavel.\nHarriers Beat Kites\nLuck threw for 300 yards.";
    const found = detect(text).filter((m) => m.text === "Luck" && m.start === text.indexOf("Luck threw"));
    expect(found.map((m) => m.type)).toEqual(["person"]);
  });

  it("does not take the word inside another name or in lower case", () => {
    const text = "Tomas Luck threw for 300 yards. Fans on Luck Street in Portavel said luck ran out.";
    expect(detect(text).filter((m) => m.text === "Luck")).toEqual([]);
  });
});

describe("detectMentions reads a word opening a quotation as opening a sentence", () => {
  it.each([
    ["When the guard yelled, “Don’t move!” the crowd in Portavel froze.", "Don’t"],
    ['Protesters in Portavel chanted "Thieves, thieves!" outside the Velmar bank.', "Thieves"],
    ["The officer said, ‘Oh, God!’ and ran towards the Velmar pier.", "Oh"],
    ["The crowd in Portavel was yelling, 'Oh, my God, the pier is burning.'", "Oh"],
  ])("%j: no entity %j", (text, word) => {
    expect(detect(text).map((m) => m.text)).not.toContain(word);
  });

  it("still finds a name that opens a quotation", () => {
    expect(typeOf("The mayor said, “Ana Ruiz will lead the inquiry in Portavel.”", "Ana Ruiz")).toBe("person");
  });
});
