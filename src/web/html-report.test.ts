import { createHash } from "node:crypto";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { EvidenceSpan, ReportArticle, StoryReport } from "../model/index.js";
import { REPORT_SECTIONS, renderHtmlReport } from "./html-report.js";

// An invented story: a river flood in a fictional town, told by three invented outlets.
const ALPHA =
  'Floodwater breached the levee at Kelmbridge on Friday, forcing about 400 residents from their homes, the river authority said.\n\n"We have never seen the Ardel this high," said Hanna Veit, the authority\'s director. The mayor, Olek Strand, accused the regional council of ignoring warnings.';
const BETA =
  "More than 600 people fled Kelmbridge after the levee failed on Friday, according to the Northern Gazette.\n\nHanna Veit said: “We have never seen the river this high.” Strand blamed the regional council.";
const GAMMA =
  "Levee collapse may have been avoidable\n\nEngineers may have warned of cracks in the levee months ago. “We have never seen the Ardel this high,” Veit said, “and we were not ready.” The council is considering an inquiry.";

function article(id: string, text: string, extra: Partial<ReportArticle> = {}): ReportArticle {
  return { id, source: `${id}.txt`, text, wordCount: text.split(/\s+/).length, removedBoilerplate: [], ...extra };
}

const ARTICLES = [
  article("alpha", ALPHA, { outlet: "Northern Gazette", published: "2031-05-02", author: "Ines Moravec" }),
  article("beta", BETA, { outlet: "Valley Wire", published: "2031-05-03", removedBoilerplate: ["Share this story"] }),
  article("gamma", GAMMA, { title: "Levee collapse may have been avoidable" }),
];

function ev(id: string, words: string): EvidenceSpan {
  const text = ARTICLES.find((a) => a.id === id)?.text ?? "";
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture: "${words}" not in ${id}`);
  return { article: id, text: words, start, end: start + words.length };
}

/** Where words are in an article, for findings that give their words as text beside the offsets. */
function at(id: string, words: string): { start: number; end: number } {
  const { start, end } = ev(id, words);
  return { start, end };
}

function fixture(): StoryReport {
  const veit = [ev("alpha", "Hanna Veit"), ev("beta", "Hanna Veit"), ev("gamma", "Veit")];
  return {
    schema: "triangulate.story/1",
    story: {
      id: "kelmbridge-flood",
      title: "Kelmbridge levee breach",
      articleCount: 3,
      firstPublished: "2031-05-02",
      lastPublished: "2031-05-03",
    },
    articles: ARTICLES,
    entities: [
      { id: "person:hanna-veit", name: "Hanna Veit", type: "person", aliases: ["Veit"], mentions: veit },
      {
        id: "person:olek-strand",
        name: "Olek Strand",
        type: "person",
        aliases: ["Strand"],
        mentions: [ev("alpha", "Olek Strand"), ev("beta", "Strand")],
      },
      {
        id: "organization:regional-council",
        name: "regional council",
        type: "organization",
        aliases: ["council"],
        mentions: [ev("alpha", "regional council"), ev("beta", "regional council"), ev("gamma", "council")],
      },
      {
        id: "place:kelmbridge",
        name: "Kelmbridge",
        type: "place",
        aliases: [],
        mentions: [ev("alpha", "Kelmbridge"), ev("beta", "Kelmbridge")],
      },
    ],
    quotes: [
      {
        id: "q1",
        text: "We have never seen the Ardel this high,",
        speaker: { entity: "person:hanna-veit", description: "Hanna Veit, the authority's director" },
        occurrences: [
          {
            ...ev("alpha", "We have never seen the Ardel this high,"),
            attribution: "said Hanna Veit",
            fidelity: "exact",
          },
          {
            ...ev("beta", "We have never seen the river this high."),
            attribution: "Hanna Veit said",
            fidelity: "altered",
          },
          { ...ev("gamma", "We have never seen the Ardel this high,"), attribution: "Veit said", fidelity: "exact" },
        ],
      },
    ],
    statements: [
      {
        id: "s1",
        ...ev(
          "alpha",
          "Floodwater breached the levee at Kelmbridge on Friday, forcing about 400 residents from their homes",
        ),
        attribution: "the river authority said",
        speaker: { description: "the river authority" },
      },
    ],
    facts: [
      {
        id: "f-unique",
        text: "Engineers may have warned of cracks in the levee months ago.",
        kind: "unique",
        sources: ["gamma"],
        evidence: [ev("gamma", "Engineers may have warned of cracks in the levee months ago.")],
      },
      {
        id: "f-breach",
        text: "The levee at Kelmbridge failed on Friday.",
        kind: "corroborated",
        sources: ["alpha", "beta"],
        evidence: [
          ev(
            "alpha",
            "Floodwater breached the levee at Kelmbridge on Friday, forcing about 400 residents from their homes, the river authority said.",
          ),
          ev(
            "beta",
            "More than 600 people fled Kelmbridge after the levee failed on Friday, according to the Northern Gazette.",
          ),
        ],
      },
    ],
    discrepancies: [
      {
        id: "d1",
        kind: "number",
        about: "how many residents left",
        compatible: false,
        explanation: "Northern Gazette says about 400, Valley Wire more than 600: the ranges do not overlap.",
        values: [
          {
            article: "alpha",
            value: "about 400",
            evidence: "forcing about 400 residents from their homes",
            ...at("alpha", "forcing about 400 residents from their homes"),
          },
          {
            article: "beta",
            value: "More than 600",
            evidence: "More than 600 people fled Kelmbridge",
            ...at("beta", "More than 600 people fled Kelmbridge"),
          },
        ],
      },
    ],
    certainty: [
      {
        article: "gamma",
        claim: "Levee collapse may have been avoidable",
        level: "speculative",
        evidence: "may",
        headline: true,
        overstated: false,
        ...at("gamma", "Levee collapse may have been avoidable"),
        cues: [ev("gamma", "may")],
      },
      {
        article: "beta",
        claim: "More than 600 people fled Kelmbridge",
        level: "asserted",
        evidence: "fled",
        headline: false,
        overstated: true,
        ...at("beta", "More than 600 people fled Kelmbridge"),
        cues: [ev("beta", "fled")],
      },
    ],
    provenance: {
      origin: { name: "Northern Gazette", article: "alpha" },
      citations: [
        {
          article: "beta",
          cites: "Northern Gazette",
          evidence: "according to the Northern Gazette",
          ...at("beta", "according to the Northern Gazette"),
        },
      ],
      reuse: [{ from: "alpha", to: "beta", sharedFraction: 0.375, passages: 2 }],
    },
    timeline: [
      {
        date: "2031-05-02",
        text: "The levee at Kelmbridge fails.",
        sources: ["alpha", "beta"],
        evidence: [ev("alpha", "Floodwater breached the levee"), ev("beta", "the levee failed on Friday")],
      },
      {
        date: "2031-01",
        text: "Engineers may have warned of cracks in the levee months ago.",
        sources: ["gamma"],
        evidence: [ev("gamma", "Engineers may have warned of cracks in the levee months ago.")],
      },
    ],
    relations: [
      {
        subject: "person:olek-strand",
        predicate: "accused",
        object: "organization:regional-council",
        sources: ["alpha"],
        evidence: ["The mayor, Olek Strand, accused the regional council of ignoring warnings."],
        evidenceSpans: [ev("alpha", "The mayor, Olek Strand, accused the regional council of ignoring warnings.")],
      },
      {
        subject: "person:olek-strand",
        predicate: "blamed",
        object: "organization:regional-council",
        sources: ["beta"],
        evidence: ["Strand blamed the regional council."],
        evidenceSpans: [ev("beta", "Strand blamed the regional council.")],
      },
      {
        subject: "person:hanna-veit",
        predicate: "is part of",
        object: "the river authority",
        sources: ["alpha"],
        evidence: ["said Hanna Veit, the authority's director"],
        evidenceSpans: [ev("alpha", "said Hanna Veit, the authority's director")],
      },
    ],
    brief: [
      {
        text: "The levee at Kelmbridge failed on Friday.",
        citations: ["alpha", "beta"],
        evidence: [ev("alpha", "Floodwater breached the levee"), ev("beta", "the levee failed on Friday")],
      },
      { text: "How many residents left is disputed: about 400 or more than 600.", citations: ["alpha", "beta"] },
      { text: "Only one outlet reports that engineers may have warned of cracks.", citations: ["gamma"] },
    ],
  };
}

function emptyReport(): StoryReport {
  return {
    ...fixture(),
    entities: [],
    quotes: [],
    statements: [],
    facts: [],
    discrepancies: [],
    certainty: [],
    provenance: { citations: [], reuse: [] },
    timeline: [],
    relations: [],
    brief: [],
  };
}

function parse(page: string): Document {
  return new JSDOM(page).window.document;
}

/** The element a same-page link points at. */
function target(doc: Document, href: string | null): Element | null {
  return href?.startsWith("#") ? doc.getElementById(decodeURIComponent(href.slice(1))) : null;
}

describe("renderHtmlReport", () => {
  const page = renderHtmlReport(fixture());
  const doc = parse(page);

  it("has every section, each with data", () => {
    for (const [id, title] of REPORT_SECTIONS) {
      const section = doc.querySelector(`section#${id}`);
      expect(section?.querySelector("h2")?.textContent).toBe(title);
      expect(section?.querySelector(":scope > p.none"), id).toBeNull();
    }
  });

  it("links only to anchors on the page", () => {
    const links = [...doc.querySelectorAll("[href]")];
    expect(links.length).toBeGreaterThan(40);
    for (const a of links) {
      const href = a.getAttribute("href");
      expect(href?.startsWith("#"), href ?? "").toBe(true);
      expect(target(doc, href), href ?? "").not.toBeNull();
    }
    expect(doc.querySelectorAll("[src]").length).toBe(0);
    expect(page).not.toMatch(/\b(?:src|href|action|srcset)\s*=\s*["']?\s*(?:[a-z]+:|\/\/)/i);
    expect(page).not.toMatch(/url\(\s*["']?(?:https?:|\/\/)/i);
  });

  it("has a strict Content-Security-Policy that allows exactly its stylesheet and no script", () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    const styles = doc.querySelectorAll("style");
    expect(styles.length).toBe(1);
    const hash = createHash("sha256")
      .update(styles[0]?.textContent ?? "")
      .digest("base64");
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(doc.querySelectorAll("script, [style], link, iframe, object, embed").length).toBe(0);
  });

  it("draws each article's text unchanged, with linked words as spans", () => {
    ARTICLES.forEach((a, i) => {
      expect(doc.querySelector(`#art-${i} .article-text`)?.textContent).toBe(a.text);
    });
    expect(doc.querySelector("#art-1 details")?.textContent).toContain("Share this story");
  });

  it("puts corroborated facts first, with cells linking to each outlet's words", () => {
    const rows = [...doc.querySelectorAll("#facts tbody tr")];
    expect(rows.map((r) => r.className)).toEqual(["corroborated", "unique"]);
    const headers = [...doc.querySelectorAll("#facts thead th.outlet")].map((th) => th.textContent);
    // An article without an outlet is named by its headline, not by its id.
    expect(headers).toEqual(["Northern Gazette", "Valley Wire", "“Levee collapse may have been avoidable”"]);
    const cells = [...(rows[0]?.querySelectorAll("td.cell a") ?? [])];
    expect(cells.map((a) => target(doc, a.getAttribute("href"))?.textContent)).toEqual([
      fixture().facts[1]?.evidence[0]?.text,
      fixture().facts[1]?.evidence[1]?.text,
    ]);
    expect(rows[0]?.querySelectorAll("td.miss").length).toBe(1);
  });

  it("shows each discrepancy with its kind, verdict and both sides' evidence", () => {
    const card = doc.querySelector("#disc-0");
    expect(card?.querySelector(".badge.warn")?.textContent).toBe("number");
    expect(card?.querySelector(".badge.bad")?.textContent).toBe("incompatible");
    const evidence = [...(card?.querySelectorAll("a.ev") ?? [])];
    expect(evidence.map((a) => target(doc, a.getAttribute("href"))?.textContent)).toEqual([
      "forcing about 400 residents from their homes",
      "More than 600 people fled Kelmbridge",
    ]);
    expect(evidence.map((a) => a.querySelector("strong")?.textContent)).toEqual(["about 400", "More than 600"]);
  });

  it("names the articles of a discrepancy's explanation as the page does, not by their file ids", () => {
    const renamed = JSON.parse(
      JSON.stringify(fixture())
        .replaceAll('"beta"', '"002_beta"')
        .replace("Valley Wire more than 600", "002_beta more than 600"),
    ) as StoryReport;
    const text = parse(renderHtmlReport(renamed)).querySelector("#disc-0 p")?.textContent;
    expect(text).toBe("Northern Gazette says about 400, Valley Wire more than 600: the ranges do not overlap.");
    expect(text).not.toContain("002_beta");
  });

  it("shows every rendering of a quotation with its word differences, fidelity and speaker", () => {
    const card = doc.querySelector("#quote-0");
    expect(card?.querySelector("h3 a")?.getAttribute("href")).toBe("#ent-0");
    const renderings = [...(card?.querySelectorAll(".rendering") ?? [])];
    expect(renderings.map((r) => r.querySelector(".badge")?.textContent)).toEqual(["exact", "altered", "exact"]);
    expect(renderings[0]?.querySelectorAll("ins, del").length).toBe(0);
    // The closing comma against the closing period is the quoting sentence's punctuation, not a change of words.
    expect([...(renderings[1]?.querySelectorAll("del") ?? [])].map((d) => d.textContent?.trim())).toEqual(["Ardel"]);
    expect([...(renderings[1]?.querySelectorAll("ins") ?? [])].map((d) => d.textContent?.trim())).toEqual(["river"]);
    expect(renderings[1]?.querySelector(".said")?.textContent).toBe("We have never seen the Ardel river this high.");
    const inArticle = renderings[1]?.querySelector(".attr a");
    expect(target(doc, inArticle?.getAttribute("href") ?? null)?.textContent).toBe(
      "We have never seen the river this high.",
    );
  });

  it("lists reported speech with its speaker, linked to its words in the article", () => {
    const items = [...doc.querySelectorAll("#quotes ul.speech li")];
    expect(items.map((li) => li.querySelector("strong")?.textContent)).toEqual(["the river authority"]);
    const words = items[0]?.querySelector("a");
    expect(target(doc, words?.getAttribute("href") ?? null)?.classList.contains("k-speech")).toBe(true);
  });

  it("places each claim on the certainty ladder and flags overstatement", () => {
    const rows = [...doc.querySelectorAll("#certainty tbody tr")];
    // In article order: beta before gamma.
    expect(rows.map((r) => r.querySelector(".ladder .on")?.textContent)).toEqual(["asserted", "speculative"]);
    expect(rows.map((r) => Boolean(r.querySelector(".badge.bad")))).toEqual([true, false]);
    expect(rows[1]?.querySelector(".badge.info")?.textContent).toBe("headline");
    // The cue "may" lands on its own claim, the headline, not on a later "may".
    const cue = target(doc, rows[1]?.querySelector("a.ev")?.getAttribute("href") ?? null);
    expect(cue?.textContent).toBe("may");
    expect(cue?.id).toBe(`s2-${GAMMA.indexOf("may")}-${GAMMA.indexOf("may") + 3}`);
  });

  it("shows the origin, citations and reuse with its shared fraction", () => {
    const section = doc.querySelector("#provenance");
    expect(section?.textContent).toContain("Origin: Northern Gazette");
    const cite = section?.querySelector("#cite-0 a.ev");
    expect(target(doc, cite?.getAttribute("href") ?? null)?.textContent).toBe("according to the Northern Gazette");
    expect(section?.querySelector("meter")?.getAttribute("value")).toBe("0.375");
    expect(section?.querySelector("li")?.textContent).toContain("38% of the later text shared, 2 passages");
    expect(section?.querySelectorAll("svg .edge").length).toBe(1);
  });

  it("names a stored story's copies beside the article each copies, escaped, and nothing of copies without them", () => {
    const report = fixture();
    const copied = report.articles[0]?.id ?? "";
    const withCopies: StoryReport = {
      ...report,
      provenance: {
        ...report.provenance,
        copies: [{ article: copied, copy: { id: "c", outlet: "Copy <b>Desk</b>", published: "2031-01-02" } }],
      },
    };
    const copyDoc = parse(renderHtmlReport(withCopies));
    const item = copyDoc.querySelector("#provenance ul.copies li");
    expect(item?.textContent).toContain("was run again by Copy <b>Desk</b> (2031-01-02)");
    expect(target(copyDoc, item?.querySelector("a")?.getAttribute("href") ?? null)?.tagName).toBe("ARTICLE");
    expect(copyDoc.querySelectorAll("#provenance b")).toHaveLength(0);
    expect(doc.querySelector("#provenance ul.copies")).toBeNull();
  });

  it("sorts the timeline by date and links each event to its sources", () => {
    const items = [...doc.querySelectorAll("#timeline li")];
    expect(items.map((li) => li.querySelector("time")?.getAttribute("datetime"))).toEqual(["2031-01", "2031-05-02"]);
    const links = [...(items[0]?.querySelectorAll(".cite a") ?? [])];
    expect(target(doc, links[0]?.getAttribute("href") ?? null)?.textContent).toBe(
      "Engineers may have warned of cracks in the levee months ago.",
    );
    // An event told in other words links to each source's own sentence.
    const told = [...(items[1]?.querySelectorAll(".cite a") ?? [])];
    expect(told.map((a) => target(doc, a.getAttribute("href"))?.textContent)).toEqual([
      "Floodwater breached the levee",
      "the levee failed on Friday",
    ]);
  });

  it("links to the article, never to a guess, where a finding has no offsets or offsets that miss its words", () => {
    const report = fixture();
    const [first, second] = report.timeline;
    if (first) delete first.evidence;
    const value = report.discrepancies[0]?.values[0];
    if (value?.start !== undefined) value.start += 3;
    if (second) second.evidence = [{ ...ev("gamma", "Engineers may have warned"), text: "Something else" }];
    const doc = parse(renderHtmlReport(report));
    const items = [...doc.querySelectorAll("#timeline li")];
    expect(items[0]?.querySelector(".cite a")?.getAttribute("href")).toBe("#art-2");
    expect(items[1]?.querySelector(".cite a")?.getAttribute("href")).toBe("#art-0");
    expect(doc.querySelector("#disc-0 a.ev")?.getAttribute("href")).toBe("#art-0");
  });

  it("draws the actors as a graph, naming entities and keeping actors that are not entities", () => {
    const svg = doc.querySelector("#actors svg.graph");
    expect([...(svg?.querySelectorAll(".node title") ?? [])].map((t) => t.textContent)).toEqual([
      "Olek Strand",
      "regional council",
      "Hanna Veit",
      "the river authority",
    ]);
    expect([...(svg?.querySelectorAll(".edge text") ?? [])].map((t) => t.textContent)).toEqual([
      "accused; blamed",
      "is part of",
    ]);
    const evidence = doc.querySelector("#rel-0 a.ev");
    expect(target(doc, evidence?.getAttribute("href") ?? null)?.textContent).toBe(
      "The mayor, Olek Strand, accused the regional council of ignoring warnings.",
    );
  });

  it("lists entities with aliases and links to every mention", () => {
    const row = doc.querySelector("#ent-0");
    expect(row?.querySelector(".aliases")?.textContent).toBe("Veit");
    const mentions = [...(row?.querySelectorAll(".mentions a") ?? [])];
    expect(mentions.map((a) => target(doc, a.getAttribute("href"))?.textContent)).toEqual([
      "Hanna Veit",
      "Hanna Veit",
      "Veit",
    ]);
  });

  it("cites every brief sentence, linking to its words where an article has them", () => {
    const items = [...doc.querySelectorAll("#brief li")];
    expect(items.length).toBe(3);
    expect(items.map((li) => li.querySelectorAll(".cite a").length)).toEqual([2, 2, 1]);
    expect(items[0]?.querySelector(".cite a")?.textContent).toBe("Northern Gazette");
    const links = [...(items[0]?.querySelectorAll(".cite a") ?? [])];
    expect(links.map((a) => target(doc, a.getAttribute("href"))?.textContent)).toEqual([
      "Floodwater breached the levee",
      "the levee failed on Friday",
    ]);
    // A sentence without evidence cites the article.
    expect(items[2]?.querySelector(".cite a")?.getAttribute("href")).toBe("#art-2");
  });

  it("is deterministic", () => {
    expect(renderHtmlReport(fixture())).toBe(page);
  });
});

describe("renderHtmlReport: a disputed claim", () => {
  const report = fixture();
  const breach = report.facts.find((f) => f.id === "f-breach");
  if (breach) {
    breach.kind = "disputed";
    breach.sources = ["alpha"];
    breach.contradictedBy = ["beta"];
  }
  const doc = parse(renderHtmlReport(report));
  const row = [...doc.querySelectorAll("#facts tbody tr")].find((r) => r.className === "disputed");

  it("shows support, contradiction and silence as three different cells", () => {
    const cells = [...(row?.querySelectorAll("td:not(.fact)") ?? [])];
    expect(cells.map((c) => c.className)).toEqual(["cell", "cell against", "miss"]);
    expect(
      cells.map((c) => c.querySelector("[aria-label]")?.getAttribute("aria-label") ?? c.getAttribute("aria-label")),
    ).toEqual([
      "in Northern Gazette",
      "contradicted by Valley Wire",
      "not in “Levee collapse may have been avoidable”",
    ]);
  });

  it("links the contradicting outlet's cell to its own words", () => {
    const link = row?.querySelector("td.against a");
    expect(target(doc, link?.getAttribute("href") ?? null)?.textContent).toBe(breach?.evidence[1]?.text);
  });

  it("says who disputes it", () => {
    expect(row?.querySelector(".badge.bad")?.textContent).toBe("disputed by Valley Wire");
  });
});

describe("renderHtmlReport with nothing found", () => {
  it('says "None found." in every section without findings', () => {
    const doc = parse(renderHtmlReport(emptyReport()));
    for (const id of ["brief", "facts", "discrepancies", "quotes", "certainty", "timeline", "actors", "entities"]) {
      expect(doc.querySelector(`section#${id} > p.none`)?.textContent, id).toBe("None found.");
    }
    expect(doc.querySelectorAll("#provenance p.none").length).toBe(3);
    expect(doc.querySelectorAll("#articles article.source").length).toBe(3);
  });

  it("renders a report without articles", () => {
    const doc = parse(
      renderHtmlReport({ ...emptyReport(), articles: [], story: { id: "s", title: "", articleCount: 0 } }),
    );
    expect(doc.querySelector("h1")?.textContent).toBe("s");
    expect(doc.querySelector("section#articles > p.none")).not.toBeNull();
  });
});

describe("renderHtmlReport with hostile input", () => {
  const XSS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "</style><b>bold</b>",
    "' onfocus='alert(2)",
  ];
  const hostile = XSS.join(" ");
  const text = `${hostile} Plain words follow.`;
  const report = fixture();
  const evil = article("evil", text, {
    outlet: hostile,
    title: `</title>${hostile}`,
    author: hostile,
    removedBoilerplate: [hostile],
  });
  const span = { article: "evil", text: XSS[0] ?? "", start: 0, end: (XSS[0] ?? "").length };
  const attacked: StoryReport = {
    ...report,
    story: { ...report.story, id: hostile, title: `</title>${hostile}` },
    articles: [...report.articles, evil],
    entities: [{ id: hostile, name: hostile, type: "other", aliases: [hostile], mentions: [span] }],
    quotes: [
      {
        id: hostile,
        text: hostile,
        speaker: { entity: hostile, description: hostile },
        occurrences: [{ ...span, attribution: hostile, fidelity: "altered" }],
      },
    ],
    facts: [{ id: hostile, text: hostile, kind: "unique", sources: ["evil", hostile], evidence: [span] }],
    discrepancies: [
      {
        id: hostile,
        kind: "stance",
        about: hostile,
        explanation: hostile,
        values: [{ article: "evil", value: hostile, evidence: hostile }],
      },
    ],
    certainty: [
      { article: "evil", claim: hostile, level: "hedged", evidence: hostile, headline: true, overstated: true },
    ],
    provenance: {
      origin: { name: hostile, article: "evil" },
      citations: [{ article: hostile, cites: hostile, evidence: hostile }],
      reuse: [{ from: "evil", to: "alpha", sharedFraction: Number.NaN, passages: 1 }],
    },
    timeline: [{ date: `2031"><script>x</script>`, text: hostile, sources: ["evil"] }],
    relations: [
      { subject: hostile, predicate: hostile, object: `${hostile}2`, sources: ["evil"], evidence: [hostile] },
    ],
    brief: [{ text: hostile, citations: ["evil", hostile] }],
  };
  const page = renderHtmlReport(attacked);
  const doc = parse(page);

  it("creates no element and no attribute from report data", () => {
    expect(doc.querySelectorAll("script, img, b, iframe").length).toBe(0);
    const withHandlers = [...doc.querySelectorAll("*")].filter((el) =>
      [...el.attributes].some((a) => /^on/i.test(a.name)),
    );
    expect(withHandlers).toEqual([]);
    expect(page).not.toMatch(/<script|<img|<\/style><b>/i);
    expect(doc.querySelectorAll("style").length).toBe(1);
  });

  it("shows the hostile text as text", () => {
    expect(doc.title).toBe(`</title>${hostile} — Triangulate`);
    expect(doc.querySelector("#art-3 .article-text")?.textContent).toBe(text);
    expect(doc.querySelector("#art-3 h3")?.textContent).toBe(`${hostile} — </title>${hostile}`);
    expect(doc.querySelector("#facts tbody td.fact")?.textContent).toContain(hostile);
    expect(doc.querySelector("#timeline time")?.getAttribute("datetime")).toBe(`2031"><script>x</script>`);
  });

  it("still links only to anchors on the page, ids from the report never becoming ids on the page", () => {
    for (const a of doc.querySelectorAll("[href]")) {
      expect(target(doc, a.getAttribute("href")), a.getAttribute("href") ?? "").not.toBeNull();
    }
    expect([...doc.querySelectorAll("[id]")].every((el) => /^[a-z0-9-]+$/i.test(el.id))).toBe(true);
  });
});
