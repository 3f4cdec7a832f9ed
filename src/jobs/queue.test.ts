import { describe, expect, it } from "vitest";
import { freshDatabase, pgServer } from "../../test/pg.js";
import { openQueue, QUEUES } from "./queue.js";

const server = pgServer();

if (server.url) {
  const serverUrl = server.url;
  describe("openQueue", () => {
    it("keeps the cluster and analyse queues stately when a second worker opens them with its job timeout", async () => {
      const url = await freshDatabase(serverUrl, "queues");
      const first = await openQueue(url, { jobTimeoutS: 30 });
      const second = await openQueue(url, { jobTimeoutS: 7 });
      const analyse = await second.getQueue(QUEUES.analyse);
      expect(analyse?.policy).toBe("stately");
      expect(analyse?.expireInSeconds).toBe(7);
      expect((await second.getQueue(QUEUES.cluster))?.policy).toBe("stately");
      expect((await second.getQueue(QUEUES.ingest))?.policy).toBe("standard");
      // A second request for one story's analysis while one waits is the same job.
      const once = await second.send(QUEUES.analyse, { story: 1 }, { singletonKey: "1", startAfter: 60 });
      const again = await second.send(QUEUES.analyse, { story: 1 }, { singletonKey: "1", startAfter: 60 });
      expect(once).toBeTruthy();
      expect(again).toBeNull();
      await Promise.all([first, second].map((b) => b.stop({ graceful: false, wait: true })));
    }, 60_000);

    it("lets workers that start at the same moment on a new database all start", async () => {
      for (let round = 0; round < 3; round++) {
        const url = await freshDatabase(serverUrl, `together${round}`);
        const results = await Promise.allSettled([0, 1, 2].map(() => openQueue(url, { jobTimeoutS: 30 })));
        const failed = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
        await Promise.all(
          results.map((r) => (r.status === "fulfilled" ? r.value.stop({ graceful: false, wait: true }) : undefined)),
        );
        expect(failed).toEqual([]);
      }
    }, 120_000);
  });
} else {
  describe.skip(`openQueue: skipped, no PostgreSQL server (${server.missing})`, () => {
    it("keeps queues stately", () => {});
  });
}
