import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const data = join(root, "..", "shared", "data");
const present =
  existsSync(join(data, "ner", "open-train", "wikigold")) && existsSync(join(data, "clustering", "ecbplus-dev"));
if (!present) console.warn(`skipping the tagger's retraining check: ${data} is absent (a fresh clone); CI has it`);

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** The full training (three perceptrons) takes about 75 s of CPU; the test allows for a busy machine. */
const RETRAIN_TIMEOUT = 600_000;

describe.skipIf(!present)("scripts/train-tagger.ts (reads ../shared/data)", () => {
  it(
    "reproduces the committed model byte for byte",
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), "triangulate-tagger-")), "tagger.model.json");
      // In a child process, so the long synchronous training does not stall the test runner.
      await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", join(root, "scripts", "train-tagger.ts"), "--data", data, "--out", out],
        { cwd: root, maxBuffer: 1 << 24 },
      );
      const committed = readFileSync(join(root, "src", "lexicon", "tagger.model.json"), "utf8");
      expect(sha(readFileSync(out, "utf8"))).toBe(sha(committed));
    },
    RETRAIN_TIMEOUT,
  );
});
