import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./main.js";

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/html/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "triangulate-extract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  return { code, stdout, stderr };
}

describe("triangulate extract", () => {
  it("prints one JSON object per page, in the order given, with the reasons for a non-article", async () => {
    const { code, stdout, stderr } = await run([
      "extract",
      fixture("section-front.html"),
      fixture("news-article.html"),
      "--url",
      "https://daily.example/world",
      "--url",
      "https://ledger.example.org/x",
      "--json",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.kind])).toEqual([
      ["section-front", "not-article"],
      ["news-article", "article"],
    ]);
    expect(lines[0].reasons.length).toBeGreaterThan(0);
    const a = lines[1];
    expect(Object.keys(a)).toEqual([
      "id",
      "source",
      "kind",
      "url",
      "title",
      "outlet",
      "author",
      "published",
      "language",
      "text",
      "removedBoilerplate",
    ]);
    expect(a.published).toBe("2024-11-03T07:45");
    expect(a.removedBoilerplate).toContain("Share this article");
  });

  it("names an unreadable page on standard error, keeps its place, and fails only when nothing was read", async () => {
    const cut = join(dir, "cut.html.gz");
    writeFileSync(cut, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x2b, 0x49]));
    const mixed = await run(["extract", cut, fixture("cp1252-article.html"), "--json"]);
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toMatch(/skipped .*cut\.html\.gz: expected a complete gzip stream, found one cut short/);
    expect(
      mixed.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).kind),
    ).toEqual(["error", "article"]);
    const none = await run(["extract", cut]);
    expect(none.code).toBe(1);
  });

  it("prints a readable line per page without --json", async () => {
    const { stdout } = await run(["extract", fixture("news-article.html")]);
    expect(stdout).toMatch(
      /^news-article: Ferry service suspended after harbour crane collapse — The Coastal Ledger, 2024-11-03T07:45, by Mara Lindqvist, Tomas Ek, en — \d+ words\n$/,
    );
  });

  it.each([
    [["extract"], /expected pages to extract/],
    [["extract", "a.html", "--url", "u1", "--url", "u2"], /expected one --url per page \(1\), found 2/],
    [["extract", "a.html", "--bogus"], /Unknown option/],
  ])("refuses a wrong command line %#", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
