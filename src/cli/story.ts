import type { StoryReport } from "../model/index.js";
import { TriangulateError } from "../model/index.js";
import { type CliIo, EXIT } from "./io.js";
import { checkOutput, printReport } from "./output.js";
import { DB_OPTION, openFor, parseCommand } from "./store-args.js";
import { STORE_HELP } from "./store-help.js";

const OPTIONS = { ...DB_OPTION, json: { type: "boolean" }, html: { type: "string" }, out: { type: "string" } } as const;

/**
 * `triangulate story ID`: one stored story, shown as `analyze` shows a story.
 *
 * @example await story(["12", "--json"], io)
 */
export async function story(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  if (values.help) {
    io.stdout(STORE_HELP.story as string);
    return EXIT.ok;
  }
  const [raw, extra] = positionals;
  if (raw === undefined) throw new TriangulateError("BAD_ARGUMENT", 'expected a story id: "triangulate story ID"');
  if (extra !== undefined) throw new TriangulateError("BAD_ARGUMENT", `expected one story id, found also "${extra}"`);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      `expected a story id (a number, as "triangulate stories" lists), found "${raw}"`,
    );
  }
  const id = Number(raw);
  for (const path of [values.html, values.out]) if (typeof path === "string") await checkOutput(path);
  const store = await openFor(values.db, "existing", io);
  let report: StoryReport;
  try {
    const summary = await store.story(id);
    if (!summary)
      throw new TriangulateError("NOT_FOUND", `no story ${id} in the store; "triangulate stories" lists them`);
    const stored = await store.report(id);
    if (stored) {
      report = stored.report;
      if (stored.version !== summary.version) {
        io.stderr(
          `triangulate: story ${id}: this report is of version ${stored.version}; the story is at version ${summary.version} and waits for its next analysis (the next ingest)\n`,
        );
      }
    } else {
      const [{ analyzeStory }, { voicesOf, withStoreLinks }] = await Promise.all([
        import("../pipeline.js"),
        import("../store/copies.js"),
      ]);
      const articles = await store.storyArticles(id);
      report = withStoreLinks(
        analyzeStory(voicesOf(articles.filter((a) => a.copyOf === undefined).map((a) => a.article))),
        articles,
      );
      io.stderr(`triangulate: story ${id} has no stored report yet; analysed now for display (nothing written)\n`);
    }
  } finally {
    await store.close();
  }
  return await printReport(io, report, values);
}
