import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

const dir = mkdtempSync(join(tmpdir(), "triangulate-cli-"));
const good = join(dir, "coastline-herald.txt");
writeFileSync(
  good,
  'date 2026-03-09 Dock workers in Portavel walked out on Monday, officials said.\n\n"We will not move," said Ana Ruiz, a union organiser.\n',
);
const empty = join(dir, "empty.txt");
writeFileSync(empty, "");
const binary = join(dir, "image.txt");
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
const undecodable = join(dir, "broken.txt");
writeFileSync(undecodable, Buffer.from([0x41, 0x81, 0x42, 0x8d, 0x43]));

describe("triangulate (main)", () => {
  it("teaches the commands with --help and exits 0", async () => {
    const io = captured();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out).toMatch(/triangulate analyze FILES/);
    expect(io.out).toMatch(/Exit codes/);
    const sub = captured();
    expect(await main(["analyze", "--help"], sub)).toBe(0);
    expect(sub.out).toMatch(/Windows-1252/);
    const evalHelp = captured();
    expect(await main(["eval", "--help"], evalHelp)).toBe(0);
    expect(evalHelp.out).toMatch(/triangulate eval ner FILE\.conll/);
  });

  it("prints the report as JSON with --json", async () => {
    const io = captured();
    expect(await main(["analyze", good, "--json"], io)).toBe(0);
    const report = JSON.parse(io.out);
    expect(report.schema).toBe("triangulate.story/1");
    expect(report.articles[0].id).toBe("coastline-herald");
    expect(report.articles[0].published).toBe("2026-03-09");
    expect(report.quotes[0].text).toBe("We will not move,");
  });

  it("prints a readable summary by default", async () => {
    const io = captured();
    expect(await main(["analyze", good], io)).toBe(0);
    expect(io.out).toMatch(/^Story: /);
    expect(io.out).toMatch(/Quotations \(1\)/);
    expect(io.out).toMatch(/Ana Ruiz/);
  });

  it("names each bad file in one line, skips it and analyses the rest", async () => {
    const io = captured();
    const missing = join(dir, "missing.txt");
    expect(await main(["analyze", missing, dir, empty, binary, undecodable, good, "--json"], io)).toBe(0);
    const lines = io.err.trim().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`triangulate: skipped ${missing}: no such file`);
    expect(lines[1]).toMatch(/is a directory/);
    expect(lines[2]).toMatch(/empty file/);
    expect(lines[3]).toMatch(/binary data/);
    expect(lines[4]).toMatch(/undecodable bytes/);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(JSON.parse(io.out).articles).toHaveLength(1);
  });

  it("exits 1 when no article could be read, 2 on a wrong command line", async () => {
    const none = captured();
    expect(await main(["analyze", empty, binary], none)).toBe(1);
    expect(none.err).toMatch(/no article could be read/);
    const usage = captured();
    expect(await main(["analyze"], usage)).toBe(2);
    expect(await main(["frobnicate"], usage)).toBe(2);
    expect(await main(["analyze", good, "--bogus"], usage)).toBe(2);
    expect(usage.err).toMatch(/unknown command "frobnicate"/);
  });

  it("writes to --out instead of standard output", async () => {
    const io = captured();
    const out = join(dir, "report.json");
    expect(await main(["analyze", good, "--json", "--out", out], io)).toBe(0);
    expect(io.out).toBe("");
    const { readFileSync } = await import("node:fs");
    expect(JSON.parse(readFileSync(out, "utf8")).articles).toHaveLength(1);
  });
});
