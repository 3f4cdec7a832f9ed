import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readClusteringSet } from "../eval/clusters.js";
import { clusterAndScore, shuffled, spreadOf } from "./eval-clusters.js";
import type { CliIo } from "./io.js";
import { main } from "./main.js";

function captured(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    interactive: false,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

/** Invented documents in the ECB+ layout: two events of one kind (two ferry strikes) and a storm. */
const INVENTED = [
  {
    doc: "1_a",
    topic: 1,
    subtopic: "1x",
    sentences: [
      "Ferry crews of Norlin Lines walked out at Harwick harbour on Monday.",
      "Norlin Lines said 40 sailings were cancelled at Harwick.",
    ],
  },
  {
    doc: "1_b",
    topic: 1,
    subtopic: "1x",
    sentences: [
      "A strike by Norlin Lines crews stopped ferries at Harwick harbour.",
      "Harwick passengers waited as Norlin Lines cancelled 40 sailings.",
    ],
  },
  {
    doc: "1_c",
    topic: 1,
    subtopic: "1y",
    sentences: [
      "Crews of Baltway Ferries struck in the port of Osterby.",
      "Baltway Ferries cancelled 12 sailings from Osterby, the company said.",
    ],
  },
  {
    doc: "1_d",
    topic: 1,
    subtopic: "1y",
    sentences: ["Baltway Ferries crews walked out at Osterby.", "The Osterby strike cost Baltway Ferries 12 sailings."],
  },
  {
    doc: "2_a",
    topic: 2,
    subtopic: "2x",
    sentences: [
      "Storm Wenna brought down trees across Calder Vale overnight.",
      "Power was cut to 3,000 homes in Calder Vale as Storm Wenna passed.",
    ],
  },
];

const dir = mkdtempSync(join(tmpdir(), "triangulate-eval-clusters-"));
const ecb = join(dir, "docs.jsonl");
const mmds = join(dir, "articles.json");
writeFileSync(
  mmds,
  JSON.stringify({
    articles: [
      { ID: 1, title: "Storm Wenna", sentences: [{ content: "Storm Wenna brought down trees in Calder Vale." }] },
    ],
    clusters: [1],
  }),
);
writeFileSync(ecb, `${INVENTED.map((d) => JSON.stringify(d)).join("\n")}\nnot json\n{"doc": 3}\n`);

describe("triangulate eval clusters", () => {
  it("clusters the documents and prints B-cubed and pairwise scores as JSON, naming bad lines", async () => {
    const io = captured();
    expect(await main(["eval", "clusters", ecb, "--json"], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out).toMatchObject({ documents: 5, gold: 3, clusters: 3, format: "ecb+" });
    expect(out.b3).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(io.err).toMatch(/docs\.jsonl:6: not JSON/);
    expect(io.err).toMatch(/docs\.jsonl:7: expected doc, subtopic and sentences/);
  });

  it("prints a readable summary and takes --shuffle", async () => {
    const io = captured();
    expect(await main(["eval", "clusters", ecb, "--shuffle", "7"], io)).toBe(0);
    expect(io.out).toMatch(/shuffled, seed 7/);
    expect(io.out).toMatch(/B-cubed\s+precision 1\.000/);
  });

  it("scores file order and N shuffled orders with --shuffles, and their mean and spread", async () => {
    const io = captured();
    expect(await main(["eval", "clusters", ecb, "--shuffles", "3", "--json"], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.orders.map((o: { order: unknown }) => o.order)).toEqual(["file", 1, 2, 3]);
    expect(out.f1).toEqual({ mean: 1, min: 1, max: 1, spread: 0 });
    const text = captured();
    expect(await main(["eval", "clusters", ecb, "--shuffles", "2"], text)).toBe(0);
    expect(text.out).toMatch(/^file order\s+B-cubed F1 1\.000/m);
    expect(text.out).toMatch(/^seed 2\s+B-cubed F1/m);
    expect(text.out).toMatch(/over 3 orders: mean 1\.000, min 1\.000, max 1\.000, spread 0\.000/);
  });

  it("keeps the topics with odd or even numbers with --topics", async () => {
    const odd = captured();
    expect(await main(["eval", "clusters", ecb, "--topics", "odd", "--json"], odd)).toBe(0);
    expect(JSON.parse(odd.out)).toMatchObject({ topics: "odd", documents: 4, gold: 2 });
    const even = captured();
    expect(await main(["eval", "clusters", ecb, "--topics", "even", "--shuffles", "1"], even)).toBe(0);
    expect(even.out).toMatch(/docs\.jsonl \(even topics\): 1 documents, 1 gold/);
  });

  it("takes the mean, least and greatest of scores and their spread", () => {
    expect(spreadOf([0.5, 0.75, 1])).toEqual({ mean: 0.75, min: 0.5, max: 1, spread: 0.5 });
    expect(spreadOf([0.8])).toEqual({ mean: 0.8, min: 0.8, max: 0.8, spread: 0 });
  });

  const bad: [string, string[], number, RegExp][] = [
    ["a --shuffle that is not a whole number", [ecb, "--shuffle", "x"], 2, /--shuffle to be a whole number/],
    ["a --shuffles that is not a whole number", [ecb, "--shuffles", "1.5"], 2, /--shuffles to be a whole number/],
    ["--shuffle with --shuffles", [ecb, "--shuffle", "1", "--shuffles", "2"], 2, /--shuffle or --shuffles, found both/],
    ["a --topics that is neither odd nor even", [ecb, "--topics", "first"], 2, /--topics to be odd or even/],
    ["--topics on a file without topics", [mmds, "--topics", "odd"], 2, /a data file with topics/],
    ["no file", [], 2, /expected one data file/],
    ["a missing file", [join(dir, "none.jsonl")], 1, /cannot read the data file/],
    ["an unknown option", [ecb, "--bogus"], 2, /bogus/],
  ];
  for (const [name, args, code, message] of bad) {
    it(`refuses ${name} in one line`, async () => {
      const io = captured();
      expect(await main(["eval", "clusters", ...args], io)).toBe(code);
      expect(io.err).toMatch(message);
      expect(io.err.trim().split("\n")).toHaveLength(1);
    });
  }

  it("refuses a file in neither format", async () => {
    const other = join(dir, "other.txt");
    writeFileSync(other, "label\tsentence\n");
    const io = captured();
    expect(await main(["eval", "clusters", other], io)).toBe(1);
    expect(io.err).toMatch(/expected ECB\+ JSON Lines .* or MMDS JSON/);
  });

  it("shuffles the same way for the same seed and another way for another seed", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffled(items, 1)).toEqual(shuffled(items, 1));
    expect(shuffled(items, 1)).not.toEqual(shuffled(items, 2));
    expect([...shuffled(items, 1)].sort((a, b) => a - b)).toEqual(items);
  });
});

const SHARED = join(import.meta.dirname, "../../../shared/data/clustering");
const ECB_DEV = join(SHARED, "ecbplus-dev/docs.jsonl");
const MMDS_DEV = join(SHARED, "mmds-dev/mds_ac_dev_final.json");
/**
 * B-cubed F1 on the ECB+ development file (subtopics as gold), a little under the 0.878 reached in file order
 * and the 0.861 to 0.888 of five shuffles, so that only a real regression fails.
 */
const ECB_F1_FLOOR = 0.85;
/** B-cubed F1 on the English MMDS development articles, under the 0.775 to 0.785 reached. */
const MMDS_F1_FLOOR = 0.76;

describe.skipIf(!existsSync(ECB_DEV))(`online clustering of ECB+ dev (skipped when ${ECB_DEV} is absent)`, () => {
  it(`keeps B-cubed F1 at or above ${ECB_F1_FLOOR} in a shuffled order`, async () => {
    const set = readClusteringSet(readFileSync(ECB_DEV, "utf8"), ECB_DEV);
    expect(set.documents).toHaveLength(772);
    const scores = await clusterAndScore(shuffled(set.documents, 1), set.gold);
    expect(scores.b3.f1).toBeGreaterThanOrEqual(ECB_F1_FLOOR);
  });
});

describe.skipIf(!existsSync(MMDS_DEV))(`online clustering of MMDS dev (skipped when ${MMDS_DEV} is absent)`, () => {
  it(`keeps B-cubed F1 at or above ${MMDS_F1_FLOOR}`, async () => {
    const set = readClusteringSet(readFileSync(MMDS_DEV, "utf8"), MMDS_DEV);
    const scores = await clusterAndScore(set.documents, set.gold);
    expect(scores.b3.f1).toBeGreaterThanOrEqual(MMDS_F1_FLOOR);
  });
});
