import { describe, expect, it } from "vitest";
import { type AssignmentWrite, MemoryStoryIndex, SPLIT_MAX_MEMBERS, type StoryState } from "./types.js";

const DAY = 24 * 3600 * 1000;

function state(id: string, time: number, size = 1): StoryState {
  return {
    id,
    size,
    first: time,
    last: time,
    centroid: { title: new Map(), body: new Map([["quay", 1]]), entities: new Map() },
  };
}

function write(
  doc: string,
  story: string,
  time: number,
  keys: string[],
  extra: Partial<AssignmentWrite> = {},
): AssignmentWrite {
  return {
    doc,
    time,
    story: state(story, time),
    isNew: doc === story,
    terms: keys,
    keys,
    signature: new Uint32Array([1, 2, 3]),
    bands: [`b:${doc}`],
    ...extra,
  };
}

describe("MemoryStoryIndex", () => {
  it("counts documents and document frequencies, each term once a document", async () => {
    const index = new MemoryStoryIndex();
    await index.write(write("a", "a", 0, ["e:ada", "b:quay", "b:quay"]));
    await index.write(write("b", "a", 0, ["e:ada"]));
    expect(await index.documentCount()).toBe(2);
    expect(await index.documentFrequencies(["e:ada", "b:quay", "b:never"])).toEqual(
      new Map([
        ["e:ada", 2],
        ["b:quay", 1],
      ]),
    );
  });

  it("finds stories by shared keys, most shared first, and not stories sharing none (negative)", async () => {
    const index = new MemoryStoryIndex();
    await index.write(write("a", "a", 0, ["e:ada", "b:quay"]));
    await index.write(write("b", "b", 0, ["e:ada"]));
    await index.write(write("c", "c", 0, ["e:bo"]));
    const found = await index.candidates(["e:ada", "b:quay"], { from: -DAY, to: DAY }, 10);
    expect(found).toEqual([
      { story: "a", shared: 2 },
      { story: "b", shared: 1 },
    ]);
    expect(await index.candidates(["e:nobody"], { from: -DAY, to: DAY }, 10)).toEqual([]);
    expect(await index.candidates(["e:ada"], { from: -DAY, to: DAY }, 1)).toHaveLength(1);
  });

  it("leaves out stories outside the time window", async () => {
    const index = new MemoryStoryIndex({ windowMs: 30 * DAY });
    await index.write(write("a", "a", 0, ["e:ada"]));
    await index.write(write("b", "b", 10 * DAY, ["e:ada"]));
    const found = await index.candidates(["e:ada"], { from: 5 * DAY, to: 15 * DAY }, 10);
    expect(found.map((c) => c.story)).toEqual(["b"]);
  });

  it("evicts stories older than the window with their postings, buckets and signatures", async () => {
    const index = new MemoryStoryIndex({ windowMs: 2 * DAY });
    await index.write(write("a", "a", 0, ["e:ada"]));
    expect(await index.bandMatches(["b:a"])).toHaveLength(1);
    await index.write(write("b", "b", 5 * DAY, ["e:bo"]));
    expect(index.size).toBe(1);
    expect(await index.stories(["a"])).toEqual(new Map());
    expect(await index.bandMatches(["b:a"])).toEqual([]);
    expect(await index.candidates(["e:ada"], { from: -100 * DAY, to: 100 * DAY }, 10)).toEqual([]);
    expect((await index.stories(["b"])).get("b")?.size).toBe(1);
  });

  it("keeps at most maxStories, dropping the least recently updated", async () => {
    const index = new MemoryStoryIndex({ maxStories: 2 });
    await index.write(write("a", "a", 0, ["k"]));
    await index.write(write("b", "b", 0, ["k"]));
    await index.write(write("a2", "a", 0, ["k"]));
    await index.write(write("c", "c", 0, ["k"]));
    expect(index.size).toBe(2);
    expect([...(await index.stories(["a", "b", "c"])).keys()]).toEqual(["a", "c"]);
  });

  it("caps a posting list at the most recently updated stories", async () => {
    const index = new MemoryStoryIndex({ maxPostings: 2 });
    for (const id of ["a", "b", "c"]) await index.write(write(id, id, 0, ["e:common"]));
    const found = await index.candidates(["e:common"], { from: -DAY, to: DAY }, 10);
    expect(found.map((c) => c.story).sort()).toEqual(["b", "c"]);
  });

  it("keeps the first document of a band bucket and returns each document once", async () => {
    const index = new MemoryStoryIndex();
    await index.write(write("a", "a", 0, [], { bands: ["x", "y"] }));
    await index.write(write("b", "a", 0, [], { bands: ["x", "z"] }));
    const matches = await index.bandMatches(["x", "y", "z"]);
    expect(matches.map((m) => m.doc)).toEqual(["a", "b"]);
    expect(matches[0]?.story).toBe("a");
  });

  it("returns copies of story states: changing one does not change the index", async () => {
    const index = new MemoryStoryIndex();
    await index.write(write("a", "a", 0, ["k"]));
    const got = (await index.stories(["a"])).get("a") as StoryState;
    got.size = 99;
    got.centroid.body.set("other", 5);
    const again = (await index.stories(["a"])).get("a") as StoryState;
    expect(again.size).toBe(1);
    expect(again.centroid.body.has("other")).toBe(false);
  });

  it("keeps the members of a story only while it holds at most SPLIT_MAX_MEMBERS documents", async () => {
    const index = new MemoryStoryIndex();
    const vectors = {
      title: { terms: [], weights: [] },
      body: { terms: ["quay"], weights: [1] },
      entities: { terms: [], weights: [] },
    };
    for (let i = 1; i <= SPLIT_MAX_MEMBERS + 1; i++) {
      await index.write(write(`d${i}`, "d1", 0, [], { story: state("d1", 0, i), vectors }));
      if (i === SPLIT_MAX_MEMBERS) expect(await index.members("d1")).toHaveLength(SPLIT_MAX_MEMBERS);
    }
    expect(await index.members("d1")).toEqual([]);
    // Negative: a document written without its vectors leaves a story no members to split by.
    await index.write(write("e", "e", 0, []));
    expect(await index.members("e")).toEqual([]);
  });

  it("moves a split's documents: their signatures, members and the new story's postings", async () => {
    const index = new MemoryStoryIndex();
    const vectors = {
      title: { terms: [], weights: [] },
      body: { terms: ["quay"], weights: [1] },
      entities: { terms: [], weights: [] },
    };
    await index.write(write("a", "a", 0, ["k:a"], { vectors }));
    await index.write(write("b", "a", 0, ["k:b"], { story: state("a", 0, 2), vectors }));
    await index.split({ kept: state("a", 0), moved: state("b", 0), docs: ["b"], keys: ["k:b"] });
    expect((await index.bandMatches(["b:b"])).map((m) => m.story)).toEqual(["b"]);
    expect((await index.bandMatches(["b:a"])).map((m) => m.story)).toEqual(["a"]);
    expect((await index.members("b")).map((m) => m.doc)).toEqual(["b"]);
    expect((await index.members("a")).map((m) => m.doc)).toEqual(["a"]);
    expect(await index.candidates(["k:b"], { from: -DAY, to: DAY }, 10)).toContainEqual({ story: "b", shared: 1 });
    expect((await index.stories(["a"])).get("a")?.size).toBe(1);
  });
});
