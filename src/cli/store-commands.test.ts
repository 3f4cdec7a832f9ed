import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "./io.js";
import { main } from "./main.js";

function captured(stdin?: string): CliIo & { out: string; err: string } {
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
    ...(stdin === undefined
      ? {}
      : {
          stdin: (async function* () {
            yield Buffer.from(stdin);
          })(),
        }),
  };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), "triangulate-store-cli-"));
const db = join(dir, "news.db");
const examples = new URL("../../examples/", import.meta.url).pathname;
const run = async (args: string[], stdin?: string) => {
  const io = captured(stdin);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
};

describe("store commands", () => {
  let ingested: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    ingested = await run([
      "ingest",
      join(examples, "port-strike-fire"),
      join(examples, "barge-bridge-closure"),
      "--db",
      db,
    ]);
  }, 60_000);

  it("ingests two example folders into two stories, with a closing line", () => {
    expect(ingested.code).toBe(0);
    expect(ingested.out).toMatch(
      /^read 9, new 9 \(1 copy\), already stored 0, skipped 3 \(3 NOT_ARTICLE_FILE\), stories touched 2 \(2 new\), analysed 2; \d+\.\d s\n$/,
    );
    expect(ingested.err).toBe("");
  });

  it("adds nothing on a second run", async () => {
    const again = await run(["ingest", join(examples, "barge-bridge-closure"), "--db", db, "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({
      read: 4,
      added: 0,
      alreadyStored: 4,
      storiesTouched: 0,
      analysed: 0,
    });
  });

  it("lists the two stories, biggest first, as text and as JSON", async () => {
    const text = await run(["stories", "--db", db, "--sort", "biggest"]);
    expect(text.code).toBe(0);
    const lines = text.out.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /5 articles, 1 outlet \(Coastal Ledger\), 4 articles without one, 2026-03-09 to 2026-03-10; \d+ disputed facts?, \d+ discrepanc/,
    );
    expect(lines[3]).toMatch(
      /4 articles \(1 copy\), 4 outlets \(Northbridge Wire, Riverside Courier, Valley Evening Post, Velmora Gazette\), 2026-05-14 to 2026-05-15/,
    );
    const json = JSON.parse((await run(["stories", "--db", db, "--json", "--limit", "1", "--sort", "biggest"])).out);
    expect(json.stories).toHaveLength(1);
    expect(json.stories[0]).toMatchObject({ articleCount: 5, copyCount: 0, reportCurrent: true });
  });

  it("shows a story as analyze does: summary, JSON and HTML", async () => {
    const { stories } = JSON.parse((await run(["stories", "--db", db, "--json", "--sort", "biggest"])).out);
    const barge = stories[1].id as number;
    const summary = await run(["story", String(barge), "--db", db]);
    expect(summary.code).toBe(0);
    expect(summary.out).toMatch(/^Story: .*\n3 articles, 2026-05-14 to 2026-05-15\n/);
    const report = JSON.parse((await run(["story", String(barge), "--db", db, "--json"])).out);
    expect(report.schema).toBe("triangulate.story/1");
    expect(report.articles.map((a: { outlet: string }) => a.outlet)).toEqual([
      "Northbridge Wire",
      "Valley Evening Post",
      "Riverside Courier",
    ]);
    const html = join(dir, "barge.html");
    const page = await run(["story", String(barge), "--db", db, "--html", html]);
    expect(page.code).toBe(0);
    expect(readFileSync(html, "utf8")).toMatch(/^<!doctype html>/i);
  });

  it("searches with snippets and story, filtered by outlet and dates", async () => {
    const hits = JSON.parse((await run(["search", "pier", "foundations", "--db", db, "--json"])).out).hits;
    expect(hits.map((h: { name: string }) => h.name).sort()).toEqual([
      "000_barge-strikes-bridge",
      "001_barge-hits-bridge-gazette",
      "002_three-hurt-evening-post",
    ]);
    expect(hits[0].snippet).toMatch(/«(?:pier|foundations)»/i);
    const outlet = await run(["search", "pier", "--db", db, "--outlet", "riverside courier"]);
    // A hit reads as its headline, then who ran it, when, and its story; the file's id only in --json.
    expect(outlet.out).toMatch(
      /^Divers inspect damaged pier as Velmora waits for its bridge\n {2}Riverside Courier, 2026-05-15 · story \d+: \S/,
    );
    expect(outlet.out).not.toContain("003_divers");
    const none = await run(["search", "pier", "--db", db, "--until", "2026-05-13"]);
    expect(none).toMatchObject({ code: 0, out: "No article matches.\n" });
  });

  it("reads JSON Lines from standard input with '-'", async () => {
    const line = JSON.stringify({
      text: "Divers found a second crack in the Velmora bridge pier on Saturday, the Ansel Valley Roads Board said.",
      outlet: "Riverside Courier",
      url: "https://courier.example/velmora-pier-crack?utm_source=feed",
      published: "2026-05-16",
    });
    const first = await run(["ingest", "-", "--db", db, "--json"], `${line}\n`);
    expect(JSON.parse(first.out)).toMatchObject({ added: 1, storiesTouched: 1, storiesNew: 0, analysed: 1 });
    const again = await run(
      ["ingest", "-", "--db", db, "--json"],
      `${line.replace("utm_source=feed", "utm_source=mail")}\n`,
    );
    expect(JSON.parse(again.out)).toMatchObject({ added: 0, alreadyStored: 1 });
  });

  it.each([
    [["ingest", "--db", db], 2, /expected sources/],
    [
      ["ingest", join(dir, "nothing-*.txt"), "--db", join(dir, "empty.db")],
      1,
      /no file matches[\s\S]*no article could be read/,
    ],
    [["ingest", "a.txt", "--bogus"], 2, /bogus/],
    [["stories", "--db", db, "--sort", "oldest"], 2, /--sort newest or biggest/],
    [["stories", "--db", db, "--limit", "0"], 2, /--limit/],
    [["stories", "--db", join(dir, "missing.db")], 1, /no store here/],
    [["story", "--db", db], 2, /expected a story id/],
    [["story", "twelve", "--db", db], 2, /expected a story id/],
    [["story", "999999", "--db", db], 1, /no story 999999/],
    [["story", "1", "--db", db, "--html", join(dir, "no-such-folder", "x.html")], 1, /cannot be written/],
    [["search", "--db", db], 2, /expected words/],
    [["search", "* ( )", "--db", db], 2, /expected words/],
    [["search", "pier", "--db", db, "--since", "last week"], 2, /--since to be a date/],
    [["search", "pier", "--db", db, "--until", "2026-13-45"], 2, /--until to be a date/],
  ])("%j exits %i with a one-line message", async (args, code, message) => {
    const result = await run(args as string[]);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message as RegExp);
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it("leaves no database behind a reader's mistyped path", async () => {
    await run(["stories", "--db", join(dir, "typo.db")]);
    expect(existsSync(join(dir, "typo.db"))).toBe(false);
  });

  it.each(["ingest", "stories", "story", "search"])("explains %s with --help and with help", async (command) => {
    const help = await run([command, "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(new RegExp(`^triangulate ${command} `));
    expect(help.out).toMatch(/--db PATH/);
    expect((await run(["help", command])).out).toBe(help.out);
  });

  it("names a PostgreSQL store it cannot reach in one line, without its password", async () => {
    const result = await run(["stories", "--db", "postgres://news:secret@127.0.0.1:1/news"]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^triangulate: postgres:\/\/news:\*\*\*@127\.0\.0\.1:1\/news: cannot be reached as a PostgreSQL store/,
    );
    expect(result.err).not.toMatch(/secret|\n.+/);
  });

  it("a text file in the store's place is named, not a crash", async () => {
    const notes = join(dir, "notes.db");
    writeFileSync(notes, "not a database at all\n".repeat(200));
    const result = await run(["stories", "--db", notes]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/notes\.db: is not a SQLite database/);
  });
});
