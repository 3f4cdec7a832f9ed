/** The streams and environment a command runs with; tests pass captured ones. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal, so progress lines are worth drawing. */
  interactive: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
  };
}

/** Exit codes: 0 done, 1 nothing could be done with the input, 2 the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
