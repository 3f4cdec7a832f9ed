import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { StoryReport } from "../../model/index.js";
import {
  entityTag,
  OLDEST_SERVED_RENDERER,
  renderServedStoryPage,
  STORY_PAGE_RENDERER,
  servedWhileStale,
  storyPageToStore,
} from "./stored-page.js";

const FIRST = "The ferry across the Vell estuary carried 40 passengers on Monday, the harbour office said.";
const SECOND = "About 60 passengers crossed on the ferry on Monday, according to the operator.";

/** An invented report, fixed here (not made by the pipeline) so that only the renderer changes its page. */
const REPORT: StoryReport = {
  schema: "triangulate.story/1",
  story: {
    id: "ferry",
    title: "Ferry service resumes on the Vell estuary",
    articleCount: 2,
    firstPublished: "2026-03-09T08:00:00Z",
    lastPublished: "2026-03-10T09:30:00Z",
  },
  articles: [
    {
      id: "courier",
      storeId: 41,
      source: "courier.txt",
      outlet: "Lowland Courier",
      title: "Ferry back on the Vell",
      published: "2026-03-09T08:00:00Z",
      author: "Ines Marlow",
      text: `${FIRST}\n\n"We are glad to sail again," said Tomas Brenn.`,
      wordCount: 24,
      removedBoilerplate: ["Subscribe for more"],
    },
    {
      id: "post",
      source: "https://tidewater.example/ferry",
      title: "Estuary ferry runs again",
      published: "2026-03-10T09:30:00Z",
      text: `${SECOND}\n\n"We are happy to sail again," Brenn said.`,
      wordCount: 21,
      removedBoilerplate: [],
    },
  ],
  entities: [
    {
      id: "e1",
      name: "Tomas Brenn",
      type: "person",
      aliases: ["Brenn"],
      mentions: [
        { article: "courier", text: "Tomas Brenn", start: FIRST.length + 38, end: FIRST.length + 49 },
        { article: "post", text: "Brenn", start: SECOND.length + 33, end: SECOND.length + 38 },
      ],
    },
    {
      id: "e2",
      name: "Vell estuary",
      type: "place",
      aliases: [],
      mentions: [{ article: "courier", text: "Vell estuary", start: 18, end: 30 }],
    },
  ],
  quotes: [
    {
      id: "q1",
      text: "We are glad to sail again",
      speaker: { entity: "e1", description: "Tomas Brenn" },
      occurrences: [
        {
          article: "courier",
          text: "We are glad to sail again",
          attribution: "said Tomas Brenn",
          start: FIRST.length + 3,
          end: FIRST.length + 28,
          fidelity: "exact",
        },
        {
          article: "post",
          text: "We are happy to sail again",
          attribution: "Brenn said",
          start: SECOND.length + 3,
          end: SECOND.length + 29,
          fidelity: "minor-edit",
        },
      ],
    },
  ],
  facts: [
    {
      id: "f1",
      text: "The ferry carried passengers on Monday",
      kind: "disputed",
      sources: ["courier"],
      contradictedBy: ["post"],
      evidence: [
        { article: "courier", text: FIRST, start: 0, end: FIRST.length },
        { article: "post", text: SECOND, start: 0, end: SECOND.length },
      ],
    },
    {
      id: "f2",
      text: "The harbour office spoke",
      kind: "unique",
      sources: ["courier"],
      evidence: [{ article: "courier", text: "the harbour office said", start: 65, end: 88 }],
    },
  ],
  discrepancies: [
    {
      id: "d1",
      kind: "number",
      about: "passengers",
      explanation: "40 against about 60 passengers",
      values: [
        { article: "courier", value: "40", evidence: FIRST },
        { article: "post", value: "about 60", evidence: SECOND },
      ],
    },
  ],
  certainty: [
    { article: "post", claim: SECOND, level: "reported", evidence: "according to", headline: false, overstated: false },
    {
      article: "courier",
      claim: "Ferry back on the Vell",
      level: "asserted",
      evidence: "",
      headline: true,
      overstated: true,
    },
  ],
  provenance: {
    origin: { name: "Lowland Courier", article: "courier" },
    citations: [{ article: "post", cites: "courier", evidence: "the harbour office said" }],
    reuse: [{ from: "courier", to: "post", sharedFraction: 0.3, passages: 1 }],
  },
  timeline: [{ date: "2026-03-09", text: "The ferry sails again", sources: ["courier", "post"] }],
  relations: [{ subject: "e1", predicate: "operates", object: "e2", sources: ["post"], evidence: [SECOND] }],
  brief: [
    { text: "The ferry sailed again; the outlets differ on how many it carried.", citations: ["courier", "post"] },
  ],
};

/**
 * The renderer version each rendering of {@link REPORT} was made by. A change to the page changes the hash:
 * raise STORY_PAGE_RENDERER (pages the store keeps are then rendered again) and add its hash here.
 */
const RENDERINGS: Record<string, string> = {
  "story-page/1": "16cdf1069c830da4d1a7d3312deaa35b8f197a87b1b65e7b735cefa7f7fc2860",
  "story-page/2": "a5fd1b43a7922c9f04701597e8dd48df82b134b8066968be2479ff225dcfa98c",
  "story-page/3": "93775006759507c387e5cfdf58a5eb75d239767c3a855f26b46f45cfe07d2804",
  "story-page/4": "b95160db3c41fafaf422774a0628dc25d204e98f0b10de5e73f54d6a44b651f6",
  // Same page of this report; real stories name articles without an outlet by headlines of 8 words at most.
  "story-page/5": "b95160db3c41fafaf422774a0628dc25d204e98f0b10de5e73f54d6a44b651f6",
  // A stored story's copies are listed under provenance and beside the articles they copy.
  "story-page/6": "86d5faf2cc8009290fc775287e3f600f37c5bad0eed7f552a995143b1a468dc9",
  // Reused passages are listed under provenance, linked to their words, which are marked in both articles;
  // each article links to its own page.
  "story-page/7": "97da40198f9ea799b33f17a42bcc45d1f02f23e8d842cc20c151e857bfd33a52",
  // Same page of this report; real stories name an untitled article without an outlet by its first words.
  "story-page/8": "97da40198f9ea799b33f17a42bcc45d1f02f23e8d842cc20c151e857bfd33a52",
  // Same page of this report; a copy without an outlet is named by its URL's host, headline or file name.
  "story-page/9": "97da40198f9ea799b33f17a42bcc45d1f02f23e8d842cc20c151e857bfd33a52",
  // The page's header and section links inside main: one banner landmark, the site's.
  "story-page/10": "04bbc4b49a8e7f43cde162e3397930f96650fd42997f75545fc18c6eaf94b2ee",
  // Same page of this report; a quotation's speaker is shown by the phrase the articles name them with.
  "story-page/11": "04bbc4b49a8e7f43cde162e3397930f96650fd42997f75545fc18c6eaf94b2ee",
};

describe("storyPageToStore", () => {
  it("keeps the page the server renders for the story, in br and gzip, under its report version and renderer", async () => {
    const page = await storyPageToStore(7, 3, REPORT);
    const html = renderServedStoryPage(REPORT, 7);
    expect(html).toContain('href="/api/stories/7"');
    expect(page).toMatchObject({ storyId: 7, reportVersion: 3, renderer: STORY_PAGE_RENDERER });
    expect(brotliDecompressSync(page.br).toString()).toBe(html);
    expect(gunzipSync(page.gzip).toString()).toBe(html);
    expect(page.etag).toBe(entityTag(Buffer.from(html)));
    expect(page.br.byteLength).toBeLessThan(html.length / 3);
  });

  it("gives another report another tag", async () => {
    const other = { ...REPORT, story: { ...REPORT.story, title: "Ferry service halted on the Vell estuary" } };
    expect((await storyPageToStore(7, 3, other)).etag).not.toBe((await storyPageToStore(7, 3, REPORT)).etag);
    expect((await storyPageToStore(8, 3, REPORT)).etag).not.toBe((await storyPageToStore(7, 3, REPORT)).etag);
  });

  it("is of a renderer version that names what it renders (raise STORY_PAGE_RENDERER when the page changes)", () => {
    const hash = createHash("sha256").update(renderServedStoryPage(REPORT, 7)).digest("hex");
    expect(RENDERINGS[STORY_PAGE_RENDERER]).toBe(hash);
  });
});

describe("servedWhileStale", () => {
  it.each<[string, boolean]>([
    [STORY_PAGE_RENDERER, true],
    [`story-page/${OLDEST_SERVED_RENDERER}`, true],
    // Negative rows: below the oldest served, another renderer's name, no number.
    [`story-page/${OLDEST_SERVED_RENDERER - 1}`, false],
    ["claims-page/9", false],
    ["story-page/", false],
  ])("%s: %s", (renderer, expected) => {
    expect(servedWhileStale(renderer)).toBe(expected);
  });
});
