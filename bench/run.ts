import { readdirSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * Runs benchmarks by name: `npm run bench -- story extraction`. Each benchmark is a module in bench/ whose
 * top level runs it and prints its own figures, ours beside a reference measured in the same run.
 */
const dir = import.meta.dirname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !["run.ts", "data.ts", "references.ts"].includes(f) && !f.endsWith(".test.ts"))
  .map((f) => basename(f, ".ts"));
const wanted = process.argv.slice(2);
if (wanted.length === 0 || wanted.includes("--help")) {
  console.log(`usage: npm run bench -- NAME...\navailable: ${available.join(", ")}`);
  process.exit(wanted.length === 0 ? 2 : 0);
}
for (const name of wanted) {
  if (!available.includes(name)) {
    console.error(`no benchmark "${name}"; available: ${available.join(", ")}`);
    process.exit(2);
  }
  console.log(`== ${name}`);
  await import(join(dir, `${name}.ts`));
}
