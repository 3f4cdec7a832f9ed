import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
    const pattern = join(dir, "nothing-*.txt");
    expect(await main(["analyze", missing, pattern, empty, binary, undecodable, good, "--json"], io)).toBe(0);
    const lines = io.err.trim().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`triangulate: skipped ${pattern}: no file matches this pattern`);
    expect(lines[1]).toBe(`triangulate: skipped ${missing}: no such file`);
    expect(lines[2]).toMatch(/empty file/);
    expect(lines[3]).toMatch(/binary data/);
    expect(lines[4]).toMatch(/undecodable bytes/);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(JSON.parse(io.out).articles).toHaveLength(1);
  });

  it("reads the article files inside a folder, passing over other files", async () => {
    const folder = join(dir, "story-folder");
    mkdirSync(join(folder, "more"), { recursive: true });
    writeFileSync(join(folder, "a.txt"), readFileSync(good));
    writeFileSync(join(folder, "more", "b.txt"), readFileSync(good, "utf8").replace("Ana Ruiz", "Ana Ruíz"));
    writeFileSync(join(folder, "README.md"), "# notes, not an article\n");
    const io = captured();
    expect(await main(["analyze", folder, "--json"], io)).toBe(0);
    expect(io.err).toBe("");
    const ids = JSON.parse(io.out).articles.map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual(["a", "b"]);
    const none = captured();
    expect(await main(["analyze", join(folder, "more", "*.html")], none)).toBe(1);
    expect(none.err).toMatch(/no file matches this pattern/);
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
    expect(JSON.parse(readFileSync(out, "utf8")).articles).toHaveLength(1);
  });

  it("describes every field of the report in analyze --help, and the exit codes everywhere", async () => {
    const report = captured();
    await main(["analyze", good, "--json"], report);
    const fields = Object.keys(JSON.parse(report.out));
    expect(fields.length).toBeGreaterThanOrEqual(12);
    const help = captured();
    await main(["analyze", "--help"], help);
    for (const field of fields) expect(help.out, field).toMatch(new RegExp(`^  ${field} +\\S`, "m"));
    expect(help.out).toMatch(/--html FILE[\s\S]*instead of the summary/);
    expect(help.out).toMatch(/docs\/report\.md/);
    const general = captured();
    await main(["--help"], general);
    for (const out of [help.out, general.out]) {
      for (const code of ["0", "1", "2", "70"]) expect(out).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
      expect(out).toMatch(/--max-article-bytes N/);
    }
    const docs = readFileSync(new URL("../../docs/report.md", import.meta.url), "utf8");
    for (const field of fields) expect(docs, field).toMatch(new RegExp(`^#+ \`${field}\``, "m"));
  });

  it("refuses an output path that cannot be written in one line, exit 1, before reading anything", async () => {
    const folder = join(dir, "a-folder");
    mkdirSync(folder, { recursive: true });
    const cases: [string[], RegExp][] = [
      [["--html", join(dir, "missing", "dir", "x.html")], /cannot be written: there is no folder .*missing/],
      [["--out", join(dir, "missing", "out.json"), "--json"], /cannot be written: there is no folder/],
      [["--html", folder], /cannot be written: it is a folder/],
      [["--out", join(good, "below-a-file.json")], /cannot be written: there is no folder/],
    ];
    for (const [options, message] of cases) {
      const io = captured();
      expect(await main(["analyze", empty, good, ...options], io), options.join(" ")).toBe(1);
      expect(io.err).toMatch(message);
      expect(io.err.trim().split("\n"), `no skipped-file line: nothing was read\n${io.err}`).toHaveLength(1);
      expect(io.out).toBe("");
    }
    const conll = join(dir, "tiny.conll");
    writeFileSync(conll, "Ana B-PER\n\n");
    const io = captured();
    expect(await main(["eval", "ner", conll, "--out", join(dir, "missing", "p.conll")], io)).toBe(1);
    expect(io.err).toMatch(/cannot be written/);
  });

  it("writes the page in place of the summary with --html", async () => {
    const page = join(dir, "story.html");
    const io = captured();
    expect(await main(["analyze", good, "--html", page], io)).toBe(0);
    expect(io.out).toBe("");
    expect(io.err).toBe(`wrote ${page}\n`);
    expect(readFileSync(page, "utf8")).toMatch(/^<!doctype html>/i);
  });

  it("skips an article over --max-article-bytes by name and goes on; refuses a bad cap", async () => {
    const longer = join(dir, "longer-account.txt");
    writeFileSync(
      longer,
      `${readFileSync(good, "utf8")}\n${"The strike went on through the week at every berth. ".repeat(10)}`,
    );
    const io = captured();
    expect(await main(["analyze", longer, good, "--json", "--max-article-bytes", "300"], io)).toBe(0);
    expect(io.err).toMatch(
      new RegExp(
        `^triangulate: skipped ${longer}: expected at most 300 bytes of text for one article, found \\d+ bytes of text \\(the cap is set with --max-article-bytes\\)\n$`,
      ),
    );
    expect(JSON.parse(io.out).articles.map((a: { id: string }) => a.id)).toEqual(["coastline-herald"]);
    const none = captured();
    expect(await main(["analyze", longer, "--max-article-bytes", "300"], none)).toBe(1);
    for (const bad of ["0", "-5", "abc", "1.5", "1e6", ""]) {
      const usage = captured();
      expect(await main(["analyze", good, `--max-article-bytes=${bad}`], usage), bad).toBe(2);
      expect(usage.err).toMatch(/expected --max-article-bytes to be a whole number of bytes above 0/);
    }
  });

  it("prints no control character from a hostile file name or article", async () => {
    const hostile = join(dir, "evil\u001b[2J\u001b]0;retitled\u0007.txt");
    writeFileSync(
      hostile,
      `Harbour\u001b[2J strike \u009b31mends\n\n"We are done\u001b]0;retitled\u0007," said Ana\u0000 Ruiz, a union organiser.\n${"The dockers met again on Tuesday to vote on the offer. ".repeat(10)}`,
    );
    const missing = join(dir, "gone\u001b[2J.txt");
    for (const options of [[], ["--json"]]) {
      const io = captured();
      expect(await main(["analyze", hostile, missing, good, ...options], io)).toBe(0);
      expect(io.out).not.toMatch(/[^\P{Cc}\n]/u);
      expect(io.err).not.toMatch(/[^\P{Cc}\n]/u);
      expect(io.out).toMatch(/evil/);
      expect(io.err).toMatch(
        /^triangulate: skipped .*gone\.txt: no such file(, nor any file matching it as a pattern)?$/m,
      );
    }
  });
});
