import { describe, expect, it } from "vitest";
import type { Mention, QuoteMention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { extractQuotes, inflect, SPEECH_VERB_LEMMAS, speechVerb } from "./index.js";
import { MAX_QUOTE_LINES } from "./marks.js";

function quotesOf(text: string, mentions: Mention[] = []): QuoteMention[] {
  const { tokens, sentences } = tokenize(text);
  return extractQuotes({ text, tokens, sentences, mentions });
}

interface Expected {
  text: string;
  speaker?: string;
  kind?: "name" | "pronoun" | "description";
  attribution?: string;
  resolved?: string;
}

function view(q: QuoteMention): Expected {
  const v: Expected = { text: q.text };
  if (q.speaker) {
    v.speaker = q.speaker.text;
    v.kind = q.speaker.kind;
    if (q.speaker.resolved) v.resolved = q.speaker.resolved.text;
  }
  if (q.attribution) v.attribution = q.attribution;
  return v;
}

describe("extractQuotes: attribution patterns", () => {
  it.each<[string, string, Expected[]]>([
    [
      "said X after the quotation",
      '"We will rebuild the bridge," said Maria Okafor.',
      [
        {
          text: "We will rebuild the bridge,",
          speaker: "Maria Okafor",
          kind: "name",
          attribution: "said Maria Okafor",
        },
      ],
    ],
    [
      "X said after the quotation",
      '"The budget is final," Tomas Berg said on Monday.',
      [{ text: "The budget is final,", speaker: "Tomas Berg", kind: "name", attribution: "Tomas Berg said" }],
    ],
    [
      "X said: before the quotation",
      'Helena Vasquez said: "We expect rain by Friday."',
      [
        {
          text: "We expect rain by Friday.",
          speaker: "Helena Vasquez",
          kind: "name",
          attribution: "Helena Vasquez said",
        },
      ],
    ],
    [
      "X added: before the quotation",
      'Helena Vasquez added: "Nobody will be left behind."',
      [
        {
          text: "Nobody will be left behind.",
          speaker: "Helena Vasquez",
          kind: "name",
          attribution: "Helena Vasquez added",
        },
      ],
    ],
    [
      "X told an agency; the agency is the hearer",
      '"The port is closed," Ivan Petrov told Reuters.',
      [{ text: "The port is closed,", speaker: "Ivan Petrov", kind: "name", attribution: "Ivan Petrov told Reuters" }],
    ],
    [
      "a described speaker told an agency before the quotation",
      'The harbour authority told Agence France-Presse: "Ships may dock again."',
      [
        {
          text: "Ships may dock again.",
          speaker: "The harbour authority",
          kind: "description",
          attribution: "The harbour authority told Agence France-Presse",
        },
      ],
    ],
    [
      "according to X after the quotation",
      '"Supplies are running low," according to Lena Fischer.',
      [
        {
          text: "Supplies are running low,",
          speaker: "Lena Fischer",
          kind: "name",
          attribution: "according to Lena Fischer",
        },
      ],
    ],
    [
      "according to X relaying words that a named subject said",
      'Some unions agreed, but the Velmar Group rejected calls to hand over "every record of the night," according to the Harbour Gazette.',
      [
        {
          text: "every record of the night,",
          speaker: "Velmar Group",
          kind: "name",
          attribution: "the Velmar Group rejected",
        },
      ],
    ],
    [
      "according to X before the quotation",
      'According to Omar Haddad, "the road will reopen next week."',
      [
        {
          text: "the road will reopen next week.",
          speaker: "Omar Haddad",
          kind: "name",
          attribution: "According to Omar Haddad",
        },
      ],
    ],
    [
      "an appositive between the speaker and the verb",
      '"The vote was fair," Elena Costa, a senior electoral official, said.',
      [
        {
          text: "The vote was fair,",
          speaker: "Elena Costa",
          kind: "name",
          attribution: "Elena Costa, a senior electoral official, said",
        },
      ],
    ],
    [
      "a parenthesis between the speaker and the verb",
      '"We have the votes," Sen. Rita Moreno (D-Ariz.) said Tuesday.',
      [
        {
          text: "We have the votes,",
          speaker: "Sen. Rita Moreno",
          kind: "name",
          attribution: "Sen. Rita Moreno (D-Ariz.) said",
        },
      ],
    ],
    [
      "a question ends its own sentence before the attribution",
      "“Is anyone listening?” Dana Cole asked.",
      [{ text: "Is anyone listening?", speaker: "Dana Cole", kind: "name", attribution: "Dana Cole asked" }],
    ],
    [
      "a capitalised Said opens the sentence",
      'Said Farid Nasser: "This is our land."',
      [{ text: "This is our land.", speaker: "Farid Nasser", kind: "name", attribution: "Said Farid Nasser" }],
    ],
    [
      "a byline after a dash",
      "“Vote early and bring a friend.” ― Carla Mendes",
      [
        {
          text: "Vote early and bring a friend.",
          speaker: "Carla Mendes",
          kind: "name",
          attribution: "― Carla Mendes",
        },
      ],
    ],
    [
      "a lower-case title before the name",
      '"He runs faster every week," said coach Lee Park.',
      [
        {
          text: "He runs faster every week,",
          speaker: "coach Lee Park",
          kind: "name",
          attribution: "said coach Lee Park",
        },
      ],
    ],
    [
      "quoted as saying",
      'The newspaper quoted Ruth Adler as saying "the plan is dead."',
      [{ text: "the plan is dead.", speaker: "Ruth Adler", kind: "name", attribution: "quoted Ruth Adler as saying" }],
    ],
    [
      "a participle takes the subject of its clause",
      'On Friday, Mara Jensen rejected the offer, saying "it insults every worker."',
      [
        {
          text: "it insults every worker.",
          speaker: "Mara Jensen",
          kind: "name",
          attribution: "Mara Jensen rejected the offer, saying",
        },
      ],
    ],
  ])("%s", (_label, text, expected) => {
    expect(quotesOf(text).map(view)).toEqual(expected);
  });
});

describe("extractQuotes: split, running and partial quotations", () => {
  it("gives a quotation split by 'he said' two mentions with the same speaker", () => {
    const text = 'Paolo Rossi, the mayor, spoke on Tuesday. "We are ready," he said, "and we will not wait."';
    const quotes = quotesOf(text).map(view);
    expect(quotes).toEqual([
      { text: "We are ready,", speaker: "he", kind: "pronoun", attribution: "he said", resolved: "Paolo Rossi" },
      {
        text: "and we will not wait.",
        speaker: "he",
        kind: "pronoun",
        attribution: "he said",
        resolved: "Paolo Rossi",
      },
    ]);
  });

  it("keeps a quotation running over paragraphs as one, from its first words to its last", () => {
    const text =
      'Anna Berg explained the scheme.\n\n"The first part is simple.\n\n"The second part is harder," she said.';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(1);
    const q = quotes[0] as QuoteMention;
    expect(q.text.startsWith("The first part is simple.")).toBe(true);
    expect(q.text.endsWith("The second part is harder,")).toBe(true);
    expect(q.speaker?.text).toBe("she");
    expect(q.speaker?.resolved?.text).toBe("Anna Berg");
  });

  it("does not run a quotation on when the next paragraph does not reopen it", () => {
    const text = 'Anna Berg said "the first part is simple.\n\nThe second part is harder, she said.';
    expect(quotesOf(text)).toEqual([]);
  });

  it("attributes a partial quotation to the speaker of its sentence", () => {
    const text = 'Karl Weiss said the talks were "very productive," and a deal could follow within weeks.';
    expect(quotesOf(text).map(view)).toEqual([
      { text: "very productive,", speaker: "Karl Weiss", kind: "name", attribution: "Karl Weiss said" },
    ]);
  });

  it("attributes a partial quotation told to an agency, skipping the appositive", () => {
    const text =
      'Jonas Ek, a lawmaker close to the ruling bloc, told Reuters the negotiations were "nearly done" this week.';
    expect(quotesOf(text).map((q) => [q.text, q.speaker?.text])).toEqual([["nearly done", "Jonas Ek"]]);
  });

  it("lets a quotation with no words of its own continue the previous speaker", () => {
    const text = '"We are tired," said Ali Rahman. "We want to go home."';
    expect(quotesOf(text).map((q) => [q.text, q.speaker?.text, q.attribution])).toEqual([
      ["We are tired,", "Ali Rahman", "said Ali Rahman"],
      ["We want to go home.", "Ali Rahman", "said Ali Rahman"],
    ]);
  });

  it("continues the previous speaker rather than a next sentence that reports speech of its own", () => {
    const text =
      '"Every berth was checked," Olsen was quoted as saying. "These were all cleared." Harbour master Ines Bako said on Friday the port would reopen next week.';
    expect(quotesOf(text).map((q) => [q.text, q.speaker?.text])).toEqual([
      ["Every berth was checked,", "Olsen"],
      ["These were all cleared.", "Olsen"],
    ]);
  });

  it("does not read a player who added points as the speaker of the quotation before", () => {
    const text =
      'The crowd in Portavel stood. "It is an honour to play here." Tomas Bako added 16 points for the Velmar dockers.';
    expect(quotesOf(text).map((q) => q.speaker?.text)).toEqual([undefined]);
    expect(
      quotesOf('The crowd in Portavel stood. "It is an honour to play here." Tomas Bako added 10 minutes later.').map(
        (q) => q.speaker?.text,
      ),
    ).toEqual(["Tomas Bako"]);
  });

  it("still takes a next sentence that is nothing but the attribution, or one after no quoted speaker", () => {
    expect(
      quotesOf('"Every berth was checked," Olsen said. "These were all cleared." Ines Bako added.').map((q) => [
        q.text,
        q.speaker?.text,
      ]),
    ).toEqual([
      ["Every berth was checked,", "Olsen"],
      ["These were all cleared.", "Ines Bako"],
    ]);
    expect(
      quotesOf('The port stayed shut. "These were all cleared." Ines Bako said on Friday the port would reopen.').map(
        (q) => [q.text, q.speaker?.text],
      ),
    ).toEqual([["These were all cleared.", "Ines Bako"]]);
  });

  it("does not read a speech verb's noun after a possessive or an article as an attribution", () => {
    expect(quotesOf("Crowds came for the Mayor's state visit, 'the making of history'.").map((q) => q.speaker)).toEqual(
      [undefined],
    );
    expect(quotesOf('Ana Ruiz said the council\'s report was "a fair account".').map((q) => q.speaker?.text)).toEqual([
      "Ana Ruiz",
    ]);
  });

  it("reads a lead-in that ends the previous line with a colon", () => {
    const text = 'The minister told the assembly:\n"We will build more schools."';
    expect(quotesOf(text).map(view)).toEqual([
      {
        text: "We will build more schools.",
        speaker: "The minister",
        kind: "description",
        attribution: "The minister told the assembly",
      },
    ]);
  });
});

describe("extractQuotes: a colon that no speech verb introduces", () => {
  const speakerOf = (text: string) => quotesOf(text).map((q) => q.speaker && [q.speaker.text, q.speaker.kind]);

  it.each<[string, string, [string, string] | undefined]>([
    [
      "the subject of a clause with another verb",
      'Velmar released the following statement: "We regret the delay at the Portavel yard."',
      ["Velmar", "name"],
    ],
    [
      "a document that reads",
      'The statement reads: "We regret the delay at the Portavel yard and will pay."',
      ["The statement", "description"],
    ],
    [
      "a subject after an opening adverbial of time",
      'Okafor spoke first. Minutes later, Ana Ruiz, the harbour master, leaned in and boomed: "Nobody leaves this room."',
      ["Ana Ruiz", "name"],
    ],
    ["a name alone before the colon", 'Ana Ruiz: "We will not sell the harbour to anyone."', ["Ana Ruiz", "name"]],
    [
      "a byline after a dash, on the line before",
      'Why the ferry is late - Tomas Berg:\n"The Portavel crossing lost two boats this winter."',
      ["Tomas Berg", "name"],
    ],
    [
      "a one-word name the text uses again",
      'Okafor: "We will not sell the harbour to anyone." Okafor spoke in Kestrel Bay.',
      ["Okafor", "name"],
    ],
  ])("credits %s", (_, text, expected) => {
    expect(speakerOf(text)[0]).toEqual(expected);
  });

  it.each<[string, string]>([
    ["a one-word label", 'Update: "The Portavel crossing reopens on Monday morning."'],
    ["an opening word that is no name", 'Wait, it gets better: "The Portavel crossing reopens on Monday morning."'],
    ["a lead with no subject", 'From the report: "The pier lost a third of its length in the storm."'],
    ["a passive subject", 'The problem is shown by this finding: "The pier lost a third of its length in the storm."'],
    [
      "a subject the colon is no statement of",
      'The trouble of the plan began with Velmar: "The pier lost a third of it."',
    ],
  ])("credits nobody for %s", (_, text) => {
    expect(speakerOf(text)).toEqual([undefined]);
  });

  it("does not take 'the following statement' for the speaker, nor 'the statement' for a person", () => {
    const text =
      'Ana Ruiz, the mayor of Portavel, issued a statement. The statement reads: "We regret the delay at the yard."';
    const [quote] = quotesOf(text);
    expect(quote?.speaker?.text).toBe("The statement");
    expect(quote?.speaker?.resolved).toBeUndefined();
    const [issued] = quotesOf('Velmar released the following statement: "We regret the delay at the yard."');
    expect(issued?.speaker?.text).toBe("Velmar");
  });

  it("credits a speaker after an opening adverbial of time, not the adverbial", () => {
    const text = 'Hours later, Ana Ruiz rejected the plan, saying "it will sink the harbour budget."';
    expect(quotesOf(text).map((q) => q.speaker?.text)).toEqual(["Ana Ruiz"]);
  });

  it("keeps dropping a short term after a colon", () => {
    expect(quotesOf('Velmar printed one word on the sign: "closed".')).toEqual([]);
  });
});

describe("extractQuotes: the whole phrase a speaker is named with", () => {
  /** The phrase of the only quotation's speaker, or its name when the phrase says no more. */
  const phraseOf = (text: string) => {
    const speaker = quotesOf(text)[0]?.speaker;
    return speaker?.phrase?.text ?? speaker?.text;
  };

  it.each<[string, string, string]>([
    [
      "title words before a name",
      '"We sail at dawn," harbour spokesman Tomas Berg said.',
      "harbour spokesman Tomas Berg",
    ],
    [
      "an article before the title",
      '"The pier is shut," the Velmar port captain Ana Ruiz said.',
      "the Velmar port captain Ana Ruiz",
    ],
    [
      "an appositive before the verb",
      '"No ferries today," Ana Ruiz, a lawyer for the port, said.',
      "Ana Ruiz, a lawyer for the port",
    ],
    [
      "a relative clause before the verb",
      '"We wait," Ana Ruiz, who runs the ferry, said.',
      "Ana Ruiz, who runs the ferry",
    ],
    [
      "an appositive after a postposed name",
      '"We wait," said Ana Ruiz, a lawyer for the port.',
      "Ana Ruiz, a lawyer for the port",
    ],
    [
      "an age and a role after a postposed name",
      '"We wait," said Ana Ruiz, 52, a ferry pilot.',
      "Ana Ruiz, 52, a ferry pilot",
    ],
  ])("takes in %s", (_label, text, expected) => {
    expect(phraseOf(text)).toBe(expected);
    expect(quotesOf(text)[0]?.speaker?.kind).toBe("name");
  });

  it.each<[string, string, string]>([
    ["an adverbial before the name", '"We wait," on Monday Tomas Berg said.', "Tomas Berg"],
    ["a participle after the name", '"We wait," said Ana Ruiz, adding that the pier was shut.', "Ana Ruiz"],
    ["a prepositional phrase after the name", '"We wait," Ana Ruiz, after a long pause, said.', "Ana Ruiz"],
    ["a conjunction after the name", '"We wait," said Ana Ruiz, and the crowd cheered.', "Ana Ruiz"],
    ["the next quotation after the name", '"We wait," said Ana Ruiz, "and we watch."', "Ana Ruiz"],
    ["a pronoun", '"We wait," he said.', "he"],
  ])("leaves out %s", (_label, text, expected) => {
    expect(phraseOf(text)).toBe(expected);
  });

  it("keeps the name as the speaker, with the phrase beside it", () => {
    const speaker = quotesOf('"We wait," said Ana Ruiz, a lawyer for the port.')[0]?.speaker;
    expect(speaker?.text).toBe("Ana Ruiz");
    expect(speaker?.phrase).toMatchObject({ text: "Ana Ruiz, a lawyer for the port" });
  });
});

describe("extractQuotes: a line that leads into the next quotation", () => {
  it("does not credit the quotation before with the speaker who introduces the next one", () => {
    const text =
      '"The nets are empty," Ana Ruiz said. "We lost the season."\nTomas Berg replied: "We will fish again."';
    expect(quotesOf(text).map(view)).toMatchObject([
      { text: "The nets are empty,", speaker: "Ana Ruiz" },
      { text: "We lost the season.", speaker: "Ana Ruiz" },
      { text: "We will fish again.", speaker: "Tomas Berg" },
    ]);
  });

  it("still credits a quotation with the attribution line after it that ends in a full stop", () => {
    const text = '"Can we win Portavel?" Tomas Berg asked. "I do not know."';
    expect(quotesOf(text).map(view)).toMatchObject([
      { text: "Can we win Portavel?", speaker: "Tomas Berg" },
      { text: "I do not know.", speaker: "Tomas Berg" },
    ]);
  });

  it("names nobody after 'put it'", () => {
    const text = 'As the harbour master of Kestrel Bay, who retired last year, put it, "the sea keeps its own books."';
    expect(quotesOf(text)[0]?.speaker?.text).not.toBe("it");
  });
});

describe("extractQuotes: pronouns and descriptions", () => {
  it.each<[string, string, Expected[]]>([
    [
      "it resolves to an organisation",
      'The Transport Ministry issued a statement on Monday. "Trains will run normally," it added.',
      [
        {
          text: "Trains will run normally,",
          speaker: "it",
          kind: "pronoun",
          attribution: "it added",
          resolved: "Transport Ministry",
        },
      ],
    ],
    [
      "they resolves to an organisation",
      'The Dock Workers Union met on Sunday. "We reject the offer," they said.',
      [
        {
          text: "We reject the offer,",
          speaker: "they",
          kind: "pronoun",
          attribution: "they said",
          resolved: "Dock Workers Union",
        },
      ],
    ],
    [
      "she resolves to a person, not to a place named later in the sentence",
      'Grace Otieno arrived in Nairobi. "It was a long trip," she said.',
      [
        {
          text: "It was a long trip,",
          speaker: "she",
          kind: "pronoun",
          attribution: "she said",
          resolved: "Grace Otieno",
        },
      ],
    ],
    [
      "a commander of X, trimmed of appositive and relative clause, resolves to X",
      '"The ceasefire is holding," said a commander of the Northern Brigade, the largest armed faction, who spoke on condition of anonymity.',
      [
        {
          text: "The ceasefire is holding,",
          speaker: "a commander of the Northern Brigade",
          kind: "description",
          attribution: "said a commander of the Northern Brigade",
          resolved: "Northern Brigade",
        },
      ],
    ],
    [
      "a masked X fighter resolves to X",
      '"We were surprised," said a masked Red Valley Front fighter, speaking from a hideout.',
      [
        {
          text: "We were surprised,",
          speaker: "a masked Red Valley Front fighter",
          kind: "description",
          attribution: "said a masked Red Valley Front fighter",
          resolved: "Red Valley Front",
        },
      ],
    ],
    [
      "the prime minister's adviser stays unresolved",
      '"Talks will resume," the prime minister\'s adviser said.',
      [
        {
          text: "Talks will resume,",
          speaker: "the prime minister's adviser",
          kind: "description",
          attribution: "the prime minister's adviser said",
        },
      ],
    ],
    [
      "a senior official",
      '"Nothing is agreed yet," a senior official said.',
      [
        {
          text: "Nothing is agreed yet,",
          speaker: "a senior official",
          kind: "description",
          attribution: "a senior official said",
        },
      ],
    ],
    [
      "an appositive with the group resolves a bare description",
      'One fighter, reportedly a member of the Blue Hills Brigade, added: "We will hold the line."',
      [
        {
          text: "We will hold the line.",
          speaker: "One fighter",
          kind: "description",
          resolved: "Blue Hills Brigade",
          attribution: "One fighter, reportedly a member of the Blue Hills Brigade, added",
        },
      ],
    ],
  ])("%s", (_label, text, expected) => {
    expect(quotesOf(text).map(view)).toEqual(expected);
  });

  it("resolves to the detector's mentions when they are given", () => {
    const text = 'Lake Council voted on Friday. "The dam stays," it said.';
    const mentions: Mention[] = [{ start: 0, end: 12, text: "Lake Council", type: "organization" }];
    const [q] = quotesOf(text, mentions);
    expect(q?.speaker?.resolved).toEqual(mentions[0]);
  });

  it("keeps the referent through a run of pronoun attributions longer than the window", () => {
    const text =
      'Ruth Olsen spoke first. "We start," she said. The hall was full. People waited. "We go on," she said. ' +
      'Nobody left. The lights dimmed. "We end," she said.';
    expect(quotesOf(text).map((q) => q.speaker?.resolved?.text)).toEqual(["Ruth Olsen", "Ruth Olsen", "Ruth Olsen"]);
  });

  it("leaves a pronoun unresolved when no fitting name is near", () => {
    const text =
      'Ruth Olsen spoke first. The hall was full. People waited. Nobody left. The lights dimmed. "We end," she said.';
    expect(quotesOf(text)[0]?.speaker?.resolved).toBeUndefined();
  });

  it("does not resolve a pronoun to a name inside a quotation", () => {
    const text = '"Tell Maria Lopez we are coming," he said.';
    expect(quotesOf(text)[0]?.speaker?.resolved).toBeUndefined();
  });

  it("takes up the described subject of an earlier sentence when no name is near", () => {
    const text =
      'One crane operator, who asked that his name not be used, described the night.\n\n"I saw the first stack burn," he said.';
    const speaker = quotesOf(text)[0]?.speaker;
    expect(speaker?.resolved).toBeUndefined();
    expect(speaker?.antecedent?.text).toBe("One crane operator");
    expect(text.slice(speaker?.antecedent?.start, speaker?.antecedent?.end)).toBe("One crane operator");
  });
});

describe("extractQuotes: a description that takes up an organisation by its kind", () => {
  /** The organisation each quotation's speaker resolved to, the organisations in `names` given as mentions. */
  const organisationsOf = (text: string, names: string[]) => {
    const mentions: Mention[] = names.flatMap((name) =>
      [...text.matchAll(new RegExp(name, "g"))].map((m) => ({
        start: m.index,
        end: m.index + name.length,
        text: name,
        type: "organization" as const,
      })),
    );
    return quotesOf(text, mentions).map((q) => q.speaker?.resolved?.text ?? null);
  };

  it.each<[string, string, string[], (string | null)[]]>([
    [
      "the kind the name ends in",
      'The Kestrel Bay Fishing Cooperative met on Monday. "We will not sell," the cooperative said.',
      ["Kestrel Bay Fishing Cooperative"],
      ["Kestrel Bay Fishing Cooperative"],
    ],
    [
      "the kind after a member's title and 'for'",
      'Velmar Port Authority shut the quay. "It is unsafe," a spokesman for the authority said.',
      ["Velmar Port Authority"],
      ["Velmar Port Authority"],
    ],
    [
      "the kind before a member's title",
      'Velmar Port Authority shut the quay. "It is unsafe," said an authority spokeswoman.',
      ["Velmar Port Authority"],
      ["Velmar Port Authority"],
    ],
    [
      "the kind before 'of' in the name, the nearest of two",
      'The Ministry of Fisheries wrote to the Ministry of Ports. "We disagree," the ministry said.',
      ["Ministry of Fisheries", "Ministry of Ports"],
      ["Ministry of Ports"],
    ],
    [
      "not a word of the name that is not its kind",
      'The Kestrel Bay Cooperative met on Monday. "We are tired," said a resident of the bay.',
      ["Kestrel Bay Cooperative"],
      [null],
    ],
    [
      "not the kind as a modifier of something else",
      'The Portavel Dockers Union met. "The roof leaks," said the union hall caretaker.',
      ["Portavel Dockers Union"],
      [null],
    ],
    [
      "not a description that sets its organisation apart",
      'The Portavel Dockers Union called a strike. "It is a mistake," said a leader of a rival union.',
      ["Portavel Dockers Union"],
      [null],
    ],
    [
      "not past another organisation of the kind introduced in between",
      'Velmar Growers Group sued. Then the trade group for the region\'s farms wrote. "We object," the group said.',
      ["Velmar Growers Group"],
      [null],
    ],
    [
      "not an organisation named after the description",
      '"We object," the group said. Velmar Growers Group later sued.',
      ["Velmar Growers Group"],
      [null],
    ],
  ])("%s", (_label, text, names, expected) => {
    expect(organisationsOf(text, names)).toEqual(expected);
  });
});

describe("extractQuotes: a quotation paragraph after reported speech", () => {
  it("continues the speaker of the reported speech just before it", () => {
    const text =
      'Lon Varga, a retired harbour pilot, said he had known the family for years.\n\n"They are a very close family."';
    expect(quotesOf(text)[0]?.speaker?.text).toBe("Lon Varga");
  });

  it("continues the speaker of reported speech in the sentence before, in the same paragraph", () => {
    const text = 'The ferry may be late while the storm lasts, Lon Varga said. "Nobody should sail tonight."';
    expect(quotesOf(text)[0]?.speaker?.text).toBe("Lon Varga");
  });

  it("does not take the subject of the sentence before, in the same paragraph, without a speech verb", () => {
    const text = 'Lon Varga walked along the quay at dawn. "Nobody should sail tonight."';
    expect(quotesOf(text)[0]?.speaker).toBeUndefined();
  });

  it("does not take the subject of a sentence without a speech verb", () => {
    const text = 'Lon Varga walked along the quay at dawn.\n\n"They are a very close family."';
    expect(quotesOf(text)[0]?.speaker).toBeUndefined();
  });

  it("does not reach across a paragraph between them", () => {
    const text =
      'Lon Varga said he had known the family for years.\n\nThe harbour was quiet on Monday.\n\n"They are a very close family."';
    expect(quotesOf(text)[0]?.speaker).toBeUndefined();
  });
});

describe("extractQuotes: a whole quoted sentence after narration about the speaker", () => {
  /** The speaker and attribution of the last quotation in `text`. */
  const last = (text: string) => {
    const q = quotesOf(text).at(-1);
    return q?.speaker ? [q.speaker.text, q.attribution] : undefined;
  };

  it.each<[string, string, [string, string]]>([
    [
      "a pronoun in the same paragraph",
      '"We will rebuild," Ana Ruiz said. She looked out at the harbour. "The port is our life."',
      ["Ana Ruiz", "Ana Ruiz said"],
    ],
    [
      "a pronoun in a paragraph of its own",
      '"We will rebuild," Ana Ruiz said.\n\nShe looked out at the harbour.\n\n"The port is our life."',
      ["Ana Ruiz", "Ana Ruiz said"],
    ],
    [
      "two sentences about the speaker",
      '"The cranes stay," Okafor told the Velmar Courier. He paused. He pointed at the quay. "All of them."',
      ["Okafor", "Okafor told the Velmar Courier"],
    ],
    [
      "the surname again, taken as the nearer naming",
      '"We will rebuild," Ana Ruiz said.\n\nRuiz walked along the quay in Portavel.\n\n"The port is our life."',
      ["Ruiz", "Ruiz"],
    ],
    [
      "a continuation carried on to the next",
      '"We will rebuild," Ana Ruiz said. She smiled. "The port is our life." She waved. "It always was."',
      ["Ana Ruiz", "Ana Ruiz said"],
    ],
  ])("carries the speaker over %s", (_, text, expected) => {
    expect(last(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    [
      "another person introduced as the subject",
      '"We will rebuild," Ana Ruiz said.\n\nOkafor, the harbour master, shook his head.\n\n"The port is finished."',
    ],
    [
      "a thing as the subject",
      '"We will rebuild," Ana Ruiz said. The storm had sunk six boats. "The port is our life."',
    ],
    [
      "a heading that names the speaker",
      '"We will rebuild," Ana Ruiz said.\n\nAna Ruiz on the future of Portavel\n\n"The port is our life."',
    ],
    ["a one-word line", '"We will rebuild," Ana Ruiz said.\n\nRuiz.\n\n"The port is our life."'],
    ["'they' after a named speaker", '"We will rebuild," Ana Ruiz said. They moored at dawn. "The port is our life."'],
    [
      "a gap of more than two sentences",
      '"We will rebuild," Ana Ruiz said. She paused. She smiled. She waved. "The port is our life."',
    ],
    [
      "more than one paragraph of narration",
      '"We will rebuild," Ana Ruiz said.\n\nShe paused.\n\nShe smiled.\n\n"The port is our life."',
    ],
    ["a previous quotation without a speaker", '"We will rebuild." She looked at the boats. "The port is our life."'],
  ])("does not carry it over %s", (_, text) => {
    expect(last(text)).toBeUndefined();
  });
});

describe("extractQuotes: subjects with relative clauses", () => {
  it.each<[string, string]>([
    [
      'A senior official at the port authority who asked not to be named because he was not authorised to speak said: "The crane failed an inspection."',
      "A senior official at the port authority",
    ],
    [
      'A senior official at the transport ministry in Tunis, who was not authorised to speak publicly, said the government wanted the port "working again" soon.',
      "A senior official at the transport ministry in Tunis",
    ],
    ['A diplomat in Beirut said: "Nobody expected it."', "A diplomat in Beirut"],
    ['Ann Lee in Paris said: "We are ready."', "Ann Lee"],
    ['"We are ready," Ann Lee in Paris said.', "Ann Lee"],
    ['"Nobody else was in the building," Const. Tim Varga said.', "Const. Tim Varga"],
  ])("%s -> %s", (text, speaker) => {
    expect(quotesOf(text)[0]?.speaker?.text).toBe(speaker);
  });
});

describe("extractQuotes: marks and what is not a quotation", () => {
  it.each<[string, string, Expected[]]>([
    [
      "curly marks",
      "“We won,” said Sara Lind.",
      [{ text: "We won,", speaker: "Sara Lind", kind: "name", attribution: "said Sara Lind" }],
    ],
    [
      "a straight opening and a curly closing mark",
      '"We won,” said Sara Lind.',
      [{ text: "We won,", speaker: "Sara Lind", kind: "name", attribution: "said Sara Lind" }],
    ],
    [
      "single marks nested in double ones stay inside the quotation",
      "“He told us ‘wait here’ and left,” said Nour Saleh.",
      [
        {
          text: "He told us ‘wait here’ and left,",
          speaker: "Nour Saleh",
          kind: "name",
          attribution: "said Nour Saleh",
        },
      ],
    ],
    ["apostrophes inside words", "The Shi’ite cleric’s aides don’t talk, and the formerâ€™s office stayed shut.", []],
    ["elisions and plural possessives", "Rock ’n’ roll fans of the ’90s filled the workers’ hall.", []],
    ["inch marks", "The new player is 5'9\" and weighs 80 kg.", []],
    ["a so-called term", "The so-called “peace dividend” never arrived.", []],
    ["a one-word scare quote with nobody saying it", 'Critics mocked the "green" label on the cars.', []],
    ["a title with no speaker", "She starred in “The Long Night of the River” last year.", []],
    ["a nickname inside a name", 'Marcia "Cia" Price waved to the crowd.', []],
    ["a word quoted as a word", 'The word "justice" appears twice in the ruling.', []],
    ["an unbalanced mark", 'The sign read "closed for repairs and nobody came.', []],
    [
      "a one-word quotation with a speaker",
      'Mayor Ruth Adler called the plan "reckless."',
      [{ text: "reckless.", speaker: "Mayor Ruth Adler", kind: "name", attribution: "Mayor Ruth Adler called" }],
    ],
    ["a passive naming verb is not an attribution", 'The surgeon has been called a "miracle worker" by fans.', []],
  ])("%s", (_label, text, expected) => {
    expect(quotesOf(text).map(view)).toEqual(expected);
  });

  it("keeps a whole quoted sentence without a speaker", () => {
    const text = 'The crowd went quiet.\n\n"Nobody expected this to happen here."';
    expect(quotesOf(text).map(view)).toEqual([{ text: "Nobody expected this to happen here." }]);
  });

  it("never takes the hearer of 'told' as the speaker", () => {
    for (const q of quotesOf(
      '"It is over," Ivan Petrov told Reuters. "We lost," Maya Lin told the Associated Press.',
    )) {
      expect(q.speaker?.text).not.toMatch(/Reuters|Associated Press/u);
    }
  });
});

describe("extractQuotes: offsets", () => {
  const texts = [
    'Paolo Rossi, the mayor, spoke on Tuesday. "We are ready," he said, "and we will not wait."',
    'Anna Berg explained the scheme.\n\n"The first part is simple.\n\n"The second part is harder," she said.',
    '"The ceasefire is holding," said a commander of the Northern Brigade, the largest armed faction.',
    "“He told us ‘wait here’ and left,” said Nour Saleh. ‘Fine,’ I said.",
    '  "  Spaces inside the marks  ," said Ola Nordmann.',
    "``We will see,'' said Ken Abe. ''Maybe not.''",
    '«Nous verrons», a dit Marie Curie. Ã¢â‚¬Å“x" â€œWe are back,â€\u009d said Ana Ruiz.',
  ];
  it.each(texts)("points every span at its text: %j", (text) => {
    const quotes = quotesOf(text);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect(q.text).toBe(q.text.trim());
      expect(q.text).not.toMatch(/^["“”‘’«»`']|["“”«»`]$/u);
      if (q.speaker) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
      expect(q.attributionSpan ? text.slice(q.attributionSpan.start, q.attributionSpan.end) : "").toBe(q.attribution);
      if (q.speaker?.resolved) {
        expect(text.slice(q.speaker.resolved.start, q.speaker.resolved.end)).toBe(q.speaker.resolved.text);
      }
      expect(q.attribution === "" || text.includes(q.attribution)).toBe(true);
    }
  });

  it("reads two-apostrophe marks and mis-decoded curly marks", () => {
    expect(quotesOf("``We will see,'' said Ken Abe.").map((q) => q.text)).toEqual(["We will see,"]);
    expect(quotesOf("â€œWe are back,â€\u009d said Ana Ruiz.").map((q) => [q.text, q.speaker?.text])).toEqual([
      ["We are back,", "Ana Ruiz"],
    ]);
  });

  it("returns nothing for text without marks", () => {
    expect(quotesOf("Officials said the bridge would reopen.")).toEqual([]);
    expect(quotesOf("")).toEqual([]);
  });
});

describe("speech verbs", () => {
  it.each([
    ["say", ["say", "says", "said", "saying"]],
    ["deny", ["deny", "denies", "denied", "denying"]],
    ["state", ["state", "states", "stated", "stating"]],
    ["stress", ["stress", "stresses", "stressed", "stressing"]],
  ])("inflects %s", (lemma, forms) => {
    expect(inflect(lemma)).toEqual(forms);
  });

  it("knows every inflected form of every lemma, and not ordinary words", () => {
    for (const lemma of SPEECH_VERB_LEMMAS) for (const form of inflect(lemma)) expect(speechVerb(form)).toBeDefined();
    for (const word of ["walked", "table", "so-called", "sad", "told-off"]) expect(speechVerb(word)).toBeUndefined();
  });
});

/** [quoted words, speaker text, what it resolved to] of every quotation found. */
const speakersOf = (text: string) =>
  quotesOf(text).map((q) => [q.text, q.speaker?.text ?? null, q.speaker?.resolved?.text ?? null]);

describe("extractQuotes: one sentence per line", () => {
  it.each<[string, string, (string | null)[][]]>([
    [
      "a quotation closing on a later line keeps its speaker after it",
      '"We will rebuild the pier before winter.\nThe town cannot wait another year," said Ana Ruiz.',
      [["We will rebuild the pier before winter.\nThe town cannot wait another year,", "Ana Ruiz", null]],
    ],
    [
      "a quotation over three lines after a colon lead-in",
      'Ana Ruiz told the Lisle Gazette:\n"We will rebuild the pier.\nThe town cannot wait.\nNobody will leave."',
      [["We will rebuild the pier.\nThe town cannot wait.\nNobody will leave.", "Ana Ruiz", null]],
    ],
    [
      "a quotation over paragraphs of several lines, reopened at each paragraph",
      '"We will rebuild the pier.\nThe town cannot wait.\n\n"Nobody will leave," said Ana Ruiz.',
      [['We will rebuild the pier.\nThe town cannot wait.\n\n"Nobody will leave,', "Ana Ruiz", null]],
    ],
    [
      "a line that is nothing but the attribution after a question",
      '"Why is the pier still shut?"\nTomas Berg asked.\nThe council did not answer.',
      [["Why is the pier still shut?", "Tomas Berg", null]],
    ],
    [
      "the attribution on the line after a quotation that ends in a comma",
      '"We will go," said Ana Ruiz.\n"We will stay here,"\nsaid Tomas Berg.',
      [
        ["We will go,", "Ana Ruiz", null],
        ["We will stay here,", "Tomas Berg", null],
      ],
    ],
  ])("%s", (_label, text, expected) => {
    expect(speakersOf(text)).toEqual(expected);
  });

  it.each<[string, string, (string | null)[][]]>([
    [
      "an unclosed mark does not pair with a quotation on a later line",
      'Ana Ruiz said "we will rebuild the pier.\nTomas Berg called the plan "a fantasy" on Monday.',
      [["a fantasy", "Tomas Berg", null]],
    ],
    [
      "an unclosed mark does not run over a blank line without a reopening mark",
      'Ana Ruiz said "we will rebuild the pier.\n\nThe town cannot wait," she said.',
      [],
    ],
    [
      "the next sentence is no attribution for a quotation with its own speaker before it",
      'Ana Ruiz said she backs the plan but said "the timing is wrong." Tomas Berg said it was too early to tell.',
      [["the timing is wrong.", "Ana Ruiz", null]],
    ],
    [
      "a full stop before a line break ends the quotation's sentence: the next line is not its attribution",
      '"We will go."\nTomas Berg said the ferry was late.',
      [["We will go.", null, null]],
    ],
  ])("does not: %s", (_label, text, expected) => {
    expect(speakersOf(text)).toEqual(expected);
  });

  it("keeps a short quoted sentence in capitals on a line of its own, and drops a heading in single marks", () => {
    const text = `"We are not a burden on Lisle," the mayor added.\n"We Are Lisle."\n\n'All Nets Are Empty.'\n\nThe pier is shut.`;
    expect(speakersOf(text)).toEqual([
      ["We are not a burden on Lisle,", "the mayor", null],
      ["We Are Lisle.", "the mayor", null],
    ]);
  });

  it(`gives up after ${MAX_QUOTE_LINES} lines without a closing mark`, () => {
    const lines = Array.from({ length: MAX_QUOTE_LINES + 2 }, (_, i) => `Line ${i + 1} of the letter.`);
    expect(quotesOf(`"${lines.join("\n")}" said Ana Ruiz.`)).toEqual([]);
    expect(quotesOf(`"${lines.slice(0, 3).join("\n")}" said Ana Ruiz.`)).toHaveLength(1);
  });
});

describe("extractQuotes: the nearest speaker", () => {
  it.each<[string, string, (string | null)[][]]>([
    [
      "a new subject in the sentence before a pronoun attribution",
      '"We will go," said Ana Ruiz.\nTomas Berg, 45, a teacher from Lisle, watched from the pier.\n"We will stay here," he said.',
      [
        ["We will go,", "Ana Ruiz", null],
        ["We will stay here,", "he", "Tomas Berg"],
      ],
    ],
    [
      "a name in apposition to a new subject in the sentence before",
      '"We will go," said Ana Ruiz.\nA fisherman on the quay, Tomas Berg, shook his head.\n"We will stay here," he said.',
      [
        ["We will go,", "Ana Ruiz", null],
        ["We will stay here,", "he", "Tomas Berg"],
      ],
    ],
    [
      "a new subject with a parenthesis after the name, in the quotation's own sentence",
      '"The pier is safe," said Tomas Berg.\nSen. Ana Ruiz (D-Lisle) scolded him: "Nobody believes that," she said.',
      [
        ["The pier is safe,", "Tomas Berg", null],
        ["Nobody believes that,", "she", "Sen. Ana Ruiz"],
      ],
    ],
    [
      "she skips a name titled Mr.",
      '"The pier is safe," said Mr. Berg, who met Ana Ruiz on Monday.\n"Nobody believes that," she said.',
      [
        ["The pier is safe,", "Mr. Berg", null],
        ["Nobody believes that,", "she", "Ana Ruiz"],
      ],
    ],
    [
      "a colon lead-in with an age and an appositive on the line before",
      '"We will go," said Ana Ruiz.\n\nTomas Berg, 45, a teacher from Lisle, said:\n"We will stay here."',
      [
        ["We will go,", "Ana Ruiz", null],
        ["We will stay here.", "Tomas Berg", null],
      ],
    ],
    [
      "told an outlet, with a colon, on the line before",
      '"We will go," said Ana Ruiz.\n\nTomas Berg told the Lisle Gazette:\n"We will stay here."',
      [
        ["We will go,", "Ana Ruiz", null],
        ["We will stay here.", "Tomas Berg", null],
      ],
    ],
    [
      "a compound with a slash before the name",
      '"We want the pier back," said 50/50 co-owner Mark Dunmore.',
      [["We want the pier back,", "50/50 co-owner Mark Dunmore", null]],
    ],
    [
      "an age and a trade before the name, then a quotation paragraph of its own",
      '"It was a good day," said 47-year-old ferry mechanic Mark Dunmore.\n\n"We are here to celebrate."',
      [
        ["It was a good day,", "47-year-old ferry mechanic Mark Dunmore", null],
        ["We are here to celebrate.", "47-year-old ferry mechanic Mark Dunmore", null],
      ],
    ],
    [
      "the N-year-old takes up the speaker just named, with that age",
      '"Her name is everywhere," said Lina Moss, 31, outside the hall.\n\n"You have got the schools and the roads," the 31-year-old said later.',
      [
        ["Her name is everywhere,", "Lina Moss", null],
        ["You have got the schools and the roads,", "the 31-year-old", "Lina Moss"],
      ],
    ],
    [
      "the N-year-old takes up the speaker just named, whose age was not given",
      '"Her name is everywhere," tailor Lina Moss said.\n\n"You have got the schools," the 31-year-old said later.',
      [
        ["Her name is everywhere,", "Lina Moss", null],
        ["You have got the schools,", "the 31-year-old", "Lina Moss"],
      ],
    ],
    [
      "a definite description whose head the speaker's sentence gave",
      '"The nets are empty," said Tomas Berg, a fisherman from Lisle.\n\n"Nobody buys boats now," the fisherman said.',
      [
        ["The nets are empty,", "Tomas Berg", null],
        ["Nobody buys boats now,", "the fisherman", "Tomas Berg"],
      ],
    ],
    [
      "a newspaper headline quoted with 'headlined' after it",
      '"A night of grief," the Daily Courier headlined on its front page.',
      [["A night of grief,", "Daily Courier", null]],
    ],
    [
      "a speech still to come: 'is expected to say'",
      'On Friday, Ms Oyelaran is expected to tell delegates Corvia will remain "a loyal partner of the alliance" in the region.',
      [["a loyal partner of the alliance", "Ms Oyelaran", null]],
    ],
  ])("%s", (_label, text, expected) => {
    expect(speakersOf(text)).toEqual(expected);
  });

  it.each<[string, string, (string | null)[][]]>([
    [
      "a pronoun keeps the speaker when the sentence between has no named subject",
      '"We will go," said Ana Ruiz.\nThe ferry left at noon.\n"We will stay here," she said.',
      [
        ["We will go,", "Ana Ruiz", null],
        ["We will stay here,", "she", "Ana Ruiz"],
      ],
    ],
    [
      "a pronoun keeps the speaker when the sentence between names someone else only as an object",
      '"We will go," said Ana Ruiz.\nThe council thanked Tomas Berg, the pier keeper, on Monday.\n"We will stay here," she said.',
      [
        ["We will go,", "Ana Ruiz", null],
        ["We will stay here,", "she", "Ana Ruiz"],
      ],
    ],
    [
      "he does not take up a name titled Mrs., and finds no one else",
      '"The pier is safe," said Mrs. Ruiz.\n"Nobody believes that," he said.',
      [
        ["The pier is safe,", "Mrs. Ruiz", null],
        ["Nobody believes that,", "he", null],
      ],
    ],
    [
      "a pronoun keeps the speaker when the same person is the subject again",
      '"We will go," said Ana Ruiz.\nRuiz waited on the pier.\n"We will stay here," she said.',
      [
        ["We will go,", "Ana Ruiz", null],
        ["We will stay here,", "she", "Ana Ruiz"],
      ],
    ],
    [
      "an age that differs from the one the speaker was given",
      '"Her name is everywhere," said Lina Moss, 31, outside the hall.\n\n"You have got the schools," the 64-year-old said later.',
      [
        ["Her name is everywhere,", "Lina Moss", null],
        ["You have got the schools,", "the 64-year-old", null],
      ],
    ],
    [
      "a definite description whose head was never said of the speaker",
      '"The nets are empty," said Tomas Berg, a fisherman from Lisle.\n\n"Nobody buys boats now," the mayor said.',
      [
        ["The nets are empty,", "Tomas Berg", null],
        ["Nobody buys boats now,", "the mayor", null],
      ],
    ],
    [
      "a definite description whose head names someone else in the speaker's sentence",
      '"The nets are empty," said Tomas Berg, who blames the mayor of Lisle.\n\n"Nobody buys boats now," the mayor said.',
      [
        ["The nets are empty,", "Tomas Berg", null],
        ["Nobody buys boats now,", "the mayor", null],
      ],
    ],
    [
      "an indefinite description introduces someone new",
      '"The nets are empty," said Tomas Berg, a fisherman from Lisle.\n\n"Nobody buys boats now," a fisherman said.',
      [
        ["The nets are empty,", "Tomas Berg", null],
        ["Nobody buys boats now,", "a fisherman", null],
      ],
    ],
    [
      "an affiliation after 'of the' is not a titled name",
      '"The ceasefire holds," said a commander of the Northern Brigade.',
      [["The ceasefire holds,", "a commander of the Northern Brigade", "Northern Brigade"]],
    ],
    [
      "headlined before a quotation names it",
      'The Daily Courier ran a story headlined "A night of grief" on Monday.',
      [],
    ],
  ])("does not: %s", (_label, text, expected) => {
    expect(speakersOf(text)).toEqual(expected);
  });
});

describe("extractQuotes: the sex a title gives a surname elsewhere in the article", () => {
  const located = (text: string, names: string[]): Mention[] =>
    names.map((name) => {
      const start = text.indexOf(name);
      return { start, end: start + name.length, text: name, type: "person" as const };
    });
  const text = (later: string) =>
    `"The roads are closed," said Governor Pedro Alvane.\nLina Okoro drove back to Tarvik on Monday to clear the mud.\n"We have food and water," she told reporters.\n${later}`;

  it.each([
    ["Mr", "Lina Okoro"],
    ["Mrs", "Pedro Alvane"],
    ["Ms. Ana", "Pedro Alvane"],
    ["Mr. Pedro", "Lina Okoro"],
  ])("'she' after a governor the article later calls %s", (title, expected) => {
    const t = text(`${title} Alvane said help was coming.`);
    const q = quotesOf(t, located(t, ["Pedro Alvane", "Lina Okoro"])).find((x) => x.text.startsWith("We have"));
    expect(q?.speaker?.resolved?.text).toBe(expected);
  });

  it("reads nothing from a surname the article titles both ways", () => {
    const t = text("Mr Alvane and Mrs Alvane said help was coming.");
    const q = quotesOf(t, located(t, ["Pedro Alvane", "Lina Okoro"])).find((x) => x.text.startsWith("We have"));
    expect(q?.speaker?.resolved?.text).toBe("Pedro Alvane");
  });
});
