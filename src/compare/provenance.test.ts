import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFiles } from "../ingest/index.js";
import type { Article } from "../model/index.js";
import { annotateArticle } from "../pipeline.js";
import { spanReader, toReportCertainty } from "../report/build.js";
import { groupQuotes, resolveEntities } from "../resolve/index.js";
import { certaintyOf } from "./certainty.js";
import { provenanceOf, wordsBefore } from "./provenance.js";
import { storyUnits } from "./units.js";

type Draft = Pick<Article, "id" | "text"> & Partial<Article>;

function provenanceOfDrafts(...drafts: Draft[]) {
  const annotated = drafts.map((d) =>
    annotateArticle({ source: `${d.id}.txt`, removedBoilerplate: [], diagnostics: [], ...d }),
  );
  const entities = resolveEntities(annotated);
  const story = { articles: annotated, entities, quotes: groupQuotes(annotated, entities) };
  const units = storyUnits(annotated, entities);
  return { story, units, provenance: provenanceOf(story, units) };
}

const citesOf = (text: string) => provenanceOfDrafts({ id: "a", text }).provenance.citations.map((c) => c.cites);

describe("citations", () => {
  it.each([
    ["Dock officials told Harbor Wire that the port of Vela was closed.", ["Harbor Wire"]],
    ["The port of Vela was closed on Monday, Harbor Wire reported.", ["Harbor Wire"]],
    ["The port of Vela was closed, according to the Coast Herald, a local weekly.", ["Coast Herald"]],
    ["Nine ships were stuck off Vela, according to the Sentinel, a regional daily.", ["Sentinel"]],
    ["In an interview with Harbor Wire, the mayor of Vela said the port would reopen.", ["Harbor Wire"]],
    ["Delta Shipping said in a statement that its cranes in Vela were idle.", ["Delta Shipping"]],
    ["Officials in Vela told AFP that the strike would go on.", ["AFP"]],
    ["The Vela Times reported, citing two officials, that the port was shut.", ["Vela Times"]],
    ["Nine ships were stuck, according to Ana Ruiz of the Vela Morning Post.", ["Vela Morning Post"]],
    ["A striker told the Vela Morning Post on Tuesday that talks had failed.", ["Vela Morning Post"]],
    [
      "The strike was in its third day, the Vela Morning Post said. The Post said ships were stuck.",
      ["Vela Morning Post"],
    ],
    ["Her agent told People.com that she was safe.", ["People"]],
    ["According to Channel 5 News, the gates of Vela port stayed shut.", ["Channel 5 News"]],
    ["Dock officials told Harbor Wire 12 ships were stuck off Vela.", ["Harbor Wire"]],
    ["“The port is dead,” columnist Ana Ruiz wrote in the Coast Herald newspaper.", ["Coast Herald"]],
    ["“A city holds its breath,” the Vela Morning Post headlined on Tuesday.", ["Vela Morning Post"]],
    ["The Vela Transport Ministry said on Monday that the port would reopen.", ["Vela Transport Ministry"]],
    ["The port will reopen on Monday, said the Vela Port Authority.", ["Vela Port Authority"]],
    ["“We are ready,” said a spokeswoman for the Vela Port Authority.", ["Vela Port Authority"]],
    ["A statement from the Vela Port Authority said the quay was safe.", ["Vela Port Authority"]],
    ["The Vela Port Authority said in a press release that the quay was safe.", ["Vela Port Authority"]],
    ["The Harbor Wire news agency reported that the quay was safe.", ["Harbor Wire"]],
    ["The quay is safe, the mayor of Vela said in a Harbor Wire interview.", ["Harbor Wire"]],
    ["The quay is safe, the Vela Palace said on Monday.", ["Vela Palace"]],
    ["Delta Shipping said on its website that the cranes in Vela were idle.", ["Delta Shipping"]],
  ])("%s cites %j", (text, cites) => {
    expect(citesOf(text)).toEqual(cites);
  });

  it.each([
    ["a person told reporters", "The mayor of Vela told reporters that the fire was out."],
    [
      "a claim attributed to a person",
      "Ana Ruiz runs the harbour. According to Ruiz, nine ships were waiting off Vela.",
    ],
    ["a place told something", "The envoys told Lisbon that the talks on Vela had failed."],
    ["a name that qualifies a noun", "Nine ships were stuck, according to Portuguese officials in Vela."],
    ["a description, not a name", "Nine ships were stuck, according to the health ministry in Vela."],
    ["a hyphenated modifier", "Nine ships were stuck, according to the Vela-run port office."],
    ["a generic source with nothing to resolve to", "Nine ships were stuck off Vela, according to the report."],
    ["a source named inside a quotation", "“Harbor Wire reported it first,” said the mayor of Vela."],
    ["a judge who was told", "The lawyer told Superior Court Judge Ana Ruiz that the dockers had gone home."],
    ["an institution that was told", "The operator told the Harbour Board that it would close the quay in Vela."],
    ["a name after a preposition", "Dockers on Twitter reported that the gates of Vela port were shut."],
    [
      "an employee's statement",
      "Cranes in Vela were idle, Ana Ruiz, a manager at Delta Shipping, said in a statement.",
    ],
    ["a capitalised common phrase", "According to Guardian angel lore, the dockers of Vela are protected."],
    ["a place named like an outlet", "Organisers told the Times Square crowd that the strike in Vela was over."],
    // An official who speaks on condition of anonymity is a source of the article, not the ministry's statement.
    [
      "an anonymous official of a ministry",
      "A Vela Transport Ministry official, who asked not to be named, said the port would reopen.",
    ],
    ["an official at a ministry", "An official at the Vela Transport Ministry said the port would reopen."],
    ["what someone said about a body", "The mayor said the Vela Transport Ministry would pay for the repairs."],
    ["a body's officer who speaks", "The port will reopen, said the Vela Port Authority's director, Ana Ruiz."],
    ["a body that is not named", "The port will reopen on Monday, the Ministry said. Police said the quay was safe."],
    ["a person who speaks", "The port will reopen on Monday, Ana Ruiz said."],
    ["a language written in", "The dockers of Vela wrote in Portuguese to the harbour master."],
    ["a kind of body with no name", "Authorities reported damage to the quay in Vela."],
    ["a chamber that was told", "The minister told the House that the port of Vela would reopen."],
    [
      "a body that ends an apposition",
      "“It is unlawful,” Ana Ruiz, one of the owners suing the VPA, said at a hearing in Vela.",
    ],
    [
      "a body after a preposition and an adjective",
      "Analysts at the conservative Vela Institute said the port would lose money.",
    ],
    ["a name before another noun", "The mayor of Vela said in a Harbor Wire column that the quay was safe."],
    ["a person's spokesman", "The port will reopen, a spokesman for Ana Ruiz said."],
    // The tagger's guess that a name is an organisation's is not enough for a bare "said": it may be a person's.
    ["a bare 'said' by a name typed only by the tagger", "Delta Shipping said the cranes in Vela were idle."],
  ])("does not cite anything for %s", (_, text) => {
    expect(citesOf(text)).toEqual([]);
  });

  it("names a body with the acronym the article defines for it, however the article refers to it", () => {
    const text = [
      "Vela port reopens",
      "The Ministry of Maritime Affairs (MMA) said on Monday that the port of Vela would reopen.",
      "“The quay is safe,” said MMA.",
    ].join("\n\n");
    const { provenance } = provenanceOfDrafts({ id: "a", text });
    expect(provenance.citations.map((c) => c.cites)).toEqual(["Ministry of Maritime Affairs (MMA)"]);
  });

  it.each([
    [
      "the nearest body with that word in its name",
      "Trucks queued at the Vela Port Authority gate overnight. The authority said the quay would reopen on Monday.",
      ["Vela Port Authority"],
    ],
    [
      "a body named after the reference",
      "The authority said the quay would reopen on Monday. Trucks queued at the Vela Port Authority gate.",
      [],
    ],
    [
      "a body named by its head word alone",
      "Trucks queued at the gate of the Authority overnight. The authority said the quay would reopen on Monday.",
      [],
    ],
    [
      "a body whose name lacks the word",
      "Trucks queued at the Delta Shipping gate overnight. The authority said the quay would reopen on Monday.",
      [],
    ],
  ])("resolves 'the authority said' to %s", (_, text, cites) => {
    expect(citesOf(text)).toEqual(cites);
  });

  const body = "Dockers in Vela went back to work on Monday.\n\nThe quay was cleared overnight.";
  it.each([
    ["a last line in capitals", `Vela port reopens\n\n${body}\n\nMPX`, ["MPX"]],
    ["a last line with a dash", `Vela port reopens\n\n${body}\n\n— Meridian Press`, ["Meridian Press"]],
    ["two agencies", `Vela port reopens\n\n${body}\n\nMPX/HWS`, ["MPX", "HWS"]],
    ["a dateline", `Vela port reopens\n\nVELA (MPX) - ${body}`, ["MPX"]],

    ["a dated dateline", `Vela port reopens\n\nVELA (Sept 5) - ${body}`, []],
    ["a dateline with its date", `Vela port reopens\n\nVELA, Sept 5 (MPX) - ${body}`, ["MPX"]],
    ["a last line that ends the copy", `Vela port reopens\n\n${body}\n\nENDS`, []],
    ["a last line of page furniture", `Vela port reopens\n\n${body}\n\nADVERTISEMENT`, []],
    ["a last line that is a person's name", `Vela port reopens\n\n${body}\n\nAna Ruiz`, []],
    ["a one-line text", "MPX", []],
  ])("reads a credit from %s", (_, text, cites) => {
    expect(citesOf(text)).toEqual(cites);
  });

  it.each([
    ["a headline that ends in a body's name", "Vela port to reopen on Monday: VPA", ["VPA"]],
    ["a headline with a clause after its colon", "Vela port: Dockers Return", []],
    ["a headline that ends in a place", "Dockers return to work: Vela", []],
    ["a headline that ends in a common noun's acronym", "Dockers return to work in Vela: NGO", []],
  ])("reads a credit from %s", (_, title, cites) => {
    const { provenance } = provenanceOfDrafts({ id: "a", title, text: `${title}\n\n${body}` });
    expect(provenance.citations.map((c) => c.cites)).toEqual(cites);
  });

  it("spells a credit line in capitals the way the story names the agency elsewhere", () => {
    const { provenance } = provenanceOfDrafts(
      { id: "a", text: "Vela port reopens\n\nDockers in Vela went back to work on Monday.\n\nMERIDIAN PRESS" },
      { id: "b", text: "Dockers in Vela went back to work, Meridian Press reported." },
    );
    expect(provenance.citations.map((c) => [c.article, c.cites])).toEqual([
      ["a", "Meridian Press"],
      ["b", "Meridian Press"],
    ]);
  });

  it("never lists an article citing its own outlet", () => {
    const { provenance } = provenanceOfDrafts({
      id: "a",
      outlet: "Harbor Wire",
      text: "Dock officials told Harbor Wire that the port of Vela was closed. The Coast Herald reported the same.",
    });
    expect(provenance.citations.map((c) => c.cites)).toEqual(["Coast Herald"]);
  });

  it("resolves a generic reference to the source the article otherwise cites, once per source", () => {
    const { provenance } = provenanceOfDrafts({
      id: "a",
      text: "The port of Vela was closed on Monday, according to Harbor Wire. Nine ships were waiting, according to the report. Dock officials told the newswire that talks would resume.",
    });
    expect(provenance.citations).toEqual([
      { article: "a", cites: "Harbor Wire", evidence: { article: "a", start: 0, end: 64 } },
    ]);
  });

  it("merges spellings of one source through entity resolution", () => {
    const { provenance } = provenanceOfDrafts(
      { id: "a", text: "Dock officials told Harbor Wire Service that the port of Vela was closed." },
      { id: "b", text: "The port of Vela was closed on Monday, the Harbor Wire Service reported." },
    );
    expect(new Set(provenance.citations.map((c) => c.cites)).size).toBe(1);
  });
});

describe("origin", () => {
  const wire = {
    id: "wire",
    published: "2026-05-02",
    text: "Dock workers in Vela stayed off the job for a third day, union officials told Harbor Wire. The union wants a nine percent rise. Harbor Wire could not independently verify the number of strikers.",
  };
  const copy = {
    id: "copy",
    text: "Dock workers in Vela stayed off the job for a third day, union officials told Harbor Wire. Ships are waiting at anchor.",
  };
  const relay = {
    id: "relay",
    published: "2026-05-03",
    text: "A strike at the port of Vela entered its third day, Harbor Wire reported. Shops near the quay have closed.",
  };
  const another = {
    id: "another",
    published: "2026-05-03",
    text: "Pickets blocked the gates of Vela port on Tuesday, according to Harbor Wire. The Coast Herald said fishermen stayed home.",
  };

  it("is the source most articles cite, and the article that only names it as the one people told", () => {
    const { provenance } = provenanceOfDrafts(relay, copy, wire, another);
    expect(provenance.origin).toEqual({ name: "Harbor Wire", article: "wire" });
  });

  it("prefers the earliest dated of several articles that keep 'told <source>'", () => {
    const late = { ...wire, published: "2026-05-04" };
    const early = { ...copy, published: "2026-05-01" };
    expect(provenanceOfDrafts(relay, early, late).provenance.origin?.article).toBe("copy");
  });

  it("does not take a lone 'told <source>' for the report itself", () => {
    const lone = { id: "lone", text: "Union officials told Harbor Wire that the strike in Vela would go on." };
    expect(provenanceOfDrafts(relay, another, lone).provenance.origin).toEqual({ name: "Harbor Wire" });
  });

  it("has a name but no article when every article relays the source", () => {
    expect(provenanceOfDrafts(relay, another).provenance.origin).toEqual({ name: "Harbor Wire" });
  });

  it("needs two citing articles", () => {
    expect(
      provenanceOfDrafts(relay, { id: "x", text: "Fishermen in Vela kept their boats in." }).provenance.origin,
    ).toBe(undefined);
  });

  it("is the outlet's own article when the metadata names it", () => {
    const own = { ...copy, outlet: "Harbor Wire" };
    expect(provenanceOfDrafts(relay, another, own).provenance.origin).toEqual({ name: "Harbor Wire", article: "copy" });
  });

  it("is not listed as citing itself", () => {
    const { provenance } = provenanceOfDrafts(relay, copy, wire, another);
    const citing = provenance.citations.filter((c) => c.cites === "Harbor Wire").map((c) => c.article);
    expect(citing.sort()).toEqual(["another", "copy", "relay"]);
  });

  it("is the body whose statement most articles relay", () => {
    const statement = (id: string, text: string) => ({ id, published: "2026-05-03", text });
    const { provenance } = provenanceOfDrafts(
      statement("x", "The Vela Port Authority said on Monday that the quay was safe. Ships were waiting."),
      statement("y", "The quay is safe, the Vela Port Authority said. Harbor Wire reported that ships were waiting."),
      statement("z", "Ships were waiting off Vela, said a spokesman for the Vela Port Authority."),
    );
    expect(provenance.origin).toEqual({ name: "Vela Port Authority" });
  });
});

describe("reuse", () => {
  const source = {
    id: "first",
    published: "2026-05-02",
    text: [
      "Talks on a new contract between the dockers and the port operator collapsed in April after six rounds.",
      "More than 400 dockers, most of them members of the harbour union, walked off the job at dawn on Thursday.",
      "The union is asking for a nine percent rise, while the operator has offered four percent and a bonus.",
      "A spokesman for the operator said the offer was final.",
    ].join("\n\n"),
  };
  const rewrite = {
    id: "second",
    published: "2026-05-03",
    text: [
      "Cargo is piling up on the quays of Vela.",
      "Talks on a new contract between the dockers and the port operator broke down in April after six rounds.",
      "More than 400 dockers, most of them members of the harbour union, walked out at dawn on Thursday.",
      "Fishermen said they had not seen the port so quiet in years.",
    ].join("\n\n"),
  };

  it("finds a lightly rewritten passage, from the earlier article to the later", () => {
    const { provenance } = provenanceOfDrafts(rewrite, source);
    expect(provenance.reuse).toHaveLength(1);
    const r = provenance.reuse[0];
    expect(r).toMatchObject({ from: "first", to: "second" });
    expect(r?.passages).toBeGreaterThanOrEqual(1);
    expect(r?.sharedFraction).toBeGreaterThan(0.4);
    expect(r?.sharedFraction).toBeLessThan(0.9);
  });

  it("gives each shared passage's words in both articles, in the order of the later one's text", () => {
    const { provenance } = provenanceOfDrafts(rewrite, source);
    const r = provenance.reuse[0];
    const passages = r?.evidence ?? [];
    expect(passages).toHaveLength(r?.passages ?? -1);
    const textOf = { first: source.text, second: rewrite.text } as Record<string, string>;
    const words = (s: { article: string; start: number; end: number }) =>
      (textOf[s.article] ?? "").slice(s.start, s.end);
    for (const p of passages) {
      expect([p.from.article, p.to.article]).toEqual(["first", "second"]);
      // Whole words at both ends, and the same words in both (a passage is shared text).
      for (const side of [p.from, p.to]) expect(words(side)).toMatch(/^\w.*\w$/s);
      expect(words(p.from).split(/\W+/).slice(0, 5)).toEqual(words(p.to).split(/\W+/).slice(0, 5));
    }
    expect(passages.map((p) => p.to.start)).toEqual([...passages.map((p) => p.to.start)].sort((x, y) => x - y));
    const shared = passages.map((p) => words(p.to)).join(" | ");
    expect(shared).toContain("most of them members of the harbour union");
    // Negative: the sentences only the later article has are in no passage.
    expect(shared).not.toMatch(/Cargo|Fishermen/);
  });

  it("without dates, runs from the origin article", () => {
    const wire = {
      id: rewrite.id,
      text: `${rewrite.text}\n\nDockers told Harbor Wire they would stay out. Harbor Wire could not independently verify their numbers.`,
    };
    const other = { id: source.id, text: `${source.text}\n\nThe strike will go on, Harbor Wire reported.` };
    const { provenance } = provenanceOfDrafts(other, wire);
    expect(provenance.origin).toEqual({ name: "Harbor Wire", article: "second" });
    expect(provenance.reuse[0]).toMatchObject({ from: "second", to: "first" });
  });

  it("without dates or origin, runs from the fuller article", () => {
    const { provenance } = provenanceOfDrafts(
      { id: rewrite.id, text: rewrite.text },
      { id: source.id, text: source.text },
    );
    expect(provenance.reuse[0]).toMatchObject({ from: "first", to: "second" });
  });

  it.each([
    [
      "a shared quotation alone",
      "“We will not go back to work until the operator puts a fair offer in writing,” said Omar Haddad, the union leader.",
      "The union leader Omar Haddad was defiant. “We will not go back to work until the operator puts a fair offer in writing,” he said.",
    ],
    [
      "a short shared phrase",
      "Ships waited at anchor as a strike by dock workers closed the port of Vela for a third day.",
      "A strike by dock workers has left the port of Vela idle, and exporters are counting the cost.",
    ],
    [
      "a shared long name",
      "The Federation of Harbour and Dock Workers of Vela called the strike.",
      "Leaders of the Federation of Harbour and Dock Workers of Vela met the mayor.",
    ],
  ])("is not %s", (_, a, b) => {
    const { provenance } = provenanceOfDrafts(
      { id: "a", text: a, published: "2026-05-02" },
      { id: "b", text: b, published: "2026-05-03" },
    );
    expect(provenance.reuse).toEqual([]);
  });
});

describe("provenance on the example story", () => {
  const dir = join(import.meta.dirname, "../../examples/port-strike-fire");
  const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as {
    provenance: {
      origin: string;
      originArticle: string;
      citing: string[];
      reuse: [string, string][];
      otherCited: Record<string, string[]>;
    };
  };

  it("finds the wire report, who cites it, the copy and the second source", async () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(dir, f));
    const { articles } = await readArticleFiles(files);
    const { provenance } = provenanceOfDrafts(...articles);
    const want = expected.provenance;
    expect(provenance.origin).toEqual({ name: want.origin, article: want.originArticle });
    for (const a of want.citing)
      expect(provenance.citations).toContainEqual(expect.objectContaining({ article: a, cites: want.origin }));
    for (const [a, names] of Object.entries(want.otherCited)) {
      for (const n of names)
        expect(provenance.citations).toContainEqual(expect.objectContaining({ article: a, cites: n }));
    }
    expect(provenance.reuse.map((r) => [r.from, r.to])).toEqual(want.reuse);
    expect(provenance.reuse[0]?.sharedFraction).toBeGreaterThan(0.1);
    expect(provenance.reuse[0]?.passages).toBeGreaterThanOrEqual(3);
    const everyCited = new Set(provenance.citations.map((c) => c.cites));
    // The operator's own statement ("said in a statement") is a cited source too, and so is the port authority
    // that speaks through its spokesman; the directorate goes by the acronym it is given.
    expect([...everyCited].sort()).toEqual([
      "Marsa Container Terminals",
      "Meridian Press",
      "Regional Civil Protection Directorate (RCPD)",
      "Sahel Courier",
      "Sidi Marzouk Port Authority",
    ]);
  });
});

const SEEDS = "/work/shared/seeds";
const GOLD = "/work/shared/gold/seeds.json";

describe.skipIf(!existsSync(SEEDS) || !existsSync(GOLD))(
  "provenance and certainty on the seed story (skips when /work/shared is absent)",
  () => {
    it("passes the gold file's provenance and certainty checks", async () => {
      const gold = JSON.parse(readFileSync(GOLD, "utf8"));
      const files = readdirSync(SEEDS)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => join(SEEDS, f));
      const { articles } = await readArticleFiles(files);
      const { story, units, provenance } = provenanceOfDrafts(...articles);
      const norm = (s: string) =>
        s
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, " ")
          .trim();
      const p = gold.provenance;
      expect(norm(provenance.origin?.name ?? "")).toContain(norm(p.origin));
      expect(provenance.origin?.article).toBe(p.originArticle);
      for (const a of p.citing as string[]) {
        expect(provenance.citations.some((c) => c.article === a && norm(c.cites).includes(norm(p.origin)))).toBe(true);
      }
      for (const [from, to] of p.reuse as [string, string][]) {
        expect(provenance.reuse.some((r) => r.from === from && r.to === to && r.sharedFraction > 0)).toBe(true);
      }
      for (const [a, names] of Object.entries(p.otherCited as Record<string, string[]>)) {
        for (const n of names)
          expect(provenance.citations.some((c) => c.article === a && norm(c.cites).includes(norm(n)))).toBe(true);
      }
      const { words, evidence } = spanReader(articles);
      const certainty = certaintyOf(story, units, provenance.origin?.article).map((c) =>
        toReportCertainty(c, words, evidence),
      );
      for (const g of gold.certainty.overstated as { article: string; keys: string[] }[]) {
        const hit = certainty.find(
          (c) =>
            c.article === g.article &&
            c.overstated &&
            g.keys.every((k) => norm(`${c.claim} ${c.evidence}`).includes(norm(k))),
        );
        expect(hit, g.article).toBeDefined();
      }
    });
  },
);

describe("wordsBefore", () => {
  const bySplit = (text: string, end: number, n: number) =>
    text
      .slice(0, end)
      .split(/\s+/u)
      .filter((w) => w)
      .reverse()
      .slice(0, n);

  it("gives the nearest words first, as many as asked and no more than there are", () => {
    expect(wordsBefore("said the Port  Authority", 15, 2)).toEqual(["Port", "the"]);
    expect(wordsBefore("said the Port Authority", 13, 4)).toEqual(["Port", "the", "said"]);
    expect(wordsBefore("  an analyst at\tthe\u00a0Vela", 24, 4)).toEqual(["Vela", "the", "at", "analyst"]);
    // A word cut by `end` counts as far as it goes; spaces alone give no word.
    expect(wordsBefore("Port Authority", 7, 4)).toEqual(["Au", "Port"]);
    expect(wordsBefore("   ", 3, 4)).toEqual([]);
    expect(wordsBefore("Port", 0, 4)).toEqual([]);
  });

  it("is the split of the whole text before, cut to the first words", () => {
    // Invented strings of words, spaces of several kinds and a character outside the BMP.
    const pieces = ["a", "Port", "of", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "x\u{1d400}y", "-", "'s"];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let round = 0; round < 300; round++) {
      let text = "";
      for (let k = next() % 12; k > 0; k--) text += pieces[next() % pieces.length];
      const end = next() % (text.length + 1);
      const n = 1 + (next() % 5);
      expect(wordsBefore(text, end, n)).toEqual(bySplit(text, end, n));
    }
  });
});
