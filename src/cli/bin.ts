#!/usr/bin/env node
import { EXIT, printable } from "./io.js";
import { main } from "./main.js";

main(process.argv.slice(2)).then(
  (code) => {
    // A write failure on the way (a full disk) has already set the exit code; it wins over "done".
    if (!process.exitCode) process.exitCode = code;
  },
  (err: unknown) => {
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`triangulate: internal error: ${printable(text)}\n`);
    process.exitCode = EXIT.internal;
  },
);
