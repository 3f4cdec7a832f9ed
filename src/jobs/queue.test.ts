import { describe, expect, it } from "vitest";
import { freshDatabase, pgServer } from "../../test/pg.js";
import { openPostgresStore } from "../store/postgres/index.js";
import { completeIngest, extendLease, jobQueue, openQueue, QUEUES, submitSources, waitForTurn } from "./queue.js";
import { INGEST_DONE, listenForWakes, Signal } from "./wake.js";
import { holdLease } from "./worker.js";

const server = pgServer();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

    it("queues a batch's analyses with its transaction, one waiting per story, and wakes the workers when they are due", async () => {
      const url = await freshDatabase(serverUrl, "analyses");
      const boss = await openQueue(url);
      const store = await openPostgresStore(url);
      const wakes = await listenForWakes(url);
      const woken: number[] = [];
      const started = Date.now();
      wakes.on(QUEUES.analyse, () => woken.push(Date.now() - started));
      const queue = jobQueue(boss, 1);
      const waiting = async () => {
        const { rows } = await store.executeSql(
          "select singleton_key as story from pgboss.job where name = $1 and state = 'created' order by 1",
          [QUEUES.analyse],
        );
        return rows.map((r) => (r as { story: string }).story);
      };
      // Rolled back: nothing queued, nobody woken.
      await store
        .transaction(async (tx) => {
          await queue.analyse([1, 2], tx);
          throw new Error("placement failed");
        })
        .catch(() => {});
      expect(await waiting()).toEqual([]);
      await store.transaction((tx) => queue.analyse([1, 2], tx));
      // Story 2 again, and story 3: story 2 keeps the one waiting analysis.
      await store.transaction((tx) => queue.analyse([2, 3], tx));
      await store.transaction((tx) => queue.analyse([], tx));
      expect(await waiting()).toEqual(["1", "2", "3"]);
      const startOf = async (story: number) => {
        const { rows } = await store.executeSql(
          "select extract(epoch from start_after - now())::float as s from pgboss.job where name = $1 and singleton_key = $2 and state = 'created'",
          [QUEUES.analyse, String(story)],
        );
        return (rows[0] as { s: number }).s;
      };
      // Story 2 changed again after story 1: its analysis waits for it to be quiet, and starts after story 1's.
      expect(await startOf(2)).toBeGreaterThan(await startOf(1));
      // Asked for without a change (the sweep for lost jobs): the waiting one keeps its time.
      const before = await startOf(3);
      await queue.analyse([3], store, false);
      expect(await startOf(3)).toBeLessThanOrEqual(before);
      // A story that keeps changing is analysed at the latest the longest wait after it was first asked for.
      await store.executeSql(
        "update pgboss.job set created_on = now() - interval '1 hour' where name = $1 and singleton_key = '3'",
        [QUEUES.analyse],
      );
      await store.transaction((tx) => queue.analyse([3], tx));
      expect(await startOf(3)).toBeLessThan(0);
      for (let i = 0; i < 150 && woken.length === 0; i++) await sleep(20);
      // Woken once the delay of a second has passed, not at the commit.
      expect(woken.length).toBeGreaterThan(0);
      expect(woken[0]).toBeGreaterThanOrEqual(900);
      const due = await boss.fetch<{ story: number }>(QUEUES.analyse, { batchSize: 3 });
      expect(due?.map((j) => j.data.story).sort()).toEqual([1, 2, 3]);
      await wakes.close();
      await store.close();
      await boss.stop({ graceful: false, wait: true });
    }, 60_000);

    it("a source's turn comes when the sources submitted before it are completed, and it steps aside for one no worker runs", async () => {
      const url = await freshDatabase(serverUrl, "turns");
      const boss = await openQueue(url);
      const store = await openPostgresStore(url);
      const wakes = await listenForWakes(url);
      const stored = new Signal();
      wakes.on(INGEST_DONE, () => stored.fire());
      expect(await submitSources(boss, ["first", "second", "third"])).toBe(3);
      const [first] = (await boss.fetch<{ source: string }>(QUEUES.ingest)) ?? [];
      const [second] = (await boss.fetch<{ source: string }>(QUEUES.ingest)) ?? [];
      expect([first?.data.source, second?.data.source]).toEqual(["first", "second"]);
      // The first source's turn is now; the second waits for the first.
      await waitForTurn(store, first?.id as string, stored);
      let turn = false;
      const secondTurn = waitForTurn(store, second?.id as string, stored).then(() => {
        turn = true;
      });
      await sleep(300);
      expect(turn).toBe(false);
      await completeIngest(boss, first?.id as string);
      await secondTurn;
      // The notice of the completion arrives (the turn may have come by the fallback look first).
      for (let i = 0; i < 100 && stored.seen === 0; i++) await sleep(20);
      expect(stored.seen).toBeGreaterThan(0);
      expect((await boss.getJobById(QUEUES.ingest, first?.id as string))?.state).toBe("completed");
      // The second fails (its worker stopped) and waits for its retry: the third, taken meanwhile, steps
      // aside for it.
      await boss.fail(QUEUES.ingest, second?.id as string);
      const [third] = (await boss.fetch<{ source: string }>(QUEUES.ingest)) ?? [];
      expect(third?.data.source).toBe("third");
      await expect(waitForTurn(store, third?.id as string, stored)).rejects.toThrow(/steps aside/);
      await wakes.close();
      await store.close();
      await boss.stop({ graceful: false, wait: true });
    }, 60_000);

    it("keeps a job whose lease is renewed, hands on one left silent, and one whose lease was let go", async () => {
      const url = await freshDatabase(serverUrl, "leases");
      const boss = await openQueue(url, { jobTimeoutS: 2 });
      const store = await openPostgresStore(url);
      await submitSources(boss, ["renewed", "silent"]);
      const [renewed] = (await boss.fetch<{ source: string }>(QUEUES.ingest)) ?? [];
      const [silent] = (await boss.fetch<{ source: string }>(QUEUES.ingest)) ?? [];
      const errors: unknown[] = [];
      const lease = holdLease(boss, QUEUES.ingest, renewed?.id as string, 2, (err) => errors.push(err));
      const stateOf = async (id: string | undefined) => (await boss.getJobById(QUEUES.ingest, id as string))?.state;
      // Twice the span: the silent job is handed on (to be retried), the renewed one stays with its worker.
      for (let i = 0; i < 60 && (await stateOf(silent?.id)) === "active"; i++) await sleep(100);
      await sleep(1500);
      expect(await stateOf(silent?.id)).toBe("retry");
      expect(await stateOf(renewed?.id)).toBe("active");
      // A job handed on is no longer the old run's to renew.
      expect(await extendLease(boss.getDb(), QUEUES.ingest, silent?.id as string, 2)).toBe(false);
      // Renewed for a long step: still active well past the span without renewals.
      lease.release();
      await lease.extend(4);
      await sleep(3000);
      expect(await stateOf(renewed?.id)).toBe("active");
      // Let go: handed on like the silent one.
      for (let i = 0; i < 80 && (await stateOf(renewed?.id)) === "active"; i++) await sleep(100);
      expect(await stateOf(renewed?.id)).toBe("retry");
      expect(errors).toEqual([]);
      await store.close();
      await boss.stop({ graceful: false, wait: true });
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
