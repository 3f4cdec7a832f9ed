import { describe, expect, it } from "vitest";
import { freshDatabase, pgServer } from "../../test/pg.js";
import { listenForWakes, parseWake, Signal, WAKE_CHANNEL, wakeQuery } from "./wake.js";

const server = pgServer();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("wake notices", () => {
  it("carry a topic and an optional delay; anything else is not one", () => {
    const now = wakeQuery("triangulate-cluster");
    expect(now.values).toEqual([WAKE_CHANNEL, "triangulate-cluster"]);
    expect(parseWake(now.values[1] as string)).toEqual({ topic: "triangulate-cluster", delayMs: 0 });
    expect(parseWake(wakeQuery("triangulate-analyse", 2000).values[1] as string)).toEqual({
      topic: "triangulate-analyse",
      delayMs: 2000,
    });
    expect(parseWake(undefined)).toBeUndefined();
    expect(parseWake("")).toBeUndefined();
    expect(parseWake("two words")).toBeUndefined();
    expect(parseWake("topic -5")).toBeUndefined();
  });
});

describe("Signal", () => {
  it("does not miss an event between a look and the wait, and times out without one", async () => {
    const signal = new Signal();
    const seen = signal.seen;
    signal.fire();
    const t = Date.now();
    await signal.next(seen, 5000);
    expect(Date.now() - t).toBeLessThan(1000);
    // Nothing fired since this look: the wait lasts its timeout.
    const quiet = Date.now();
    await signal.next(signal.seen, 150);
    expect(Date.now() - quiet).toBeGreaterThanOrEqual(100);
    // A wait in progress ends at the next event.
    const waiting = signal.next(signal.seen, 5000);
    setTimeout(() => signal.fire(), 20);
    const fired = Date.now();
    await waiting;
    expect(Date.now() - fired).toBeLessThan(1000);
  });
});

if (server.url) {
  const serverUrl = server.url;
  describe("listenForWakes", () => {
    it("wakes a topic's handlers at a notice, a delayed notice when due, and no other topic", async () => {
      const url = await freshDatabase(serverUrl, "wakes");
      const wakes = await listenForWakes(url);
      const pg = (await import("pg")).default;
      const sender = new pg.Client({ connectionString: url });
      await sender.connect();
      const woken: string[] = [];
      wakes.on("a", () => woken.push("a"));
      wakes.on("b", () => woken.push("b"));
      const send = async (topic: string, delayMs = 0) => {
        const q = wakeQuery(topic, delayMs);
        await sender.query(q.text, q.values);
      };
      await send("a");
      await sender.query("select pg_notify('another_channel', 'b')");
      await sender.query("select pg_notify($1, 'not a notice')", [WAKE_CHANNEL]);
      for (let i = 0; i < 100 && woken.length === 0; i++) await sleep(20);
      expect(woken).toEqual(["a"]);
      // A notice sent inside a transaction arrives only once it is committed, and none when rolled back.
      await sender.query("begin");
      await send("b");
      await sleep(200);
      expect(woken).toEqual(["a"]);
      await sender.query("rollback");
      await sleep(200);
      expect(woken).toEqual(["a"]);
      await send("b", 600);
      await sleep(300);
      expect(woken).toEqual(["a"]);
      for (let i = 0; i < 100 && woken.length === 1; i++) await sleep(20);
      expect(woken).toEqual(["a", "b"]);
      await wakes.close();
      await send("a");
      await sleep(200);
      expect(woken).toEqual(["a", "b"]);
      await sender.end();
    }, 30_000);

    it("listens again after its connection is cut, and then wakes every topic for what it may have missed", async () => {
      const url = await freshDatabase(serverUrl, "wakecut");
      const errors: string[] = [];
      const wakes = await listenForWakes(url, (err) => errors.push(err.message));
      const woken: string[] = [];
      wakes.on("a", () => woken.push("a"));
      const pg = (await import("pg")).default;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query(
        "select pg_terminate_backend(pid) as cut from pg_stat_activity where datname = current_database() and query like 'LISTEN%'",
      );
      expect(rows).toHaveLength(1);
      for (let i = 0; i < 200 && woken.length === 0; i++) await sleep(20);
      expect(woken).toEqual(["a"]);
      expect(errors.length).toBeGreaterThan(0);
      // Listening again: a notice reaches it.
      const q = wakeQuery("a");
      await admin.query(q.text, q.values);
      for (let i = 0; i < 100 && woken.length === 1; i++) await sleep(20);
      expect(woken).toEqual(["a", "a"]);
      await wakes.close();
      await admin.end();
    }, 30_000);
  });
} else {
  describe.skip(`listenForWakes: skipped, no PostgreSQL server (${server.missing})`, () => {
    it("wakes a topic's handlers", () => {});
  });
}
