import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { IngestSummary } from "../newsroom/ingest.js";
import { closingLine, ingest } from "./ingest.js";

const summary = (over: Partial<IngestSummary> = {}): IngestSummary => ({
  read: 10,
  added: 6,
  copies: 0,
  alreadyStored: 2,
  skipped: {},
  storiesTouched: 3,
  storiesNew: 0,
  analysed: 3,
  analysisFailed: 0,
  pendingTotal: 0,
  seconds: 1.234,
  ...over,
});

describe("closingLine", () => {
  it.each([
    [summary(), "read 10, new 6, already stored 2, skipped 0, stories touched 3, analysed 3; 1.2 s"],
    [
      summary({ copies: 1, storiesNew: 2, skipped: { NOT_ARTICLE: 1, BAD_DATA: 1 } }),
      "read 10, new 6 (1 copy), already stored 2, skipped 2 (1 BAD_DATA, 1 NOT_ARTICLE), stories touched 3 (2 new), analysed 3; 1.2 s",
    ],
    [
      summary({ copies: 2, skipped: { TOO_LARGE: 1, NOT_FOUND: 3 }, analysisFailed: 1, pendingTotal: 1 }),
      "read 10, new 6 (2 copies), already stored 2, skipped 4 (3 NOT_FOUND, 1 TOO_LARGE), stories touched 3, analysed 3 (1 failed), waiting for analysis 1; 1.2 s",
    ],
  ])("%j", (s, line) => {
    expect(closingLine(s)).toBe(line);
  });
});

describe("the progress line", () => {
  it("is drawn on a terminal's standard error and wiped before the closing line", async () => {
    const io = {
      out: "",
      err: "",
      interactive: true,
      stdout: (t: string) => {
        io.out += t;
      },
      stderr: (t: string) => {
        io.err += t;
      },
    };
    const db = join(mkdtempSync(join(tmpdir(), "triangulate-progress-")), "p.db");
    const examples = new URL("../../examples/barge-bridge-closure", import.meta.url).pathname;
    expect(await ingest([examples, "--db", db, "--no-analyze"], io)).toBe(0);
    const erase = "\r\u001b[K";
    expect(io.err.startsWith(erase)).toBe(true);
    expect(io.err).toMatch(/\[[#.]{24}\] \d+\/4 sources · \d+ read · \d+ new/);
    expect(io.err.endsWith(erase)).toBe(true);
    expect(io.out).toMatch(/^read 4, new 4 \(1 copy\), .*waiting for analysis 1;/);
  });

  it("is not drawn when standard error is not a terminal", async () => {
    const io = {
      err: "",
      interactive: false,
      stdout: () => {},
      stderr: (t: string) => {
        io.err += t;
      },
    };
    const db = join(mkdtempSync(join(tmpdir(), "triangulate-progress-")), "q.db");
    const examples = new URL("../../examples/barge-bridge-closure", import.meta.url).pathname;
    expect(await ingest([examples, "--db", db, "--no-analyze"], io)).toBe(0);
    expect(io.err).toBe("");
  });
});
