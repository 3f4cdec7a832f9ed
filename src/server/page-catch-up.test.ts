import { describe, expect, it } from "vitest";
import { exampleArticles, hostileArticles } from "../../test/server-fixtures.js";
import { storeStories, tempStore } from "../../test/server-store.js";
import { STORY_PAGE_RENDERER, storyPageToStore } from "../web/pages/stored-page.js";
import { renderStalePages } from "./page-catch-up.js";
import { RequestRenderings } from "./request-renderings.js";

describe("renderStalePages", () => {
  it("renders again the pages kept by another renderer or of an older report, and only those", async () => {
    const store = await tempStore();
    try {
      const [first, second] = await storeStories(store, [await exampleArticles(), hostileArticles()]);
      if (first === undefined || second === undefined) throw new Error("fixture: two stories expected");
      const current = await store.page(first, STORY_PAGE_RENDERER);
      expect(current).toBeDefined();
      // The first story's page as an earlier renderer kept it; the second's kept for a report before its own.
      await store.savePage({ ...(current as NonNullable<typeof current>), renderer: "story-page/0" });
      const report = await store.report(second);
      if (!report) throw new Error("fixture: the second story has no report");
      await store.savePage(await storyPageToStore(second, report.version - 1, report.report));
      expect(await store.page(first, STORY_PAGE_RENDERER)).toBeUndefined();

      expect(await renderStalePages(store)).toEqual({ checked: 2, rendered: 2, complete: true });
      expect(await store.page(first, STORY_PAGE_RENDERER)).toMatchObject({ etag: current?.etag });
      expect(await store.page(second, STORY_PAGE_RENDERER)).toMatchObject({ reportVersion: report.version });
      // Negative: with every page current, nothing is rendered again.
      expect(await renderStalePages(store)).toEqual({ checked: 2, rendered: 0, complete: true });
    } finally {
      await store.close();
    }
  });

  it("stops after the page in hand when its signal is aborted", async () => {
    const store = await tempStore();
    try {
      const ids = await storeStories(store, [await exampleArticles(), hostileArticles()]);
      for (const id of ids) {
        const kept = await store.page(id, STORY_PAGE_RENDERER);
        if (kept) await store.savePage({ ...kept, renderer: "story-page/0" });
      }
      const stop = new AbortController();
      const worked: number[] = [];
      const outcome = await renderStalePages(store, {
        signal: stop.signal,
        pause: async (ms) => {
          worked.push(ms);
          stop.abort();
        },
      });
      expect(outcome).toEqual({ checked: 1, rendered: 1, complete: false });
      // The pause is told how long the page took, to wait as long again.
      expect(worked).toHaveLength(1);
      expect(worked[0]).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it("waits while a request renders a page, and goes on once none does", async () => {
    const store = await tempStore();
    try {
      const [id] = await storeStories(store, [hostileArticles()]);
      if (id === undefined) throw new Error("fixture: one story expected");
      const kept = await store.page(id, STORY_PAGE_RENDERER);
      if (kept) await store.savePage({ ...kept, renderer: "story-page/0" });
      const requests = new RequestRenderings({ quietMs: 50 });
      let finish = () => {};
      const request = requests.run(() => new Promise<void>((resolve) => (finish = resolve)));
      expect(requests.inFlight).toBe(1);
      const catchUp = renderStalePages(store, { behind: requests, pause: async () => {} });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Nothing rendered while the request's rendering is in flight.
      expect(await store.page(id, STORY_PAGE_RENDERER)).toBeUndefined();
      finish();
      await request;
      expect(requests.inFlight).toBe(0);
      expect(await catchUp).toEqual({ checked: 1, rendered: 1, complete: true });
      expect(await store.page(id, STORY_PAGE_RENDERER)).toBeDefined();
    } finally {
      await store.close();
    }
  });
});
