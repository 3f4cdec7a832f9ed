import { describe, expect, it } from "vitest";
import { GROUNDING, TWO_FIRES } from "../../test/fixtures.js";
import { createLexicon } from "../lexicon/index.js";
import {
  type Assignment,
  OnlineClusterer,
  type OnlineClustererOptions,
  UNDATED_TICK_MS,
  YEAR_CONFLICT,
  yearConflict,
} from "./clusterer.js";
import { type ClusterDocument, MemoryStoryIndex, type StoryIndex } from "./types.js";

const { FIRE_A, FIRE_A_REWRITE, FIRE_A_AFTER, FIRE_B, FIRE_B_REWRITE, FIRE_B_AFTER, BOTH_FIRES } = TWO_FIRES;
const HOUR = 3600 * 1000;
const T0 = Date.UTC(2024, 4, 2, 8);

/** Invented articles: a flood beside the two fires of `TWO_FIRES`, and rewrites and copies of them. */
const FLOOD = `The river Ambel burst its banks near Castor Ford on Sunday, flooding two hundred homes. The mayor of
Castor Ford, Ines Barrow, opened the town hall to families who had to leave. Engineers from the Ambel water board
said the levee had been weakened by a month of rain.`;

function doc(id: string, text: string, hours = 0, title?: string): ClusterDocument {
  return { id, text, published: T0 + hours * HOUR, ...(title ? { title } : {}) };
}

async function run(docs: ClusterDocument[], clusterer = new OnlineClusterer(new MemoryStoryIndex())) {
  const out = new Map<string, Assignment>();
  for (const d of docs) out.set(d.id, await clusterer.assign(d));
  return out;
}

describe("OnlineClusterer", () => {
  it("joins a rewrite of the same event and starts a story for another event of the same kind (negative)", async () => {
    const got = await run([doc("a", FIRE_A), doc("b", FIRE_B, 1), doc("a2", FIRE_A_REWRITE, 2), doc("f", FLOOD, 3)]);
    expect(got.get("a")).toMatchObject({ story: "a", isNew: true });
    expect(got.get("b")).toMatchObject({ story: "b", isNew: true });
    expect(got.get("a2")).toMatchObject({ story: "a", isNew: false });
    expect(got.get("a2")?.copyOf).toBeUndefined();
    expect(got.get("f")).toMatchObject({ story: "f", isNew: true });
  });

  it("finds a copy despite small edits and puts it in the story of the report it copies", async () => {
    const copy = `(Wire) ${FIRE_A.replace("Tuesday night", "Tuesday evening").replace("come forward", "call them")} Updated 9am.`;
    const got = await run([doc("a", FIRE_A), doc("b", FIRE_B, 1), doc("c", copy, 2)]);
    expect(got.get("c")).toMatchObject({ story: "a", isNew: false, copyOf: "a", similarity: 1 });
  });

  it("does not take a same-kind report for a copy (negative)", async () => {
    const got = await run([doc("a", FIRE_A), doc("b", FIRE_B, 1)]);
    expect(got.get("b")?.copyOf).toBeUndefined();
  });

  it("compares an undated report with the stories in the window of the newest time, joining at the story's own time", async () => {
    const index = new MemoryStoryIndex();
    const clusterer = new OnlineClusterer(index);
    await clusterer.assign(doc("a", FIRE_A));
    await clusterer.assign(doc("f", FLOOD, 24 * 3));
    const undated = await clusterer.assign({ id: "a2", text: FIRE_A_REWRITE });
    expect(undated).toMatchObject({ story: "a", isNew: false });
    // It does not stretch the story to the newest time seen (the flood's, three days later).
    expect((await index.stories(["a"])).get("a")).toMatchObject({ first: T0, last: T0 });
    // Negative: an undated report of another event still starts its own story.
    const other = await clusterer.assign({ id: "b", text: FIRE_B });
    expect(other).toMatchObject({ story: "b", isNew: true });
  });

  it("does not compare an undated report with a story a window behind the newest time (negative)", async () => {
    // The index keeps every story: only the clusterer's window keeps the old fire out.
    const clusterer = new OnlineClusterer(new MemoryStoryIndex({ windowMs: Number.MAX_SAFE_INTEGER }));
    await clusterer.assign(doc("a", FIRE_A));
    await clusterer.assign(doc("f", FLOOD, 24 * 30));
    expect(await clusterer.assign({ id: "a2", text: FIRE_A_REWRITE })).toMatchObject({ story: "a2", isNew: true });
  });

  it("starts a new story for the same text outside the time window", async () => {
    const got = await run([doc("a", FIRE_A), doc("a2", FIRE_A_REWRITE, 24 * 30)]);
    expect(got.get("a2")).toMatchObject({ story: "a2", isNew: true });
  });

  it("is deterministic for a given order", async () => {
    const docs = [doc("a", FIRE_A), doc("b", FIRE_B, 1), doc("a2", FIRE_A_REWRITE, 2), doc("f", FLOOD, 3)];
    const first = [...(await run(docs)).values()];
    const second = [...(await run(docs)).values()];
    expect(second).toEqual(first);
  });

  it("gives documents without a time the newest time seen, and empty documents a story of their own", async () => {
    const got = await run([doc("a", FIRE_A), { id: "x", text: FIRE_A_REWRITE }, { id: "e", text: "" }]);
    expect(got.get("x")?.story).toBe("a");
    expect(got.get("e")).toMatchObject({ story: "e", isNew: true });
  });

  it("keeps memory bounded: stories outside the window are evicted as time moves on", async () => {
    const index = new MemoryStoryIndex({ windowMs: 48 * HOUR });
    const clusterer = new OnlineClusterer(index, { windowMs: 48 * HOUR });
    for (let day = 0; day < 20; day++) await clusterer.assign(doc(`d${day}`, `${FLOOD} Day ${day}.`, day * 24 * 3));
    expect(index.size).toBeLessThanOrEqual(2);
  });

  it("keeps a never-dated stream bounded too: its documents' order is its clock", async () => {
    const window = 5 * UNDATED_TICK_MS;
    const index = new MemoryStoryIndex({ windowMs: window });
    const clusterer = new OnlineClusterer(index, { windowMs: window });
    for (let i = 0; i < 20; i++)
      await clusterer.assign({ id: `u${i}`, text: `${i % 2 ? FIRE_B : FLOOD} Report ${i}.` });
    // Stories that go on receiving documents stay; the others leave the window as documents go by.
    await clusterer.assign({ id: "fire", text: FIRE_A });
    for (let i = 0; i < 6; i++) await clusterer.assign({ id: `v${i}`, text: `${FLOOD} Update ${i}.` });
    expect(index.size).toBe(1);
    const late = await clusterer.assign({ id: "flood", text: `${FLOOD} Late update.` });
    expect(late.isNew).toBe(false);
    // Negative: the fire's story, silent for six documents, has left the window; its rewrite starts a story.
    const rewrite = await clusterer.assign({ id: "fire-rewrite", text: FIRE_A_REWRITE });
    expect(rewrite.isNew).toBe(true);
  });

  it("lets a story that undated reports go on joining leave the window as they go by, as they do not stretch it", async () => {
    const window = 5 * UNDATED_TICK_MS;
    const index = new MemoryStoryIndex({ windowMs: window });
    const clusterer = new OnlineClusterer(index, { windowMs: window });
    await clusterer.assign(doc("a", FIRE_A));
    const got: Assignment[] = [];
    for (let i = 0; i < 8; i++)
      got.push(await clusterer.assign({ id: `x${i}`, text: `${FIRE_A_REWRITE} Update ${i}.` }));
    // Each moved the stream's clock on by a tick, joining or not.
    expect(await index.latestTime()).toBe(T0 + 8 * UNDATED_TICK_MS);
    expect(got.slice(0, 5).map((g) => g.story)).toEqual(["a", "a", "a", "a", "a"]);
    // Negative: a window on (the copy check a tick later), the story, still at its dated report's time, is gone.
    expect(got.slice(6).map((g) => g.story)).toEqual(["x6", "x6"]);
    expect(got[6]?.isNew).toBe(true);
  });

  it("does not decay similarity by a never-dated stream's clock", async () => {
    const alone = new OnlineClusterer(new MemoryStoryIndex());
    await alone.assign({ id: "a", text: FIRE_A });
    const near = (await alone.assign({ id: "x", text: FIRE_A_REWRITE })).similarity;
    const apart = new OnlineClusterer(new MemoryStoryIndex(), { timeDecayMs: UNDATED_TICK_MS });
    await apart.assign({ id: "a", text: FIRE_A });
    for (let i = 0; i < 5; i++) await apart.assign({ id: `f${i}`, text: `${FLOOD} Report ${i}.` });
    expect((await apart.assign({ id: "x", text: FIRE_A_REWRITE })).similarity).toBeCloseTo(near, 3);
  });
});

/** The final story of each document, moves applied, with the split on or off. */
async function stories(docs: ClusterDocument[], split: boolean): Promise<Record<string, string>> {
  const clusterer = new OnlineClusterer(new MemoryStoryIndex(), { split });
  const out: Record<string, string> = {};
  for (const d of docs) {
    const got = await clusterer.assign(d);
    for (const moved of got.moved?.docs ?? []) out[moved] = got.moved?.story as string;
    out[d.id] = got.story;
  }
  return out;
}

describe("OnlineClusterer story split", () => {
  it("splits a story that a report of both fires bridged once each fire has its own reports in it", async () => {
    const docs = [
      doc("a", FIRE_A),
      doc("both", BOTH_FIRES, 1),
      doc("b", FIRE_B, 2),
      doc("a2", FIRE_A_REWRITE, 3),
      doc("b2", FIRE_B_REWRITE, 4),
      doc("a3", FIRE_A_AFTER, 5),
      doc("b3", FIRE_B_AFTER, 6),
    ];
    // Without the split every report follows the bridge into one story.
    expect(new Set(Object.values(await stories(docs, false))).size).toBe(1);
    // With it, the fourth report shows two groups: the mill keeps the story's id, the warehouse leaves under the
    // id of its earliest report, and the later reports join their own fire's story.
    expect(await stories(docs, true)).toEqual({
      a: "a",
      both: "both",
      b: "both",
      a2: "a",
      b2: "both",
      a3: "a",
      b3: "both",
    });
  });

  it("says which documents moved, and files the new story so that the next report finds it", async () => {
    const index = new MemoryStoryIndex();
    const clusterer = new OnlineClusterer(index);
    for (const d of [doc("a", FIRE_A), doc("both", BOTH_FIRES, 1), doc("b", FIRE_B, 2)]) await clusterer.assign(d);
    const split = await clusterer.assign(doc("a2", FIRE_A_REWRITE, 3));
    expect(split).toMatchObject({ story: "a", isNew: false, moved: { story: "both", docs: ["both", "b"] } });
    const states = await index.stories(["a", "both"]);
    expect(states.get("a")).toMatchObject({ size: 2, first: T0, last: T0 + 3 * HOUR });
    expect(states.get("both")).toMatchObject({ size: 2, first: T0 + HOUR, last: T0 + 2 * HOUR });
    expect((await index.members("both")).map((m) => m.doc)).toEqual(["both", "b"]);
    expect(await clusterer.assign(doc("b2", FIRE_B_REWRITE, 4))).toMatchObject({ story: "both", isNew: false });
  });

  it("keeps whole a story of one fire with one report that also tells the other (negative)", async () => {
    const docs = [
      doc("a", FIRE_A),
      doc("a2", FIRE_A_REWRITE, 1),
      doc("a3", FIRE_A_AFTER, 2),
      doc("both", BOTH_FIRES, 3),
    ];
    const got = await run(docs);
    expect([...got.values()].map((a) => a.story)).toEqual(["a", "a", "a", "a"]);
    expect([...got.values()].some((a) => a.moved)).toBe(false);
  });

  it("does not split through an index that keeps no members (the store's today)", async () => {
    const index = new MemoryStoryIndex();
    const bare: StoryIndex = {
      documentCount: () => index.documentCount(),
      latestTime: () => index.latestTime(),
      documentFrequencies: (t) => index.documentFrequencies(t),
      candidates: (k, w, l) => index.candidates(k, w, l),
      stories: (ids) => index.stories(ids),
      bandMatches: (b) => index.bandMatches(b),
      write: (w) => index.write(w),
    };
    const clusterer = new OnlineClusterer(bare);
    const docs = [doc("a", FIRE_A), doc("both", BOTH_FIRES, 1), doc("b", FIRE_B, 2), doc("a2", FIRE_A_REWRITE, 3)];
    const got = [];
    for (const d of docs) got.push(await clusterer.assign(d));
    expect(got.map((a) => a.story)).toEqual(["a", "a", "a", "a"]);
  });

  it("starts no story under an id that still names one the index let go: the next leaving document's id", async () => {
    const retired = async (ids: readonly string[]) => new Set(ids.filter((id) => id === "both"));
    const clusterer = new OnlineClusterer(Object.assign(new MemoryStoryIndex(), { retired }));
    for (const d of [doc("a", FIRE_A), doc("both", BOTH_FIRES, 1), doc("b", FIRE_B, 2)]) await clusterer.assign(d);
    const got = await clusterer.assign(doc("a2", FIRE_A_REWRITE, 3));
    expect(got.moved).toEqual({ from: "a", story: "b", docs: ["both", "b"] });
  });

  it("keeps the story whole when every leaving document's id names a story (negative)", async () => {
    const index = Object.assign(new MemoryStoryIndex(), { retired: async () => new Set(["both", "b"]) });
    const clusterer = new OnlineClusterer(index);
    for (const d of [doc("a", FIRE_A), doc("both", BOTH_FIRES, 1), doc("b", FIRE_B, 2)]) await clusterer.assign(d);
    const got = await clusterer.assign(doc("a2", FIRE_A_REWRITE, 3));
    expect(got).toMatchObject({ story: "a" });
    expect(got.moved).toBeUndefined();
  });
});

/** Two earthquakes on one invented island, years apart: the same places and agencies, other figures and dates. */
const QUAKE_2029 = `A magnitude 5.4 earthquake struck Velmar Island on Sunday, March 11, killing 14 people in the port of
Kestrel Bay. The Velmar Seismic Office said the quake hit at a depth of 22 kilometres. Governor Ana Ruiz said 310
homes in Kestrel Bay were damaged and that rescuers from Portavel had reached the island by ferry.`;

const QUAKE_2029_REWRITE = `The toll from Sunday's magnitude 5.4 quake on Velmar Island rose to 14, officials in Kestrel Bay
said. The quake, 22 kilometres deep according to the Velmar Seismic Office, damaged 310 homes. Governor Ana Ruiz
thanked rescuers from Portavel. The March 11 quake was felt across the strait.`;

const QUAKE_2031 = `A magnitude 6.1 earthquake struck Velmar Island on Thursday, November 2, killing 3 people in the port of
Kestrel Bay. The Velmar Seismic Office said the quake hit at a depth of 9 kilometres. Governor Ana Ruiz said 45
homes in Kestrel Bay were damaged and that rescuers from Portavel had reached the island by ferry.`;

describe("OnlineClusterer story merge", () => {
  const { PORT, CREW, OIL } = GROUNDING;
  const grounding = [
    doc("port", PORT),
    doc("crew", CREW, 1),
    doc("both", `${PORT} ${CREW}`, 2),
    doc("later", `${CREW} ${OIL}`, 3),
  ];

  it("merges two stories of one event once their members before the document joined are alike", async () => {
    const got = await run([...grounding, doc("after", `${PORT} ${OIL}`, 4)]);
    expect(got.get("crew")).toMatchObject({ story: "crew", isNew: true });
    // The report of both joins the port's story; by the port's report alone the two stories stand apart.
    expect(got.get("both")).toMatchObject({ story: "port" });
    expect(got.get("both")?.merged).toBeUndefined();
    // With it, the next report's story and the port's are alike: the story joined keeps its id (one size each).
    expect(got.get("later")).toMatchObject({
      story: "crew",
      merged: { from: "port", story: "crew", docs: ["port", "both"] },
    });
    // The story merged away is gone: the next report of the port's part joins the story kept.
    expect(got.get("after")).toMatchObject({ story: "crew", isNew: false });
    // Switched off, the two parts stay apart and the next report follows the port's story.
    const apart = await run(
      [...grounding, doc("after", `${PORT} ${OIL}`, 4)],
      new OnlineClusterer(new MemoryStoryIndex(), { merge: false }),
    );
    expect(apart.get("later")?.merged).toBeUndefined();
    expect(apart.get("after")).toMatchObject({ story: "port" });
  });

  it("finds a copy of a merged document in the story kept", async () => {
    const got = await run([...grounding, doc("copy", PORT, 4)]);
    expect(got.get("copy")).toMatchObject({ story: "crew", copyOf: "port" });
  });

  it("does not merge the stories of two fires that a report of both bridges (negative)", async () => {
    const got = await run([
      doc("a", FIRE_A),
      doc("b", FIRE_B, 1),
      doc("a2", FIRE_A_REWRITE, 2),
      doc("both", BOTH_FIRES, 3),
    ]);
    for (const a of got.values()) expect(a.merged).toBeUndefined();
  });
});

describe("OnlineClusterer entity kinds", () => {
  /** The similarity of `second` with the story `first` starts, whatever the threshold. */
  const similarity = async (first: string, second: string, options: OnlineClustererOptions = {}) => {
    const clusterer = new OnlineClusterer(new MemoryStoryIndex(), { ...options, joinThreshold: 0.001 });
    await clusterer.assign({ id: "a", text: first });
    return (await clusterer.assign({ id: "b", text: second })).similarity;
  };
  const namesOnly = { entityKindShares: { name: 1, number: 0, year: 0 } };

  it("scores another event that shares every name but no figure far lower than on names alone", async () => {
    expect(await similarity(QUAKE_2029, QUAKE_2031)).toBeLessThan(
      (await similarity(QUAKE_2029, QUAKE_2031, namesOnly)) - 0.1,
    );
  });

  it("scores a rewrite of the same event, with the same figures, as high as on names alone (negative)", async () => {
    const rewrite = await similarity(QUAKE_2029, QUAKE_2029_REWRITE);
    expect(rewrite).toBeGreaterThan((await similarity(QUAKE_2029, QUAKE_2029_REWRITE, namesOnly)) - 0.03);
    expect(rewrite).toBeGreaterThan(await similarity(QUAKE_2029, QUAKE_2031));
  });
});

describe("OnlineClusterer headlines", () => {
  const headlineA = "Blaze guts a textile mill overnight";
  const headlineB = "Mill fire leaves roof in ruins";
  const titled = [doc("a", FIRE_A, 0, headlineA), doc("b", FIRE_A_REWRITE, 1, headlineB)];
  const inText = [doc("a", `${headlineA}.\n${FIRE_A}`, 0), doc("b", `${headlineB}.\n${FIRE_A_REWRITE}`, 1)];
  const similarity = async (docs: ClusterDocument[], clusterer?: OnlineClusterer) =>
    (await run(docs, clusterer)).get("b")?.similarity ?? 0;

  it("weighs a headline as the first words of the text: the same similarity as headlines written atop the texts", async () => {
    const s = await similarity(titled);
    expect(s).toBeGreaterThan(0.28);
    expect(s).toBeCloseTo(await similarity(inText), 10);
  });

  it("with a title field of its own, two wordings of one event's headline pull the similarity down (negative)", async () => {
    const weights = { title: 0.2, body: 0.65, entities: 0.35 };
    const own = await similarity(titled, new OnlineClusterer(new MemoryStoryIndex(), { fieldWeights: weights }));
    expect(own).toBeLessThan((await similarity(titled)) - 0.02);
  });
});

describe("yearConflict", () => {
  const story = (entities: [string, number][]) => ({
    id: "s",
    size: 2,
    first: 0,
    last: 0,
    centroid: { title: new Map(), body: new Map(), entities: new Map(entities) },
  });
  const told2019 = story([
    ["2019", 1.2],
    ["2004", 0.3],
    ["orvel", 1],
  ]);
  const rows: { years: string[]; entities: string[]; want: boolean }[] = [
    { years: ["2031"], entities: ["2031", "orvel"], want: true },
    { years: ["2031", "2004"], entities: ["2031", "2004"], want: false }, // the story names 2004 too
    { years: ["2031"], entities: ["2031", "2019"], want: false }, // the document names the story's year
    { years: [], entities: ["orvel"], want: false }, // a lede without a year
  ];
  for (const row of rows) {
    it(`lede years ${row.years.join(", ") || "none"}, names ${row.entities.join(", ")}: ${row.want}`, () => {
      const entities = new Map(row.entities.map((e) => [e, 1]));
      expect(yearConflict(row.years, entities, told2019)).toBe(row.want);
    });
  }
  it("finds no conflict with a story that names no year (negative)", () => {
    expect(yearConflict(["2031"], new Map([["2031", 1]]), story([["orvel", 1]]))).toBe(false);
  });
});

describe("OnlineClusterer years", () => {
  const report = (year: number) => `Orvel, ${year}. The Orvel regatta ended on Sunday when Ksenia Darrow's crew won
the final by two lengths. Darrow, who trains on the Lume river, said the crew had rowed its best race of the season.`;
  const rewrite = (year: number) => `Orvel regatta, ${year}: a crew stroked by Ksenia Darrow took the final on Sunday
by two lengths, and Darrow said it was the best race of the season for the crew from the Lume river.`;

  it("scores a report of the same event told in another year lower by YEAR_CONFLICT, and not one of the same year", async () => {
    const same = await run([
      { id: "a", text: report(2029) },
      { id: "b", text: rewrite(2029) },
    ]);
    const s = same.get("b")?.similarity ?? 0;
    expect(same.get("b")).toMatchObject({ story: "a", isNew: false });
    expect(s).toBeGreaterThan(0.3);
    // The other year's report differs only in that year (a body term too). With years left out of the comparison
    // of entity kinds, the conflict scores it near the same-year similarity times YEAR_CONFLICT.
    const pair = async (year: number, options: OnlineClustererOptions) => {
      const clusterer = new OnlineClusterer(new MemoryStoryIndex(), { ...options, joinThreshold: 0.01 });
      return (
        await run(
          [
            { id: "a", text: report(2029) },
            { id: "b", text: rewrite(year) },
          ],
          clusterer,
        )
      ).get("b")?.similarity as number;
    };
    const noYearKind = { entityKindShares: { name: 1 / 3, number: 4 / 9, year: 0 } };
    const s0 = await pair(2029, noYearKind);
    expect(await pair(2031, noYearKind)).toBeLessThan(s0 * YEAR_CONFLICT + 0.02);
    expect(await pair(2031, noYearKind)).toBeGreaterThan(s0 * YEAR_CONFLICT - 0.1);
    // Compared as a kind of their own, the differing years lower it further.
    expect(await pair(2031, {})).toBeLessThan((await pair(2031, noYearKind)) - 0.02);
    // With a threshold between the two, the same year joins and the other year starts a story (negative).
    const at = (year: number) =>
      run(
        [
          { id: "a", text: report(2029) },
          { id: "b", text: rewrite(year) },
        ],
        new OnlineClusterer(new MemoryStoryIndex(), { joinThreshold: 0.6 }),
      );
    expect((await at(2029)).get("b")).toMatchObject({ story: "a", isNew: false });
    expect((await at(2031)).get("b")).toMatchObject({ story: "b", isNew: true });
  });
});

describe("OnlineClusterer prior document frequencies", () => {
  // Two invented notes that share two words and differ in two; no capitalised words, so only body terms count.
  const notes = [
    { id: "a", text: "brell wint calder fosk" },
    { id: "b", text: "brell wint pellow drast" },
  ];
  /** A lexicon whose open corpora hold the shared words a thousand times each in 2,000 tokens, or never. */
  const counts = (lower: string) => createLexicon({ counts: { words: "", firstNames: "", lower } });
  const common = counts("brell\t1000\nwint\t1000");
  const unknown = counts("kelp\t1000\nmoss\t1000");
  const rows = [
    { lexicon: common, priorDocuments: 1000, joins: false, why: "words every article has say little" },
    { lexicon: unknown, priorDocuments: 1000, joins: true, why: "words no article has say much" },
    { lexicon: common, priorDocuments: 0, joins: true, why: "without the prior the stream alone weighs them" },
  ];
  for (const row of rows) {
    it(`${row.joins ? "joins" : "does not join (negative)"}: ${row.why}`, async () => {
      const clusterer = new OnlineClusterer(new MemoryStoryIndex(), {
        lexicon: row.lexicon,
        priorDocuments: row.priorDocuments,
        joinThreshold: 0.2,
      });
      const got = await run(notes, clusterer);
      expect(got.get("b")?.isNew).toBe(!row.joins);
    });
  }

  it("weighs by the stream alone when the prior counts no documents: the shared words' plain cosine", async () => {
    const clusterer = new OnlineClusterer(new MemoryStoryIndex(), {
      lexicon: common,
      priorDocuments: 0,
      joinThreshold: 0,
    });
    // The first note's terms all weigh alike (no document seen). After it, a shared word has idf 1 and a new one
    // 1 + ln 2, so the second note's cosine with the first is 2 x 1/2 over its length, sqrt(2 + 2 (1 + ln 2)^2).
    const expected = 1 / Math.sqrt(2 + 2 * (1 + Math.LN2) ** 2);
    expect((await run(notes, clusterer)).get("b")?.similarity).toBeCloseTo(expected, 10);
  });
});
