import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { exampleArticles } from "../../test/server-fixtures.js";
import { storeStories } from "../../test/server-store.js";
import { main } from "./main.js";
import { serve } from "./serve.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), interactive: false },
    out,
    err,
  };
}

describe("triangulate serve", () => {
  it("serves pages and API on a free port and stops cleanly when told", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { openStore } = await import("../store/index.js");
    const db = join(mkdtempSync(join(tmpdir(), "triangulate-serve-cli-")), "s.db");
    const store = await openStore(db);
    await storeStories(store, [await exampleArticles()]);
    await store.close();

    const { io, err } = capture();
    const stop = new AbortController();
    let base = "";
    const done = serve(["--db", db, "--port", "0"], io, {
      env: {},
      signal: stop.signal,
      onListening: (a) => {
        base = `http://127.0.0.1:${a.port}`;
      },
    });
    await expect.poll(() => base, { timeout: 10_000 }).not.toBe("");
    const list = await fetch(`${base}/`);
    expect(list.status).toBe(200);
    expect(list.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect((await (await fetch(`${base}/api/stories`)).json()).stories).toHaveLength(1);
    const write = await fetch(`${base}/api/articles`, {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json" },
    });
    expect(write.status).toBe(403);
    stop.abort();
    expect(await done).toBe(0);
    expect(err.join("")).toMatch(/serving .* on http:\/\/127\.0\.0\.1:\d+\/ .*writes off/);
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });

  it("says in one line that a busy port is busy, exit code 1", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    const { io, err } = capture();
    const db = join(mkdtempSync(join(tmpdir(), "triangulate-serve-cli-")), "s.db");
    const code = await serve(["--db", db, "--port", String(port)], io, { env: { TRIANGULATE_TOKEN: "t" } });
    blocker.close();
    expect(code).toBe(1);
    expect(err.join("")).toBe(
      `triangulate: port ${port} on 127.0.0.1 is busy: another program listens there; choose another with --port\n`,
    );
  });

  it.each([
    [["serve", "--port", "99999"], /expected --port to be a whole number from 0 to 65535, found "99999"/],
    [["serve", "--port", "eighty"], /expected --port/],
    [["serve", "extra"], /expected only options after "serve"/],
    [["serve", "--colour"], /Unknown option/],
  ])("refuses %j with a usage error", async (argv, message) => {
    const { io, err } = capture();
    expect(await main(argv, io)).toBe(2);
    expect(err.join("")).toMatch(message);
  });

  it("refuses a missing store when writes are off, naming it", async () => {
    const { io, err } = capture();
    const code = await main(["serve", "--db", "/nonexistent/folder/x.db", "--port", "0"], io);
    expect(code).toBe(1);
    expect(err.join("")).toContain("/nonexistent/folder/x.db");
  });

  it("has its own help, and is listed in the general help", async () => {
    const { io, out } = capture();
    expect(await main(["help", "serve"], io)).toBe(0);
    expect(out.join("")).toContain("TRIANGULATE_TOKEN");
    const general = capture();
    await main(["--help"], general.io);
    expect(general.out.join("")).toContain("triangulate serve [--db PATH]");
  });
});
