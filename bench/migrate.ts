import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { benchStore } from "./serve-store.js";

/**
 * What opening a store made before migration 0008 costs: a copy of the serve bench's store (10,000 stories
 * by default, whose reports are stored unlinked, as before 0008) is set back to 0007 (0008 and 0009 unmarked,
 * 0009's column dropped) and opened, which runs 0008 (linking every report to the store) and 0009. With
 * `--reference DIST`, another build opens its own copy in the same run, this build first then it, for a
 * before/after ratio under the same load. Prints the CPU seconds and wall clock of each opening.
 *
 * Run: npm run bench -- migrate [--stories 10000] [--db PATH] [--reference DIST]
 */
const dist = join(import.meta.dirname, "..", "dist");
const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const stories = Number(arg("stories") ?? 10_000);
const { path: source } = await benchStore(dist, stories, arg("db"));
const reference = arg("reference");
const builds = [{ name: "this build", dist }, ...(reference ? [{ name: "reference", dist: reference }] : [])];
const dir = mkdtempSync(join(tmpdir(), "triangulate-bench-migrate-"));
console.log(
  `store: ${source}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
const cpu: number[] = [];
try {
  for (const build of builds) {
    const path = join(dir, "old.db");
    copyFileSync(source, path);
    const raw = new BetterSqlite3(path);
    raw.exec(
      "delete from kysely_migration where name >= '0008'; alter table cluster_terms drop column last_seen; pragma wal_checkpoint(truncate);",
    );
    raw.close();
    const { openStore } = (await import(
      join(build.dist, "store", "index.js")
    )) as typeof import("../src/store/index.js");
    const at = process.cpuUsage();
    const t = performance.now();
    const store = await openStore(path);
    const used = process.cpuUsage(at);
    const wall = performance.now() - t;
    await store.close();
    cpu.push((used.user + used.system) / 1e6);
    console.log(
      `${build.name}: opened (0008 and 0009 run) in ${cpu.at(-1)?.toFixed(1)} CPU s (${(used.system / 1e6).toFixed(1)} of them system), ${(wall / 1000).toFixed(1)} s wall`,
    );
    rmSync(path, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (cpu.length === 2) console.log(`CPU time, this build ÷ reference: ${((cpu[0] ?? 0) / (cpu[1] ?? 1)).toFixed(3)}`);
console.log(
  `load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
