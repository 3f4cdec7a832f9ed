import { describe, expect, it } from "vitest";
import { emptyReport } from "../../test/fixtures.js";
import { freshDatabase, pgServer } from "../../test/pg.js";
import type { IngestItem } from "../ingest/index.js";
import type { Article, StoryReport } from "../model/index.js";
import { openPostgresStore } from "../store/postgres/index.js";
import { openQueue, QUEUES, submitSources } from "./queue.js";
import { startWorker } from "./worker.js";

const server = pgServer();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An invented article per source, read slowly when the source's name says so. */
function reader(reads: string[]) {
  return async function* (source: string): AsyncGenerator<IngestItem> {
    reads.push(source);
    if (source.startsWith("slow")) await sleep(5000);
    const article: Article = {
      id: source,
      source,
      title: `Harbour crane ${source} stopped`,
      published: "2026-03-10",
      text: `The crane called ${source} at the Ostrelo container quay stopped on Tuesday, the port office said.`,
      removedBoilerplate: [],
      diagnostics: [],
    };
    yield { kind: "article", article };
  };
}

const report = (articles: Article[]): StoryReport => emptyReport(articles);

if (server.url) {
  const serverUrl = server.url;
  describe("startWorker", () => {
    it("keeps a job that runs for more than twice its timeout with its worker: run once, never handed to another", async () => {
      const url = await freshDatabase(serverUrl, "lease");
      const reads: string[] = [];
      const options = { url, concurrency: 1, jobTimeoutS: 2, read: reader(reads), analyzeStory: report };
      const workers = [await startWorker(options), await startWorker(options)];
      const boss = await openQueue(url);
      await submitSources(boss, ["slow-one", "quick-two"]);
      const store = await openPostgresStore(url);
      const state = async () =>
        (
          await store.executeSql(
            "select (data->>'source') as source, state, retry_count from pgboss.job where name = $1 order by 1",
            [QUEUES.ingest],
          )
        ).rows as { source: string; state: string; retry_count: number }[];
      for (let i = 0; i < 300 && (await state()).some((j) => j.state !== "completed"); i++) await sleep(100);
      expect(await state()).toEqual([
        { source: "quick-two", state: "completed", retry_count: 0 },
        { source: "slow-one", state: "completed", retry_count: 0 },
      ]);
      // Read once each: the slow source was never taken for lost while its worker lived.
      expect(reads.sort()).toEqual(["quick-two", "slow-one"]);
      expect((await store.counts()).articles).toBe(2);
      await Promise.all(workers.map((w) => w.stop()));
      await store.close();
      await boss.stop({ graceful: false, wait: true });
    }, 60_000);
  });
} else {
  describe.skip(`startWorker: skipped, no PostgreSQL server (${server.missing})`, () => {
    it("keeps a long job with its worker", () => {});
  });
}
