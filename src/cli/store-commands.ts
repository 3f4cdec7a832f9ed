import type { CliIo } from "./io.js";

/** The commands that work on the store, each loaded on use. */
const COMMANDS = {
  ingest: async () => (await import("./ingest.js")).ingest,
  stories: async () => (await import("./stories.js")).stories,
  story: async () => (await import("./story.js")).story,
  search: async () => (await import("./search.js")).search,
  worker: async () => (await import("./worker.js")).worker,
} as const;

/** Runs `ingest`, `stories`, `story`, `search` or `worker`. */
export async function storeCommand(command: keyof typeof COMMANDS, args: string[], io: CliIo): Promise<number> {
  return (await COMMANDS[command]())(args, io);
}
