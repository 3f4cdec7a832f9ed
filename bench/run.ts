import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { rerunWithLargeHeap } from "./data.js";
import { benchDates } from "./dates.js";
import { benchExtraction } from "./extraction.js";
import { benchSpeed } from "./speed.js";
import { benchWarc } from "./warc.js";

/**
 * Runs the benchmarks named on the command line (all when none is named), passing the options on:
 * `npm run bench -- extraction --no-jsdom`. A name without a function here runs `bench/NAME.ts` as a script.
 */
const BENCHMARKS: Record<string, (args: string[]) => Promise<void>> = {
  extraction: benchExtraction,
  dates: benchDates,
  speed: benchSpeed,
  warc: benchWarc,
};
const SCRIPTS = ["story", "scale"];

const rerun = rerunWithLargeHeap();
const args = process.argv.slice(2);
const isName = (a: string, i: number) => !a.startsWith("-") && !args[i - 1]?.startsWith("--");
const names = args.filter(isName);
const options = args.filter((a, i) => !isName(a, i));
const unknown = names.filter((n) => !(n in BENCHMARKS) && !existsSync(join(import.meta.dirname, `${n}.ts`)));
if (rerun) {
  // The child run with a larger heap has printed everything.
} else if (unknown.length > 0) {
  console.error(
    `bench: unknown benchmark ${unknown.join(", ")}; known: ${[...Object.keys(BENCHMARKS), ...SCRIPTS].join(", ")}`,
  );
  process.exitCode = 2;
} else if (names.length === 1 && BENCHMARKS[names[0] as string]) {
  await (BENCHMARKS[names[0] as string] as (args: string[]) => Promise<void>)(options);
} else {
  // Each benchmark in a process of its own: memory figures would otherwise include what the previous one
  // left on the heap, and its speed would pay for collecting it.
  for (const name of names.length > 0 ? names : [...Object.keys(BENCHMARKS), ...SCRIPTS]) {
    const script = BENCHMARKS[name] ? [import.meta.filename, name] : [join(import.meta.dirname, `${name}.ts`)];
    spawnSync(process.execPath, [...process.execArgv, ...script, ...options], { stdio: "inherit" });
  }
}
