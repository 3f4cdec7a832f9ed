import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const example = "examples/port-strike-fire";
const articles = readdirSync(new URL(`../../${example}/`, import.meta.url))
  .filter((name) => name.endsWith(".txt"))
  .map((name) => `${example}/${name}`);

describe("the triangulate process", () => {
  it("ends quietly, with the command's exit code, when its reader leaves early (… | head -c 10)", () => {
    // Each article twice: the report is then well over what a pipe holds (64 KiB), so the process is still
    // writing when head has read its 10 bytes and gone.
    const command = `${JSON.stringify(process.execPath)} --import tsx src/cli/bin.ts analyze ${[...articles, ...articles].join(" ")} --json | head -c 10; exit "\${PIPESTATUS[0]}"`;
    const run = spawnSync("bash", ["-c", command], { cwd: root, encoding: "utf8" });
    expect(run.stdout).toBe('{\n  "schem');
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
