import { constants } from "node:fs";
import { access, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type StoryReport, TriangulateError } from "../model/index.js";
import { type CliIo, EXIT, printable } from "./io.js";
import { renderSummary } from "./summary.js";

/**
 * Prints a story's report as `analyze` and `story` do: the HTML page to `--html` (then nothing else unless
 * `--json` or `--out` asks for it), and the JSON or the readable summary to `--out` or standard output.
 */
export async function printReport(
  io: CliIo,
  report: StoryReport,
  values: { json?: boolean | undefined; html?: string | boolean | undefined; out?: string | boolean | undefined },
): Promise<number> {
  if (typeof values.html === "string") {
    const { renderHtmlReport } = await import("../web/html-report.js");
    await writeOutput(values.html, renderHtmlReport(report));
    if (!values.json && !values.out) {
      io.stderr(`${printable(`wrote ${values.html}`)}\n`);
      return EXIT.ok;
    }
  }
  const out = typeof values.out === "string" ? values.out : undefined;
  await emit(io, values.json ? `${JSON.stringify(report, null, 2)}\n` : renderSummary(report), out);
  return EXIT.ok;
}

/** Writes `text` to the file `out` when given, else to standard output. */
export async function emit(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out) await writeOutput(out, text);
  else io.stdout(text);
}

/**
 * Fails before any work when an output file cannot be written: its folder is missing or not writable, or
 * the path is a folder. `UNWRITABLE`, exit code 1.
 */
export async function checkOutput(path: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new TriangulateError("UNWRITABLE", "cannot be written: it is a folder", { subject: path });
  }
  const folder = dirname(resolve(path));
  if (!existing && !(await stat(folder).catch(() => undefined))?.isDirectory()) {
    throw new TriangulateError("UNWRITABLE", `cannot be written: there is no folder ${folder}`, { subject: path });
  }
  try {
    await access(existing ? path : folder, constants.W_OK);
  } catch (cause) {
    throw unwritable(path, cause, folder);
  }
}

export async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, "utf8");
  } catch (cause) {
    throw unwritable(path, cause, dirname(resolve(path)));
  }
}

function unwritable(path: string, cause: unknown, folder: string | undefined): TriangulateError {
  const code = (cause as NodeJS.ErrnoException).code ?? "error";
  const why =
    (code === "ENOENT" || code === "ENOTDIR") && folder
      ? `there is no folder ${folder}`
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code;
  return new TriangulateError("UNWRITABLE", `cannot be written: ${why}`, { subject: path, cause });
}
