import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandSources } from "./sources.js";

const dir = mkdtempSync(join(tmpdir(), "triangulate-sources-"));
for (const name of [
  "a.txt",
  "b.html.gz",
  "notes.md",
  "expected.json",
  ".hidden.txt",
  "sub/c.jsonl",
  "sub/deep/d.warc.gz",
  "sub/e.png",
]) {
  mkdirSync(join(dir, name, ".."), { recursive: true });
  writeFileSync(join(dir, name), "x");
}

describe("expandSources", () => {
  it("takes the article files of a folder and its subfolders, passing over the others", async () => {
    const { inputs, problems, passedOver } = await expandSources([dir]);
    expect(inputs).toEqual(["a.txt", "b.html.gz", "sub/c.jsonl", "sub/deep/d.warc.gz"].map((f) => join(dir, f)));
    expect(passedOver).toBe(3);
    expect(problems).toEqual([]);
  });

  it.each([
    ["*.txt", ["a.txt"]],
    ["*.t?t", ["a.txt"]],
    ["[ab].*", ["a.txt", "b.html.gz"]],
    ["[!a].*", ["b.html.gz"]],
    ["**/*.gz", ["b.html.gz", "sub/deep/d.warc.gz"]],
    ["sub/*", ["sub/c.jsonl", "sub/e.png"]],
    ["sub/**/d.*", ["sub/deep/d.warc.gz"]],
  ])("expands the pattern %s", async (pattern, expected) => {
    const { inputs } = await expandSources([join(dir, pattern)]);
    expect(inputs).toEqual(expected.map((f) => join(dir, f)));
  });

  it("names a pattern that matches nothing and keeps everything else as it is, each once", async () => {
    const { inputs, problems } = await expandSources([
      join(dir, "*.csv"),
      "-",
      "https://news.example/a",
      join(dir, "missing.txt"),
      join(dir, "a.txt"),
      join(dir, "*.txt"),
      join(dir, "scan[1].txt"),
    ]);
    expect(inputs).toEqual(["-", "https://news.example/a", join(dir, "missing.txt"), join(dir, "a.txt")]);
    expect(problems).toEqual([
      { source: join(dir, "*.csv"), code: "NOT_FOUND", message: "no file matches this pattern" },
      {
        source: join(dir, "scan[1].txt"),
        code: "NOT_FOUND",
        message: "no such file, nor any file matching it as a pattern",
      },
    ]);
  });

  it("does not match hidden files with a star", async () => {
    const { inputs } = await expandSources([join(dir, "*")]);
    expect(inputs.some((p) => p.includes(".hidden"))).toBe(false);
  });
});
