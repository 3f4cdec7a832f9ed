import { stripControls } from "../ingest/controls.js";

/** The streams and environment a command runs with; tests pass captured ones. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal, so progress lines are worth drawing. */
  interactive: boolean;
  /** What the input `-` reads; the process's standard input by default. */
  stdin?: AsyncIterable<Uint8Array>;
}

/**
 * Exit codes: 0 done; 1 nothing could be done with the input (no article could be read) or the output
 * cannot be written; 2 the command line is wrong; 70 an internal error, a bug (EX_SOFTWARE of sysexits.h).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

/** The streams {@link processIo} writes to; the process's own by default. */
export interface ProcessStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  interactive: boolean;
  /** Called once when a stream fails for another reason than a reader that left; sets the exit code. */
  onFailure: (code: number) => void;
}

/**
 * The process's streams as a {@link CliIo}. A reader that leaves early (`triangulate ... | head`) ends the
 * output quietly: EPIPE is no error, later writes are dropped and the exit code stays the command's. Any
 * other write failure (a full disk) is named in one line and makes the exit code 1.
 */
export function processIo(
  streams: ProcessStreams = {
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stderr.isTTY),
    onFailure: (code) => {
      process.exitCode = code;
    },
  },
): CliIo {
  const closed = new Set<NodeJS.WritableStream>();
  const guard = (stream: NodeJS.WritableStream, name: string) => {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (closed.has(stream)) return;
      closed.add(stream);
      if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED") return;
      if (!closed.has(streams.stderr)) {
        streams.stderr.write(`triangulate: cannot write to ${name} (${err.code ?? err.message})\n`);
      }
      streams.onFailure(EXIT.failed);
    });
  };
  guard(streams.stdout, "standard output");
  guard(streams.stderr, "standard error");
  const writer = (stream: NodeJS.WritableStream) => (text: string) => {
    if (!closed.has(stream)) stream.write(text);
  };
  return {
    stdout: writer(streams.stdout),
    stderr: writer(streams.stderr),
    interactive: streams.interactive,
    stdin: process.stdin,
  };
}

/**
 * Text safe to print on a terminal: control characters other than newline go (a tab becomes a space), so
 * that nothing read from an article or a file name can move the cursor, clear the screen or retitle the
 * window.
 *
 * @example printable("skipped \x1b]0;pwned\x07a.txt") === "skipped a.txt"
 */
export function printable(text: string): string {
  return stripControls(text).replace(/\t/g, " ");
}
