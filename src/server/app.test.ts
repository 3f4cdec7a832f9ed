import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleArticles, hostileArticles } from "../../test/server-fixtures.js";
import { storeStories, tempStore } from "../../test/server-store.js";
import { articleNames, openingWords } from "../model/index.js";
import { storyReportSchema } from "../model/report-schema.js";
import type { Store } from "../store/index.js";
import { renderServedStoryPage, STORY_PAGE_RENDERER } from "../web/pages/stored-page.js";
import {
  CONTENT_SECURITY_POLICY,
  createApp,
  etagMatches,
  type IngestArticles,
  LAST_VISIT_COOKIE,
  preferredEncoding,
  readVisit,
} from "./app.js";
import { createIngest } from "./ingest.js";
import type { PostedArticle } from "./posted.js";
import { READ_VALID_MS } from "./recent-reads.js";

let store: Store;
let exampleId: number;
let hostileId: number;
const received: PostedArticle[][] = [];
/** Stands in for the ingest path in these tests of the HTTP layer: records what it was handed. */
const recordIngest: IngestArticles = async (_store, articles) => {
  received.push(articles);
  return { added: articles.length, duplicates: 0, stories: [exampleId] };
};

beforeAll(async () => {
  store = await tempStore();
  [exampleId, hostileId] = (await storeStories(store, [await exampleArticles(), hostileArticles()])) as [
    number,
    number,
  ];
});

afterAll(async () => {
  await store.close();
});

function app(options: Partial<Parameters<typeof createApp>[0]> = {}) {
  return createApp({ store, token: "s3cret", ingest: recordIngest, log: () => {}, ...options });
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies as loose JSON
async function json(res: Response): Promise<any> {
  expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
  return res.json();
}

describe("GET /api/stories", () => {
  it("lists stored stories newest first, a page at a time", async () => {
    const all = await json(await app().request("/api/stories"));
    expect(all.stories.map((s: { id: number }) => s.id).sort()).toEqual([exampleId, hostileId].sort());
    expect(all.next).toBeUndefined();
    const first = await json(await app().request("/api/stories?limit=1&sort=biggest"));
    expect(first.stories).toHaveLength(1);
    expect(first.stories[0].id).toBe(exampleId);
    expect(first.next).toBe(1);
    const second = await json(await app().request("/api/stories?limit=1&offset=1&sort=biggest"));
    expect(second.stories[0].id).toBe(hostileId);
    expect(second.next).toBeUndefined();
  });

  it.each([
    ["outlet=Northshore%20Daily", "hostile"],
    ["outlet=northshore%20daily", "hostile"],
    ["outlet=No%20Such%20Outlet", "none"],
    ["text=Osterlake", "hostile"],
    ["text=Osterlake&outlet=Coastal%20Ledger", "none"],
    ["from=2031-04-09", "hostile"],
    ["to=2030-01-01", "example"],
    ["to=2026-03-08", "none"],
    ["from=2026-03-09&to=2026-03-09", "example"],
  ])("filters %s: %s", async (query, which) => {
    const body = await json(await app().request(`/api/stories?${query}`));
    const expected = which === "hostile" ? [hostileId] : which === "example" ? [exampleId] : [];
    expect(body.stories.map((s: { id: number }) => s.id)).toEqual(expected);
  });

  it("filters by an entity of the reports", async () => {
    const report = (await store.report(exampleId))?.report;
    const entity = report?.entities[0]?.id ?? "";
    const body = await json(await app().request(`/api/stories?entity=${encodeURIComponent(entity)}`));
    expect(body.stories.map((s: { id: number }) => s.id)).toEqual([exampleId]);
    const none = await json(await app().request("/api/stories?entity=person%3Anobody"));
    expect(none.stories).toEqual([]);
  });

  it("filters by an entity's name or alias as a reader types it, in the API and the list page", async () => {
    const report = (await store.report(exampleId))?.report;
    const named = report?.entities.find((e) => e.aliases.some((a) => a !== e.name)) ?? report?.entities[0];
    const alias = named?.aliases.find((a) => a !== named.name) ?? "";
    expect(alias).not.toBe("");
    const ids = async (entity: string) =>
      (await json(await app().request(`/api/stories?entity=${encodeURIComponent(entity)}`))).stories.map(
        (s: { id: number }) => s.id,
      );
    expect(await ids(named?.name.toUpperCase() ?? "")).toEqual([exampleId]);
    expect(await ids(` ${alias.toLowerCase()} `)).toEqual([exampleId]);
    // Negative: part of a name is not the name.
    expect(await ids((named?.name ?? "").slice(0, 3))).toEqual([]);
    const page = await (await app().request(`/?entity=${encodeURIComponent(alias)}`)).text();
    const doc = new JSDOM(page).window.document;
    expect([...doc.querySelectorAll("li.story h2 a")].map((a) => a.getAttribute("href"))).toEqual([
      `/stories/${exampleId}`,
    ]);
    expect(doc.querySelector<HTMLInputElement>("input[name=entity]")?.value).toBe(alias);
  });

  it.each([
    ["sort=oldest", "sort"],
    ["limit=0", "limit"],
    ["limit=1000", "limit"],
    ["offset=-1", "offset"],
    ["from=yesterday", "from: expected an ISO date"],
    ["colour=red", "unknown parameter colour"],
  ])("refuses %s with a 400 saying what was expected", async (query, words) => {
    const res = await app().request(`/api/stories?${query}`);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.code).toBe("BAD_ARGUMENT");
    expect(body.error.message).toContain(words);
  });
});

describe("article pages and story pages link to each other", () => {
  const page = async (path: string) => new JSDOM(await (await app().request(path)).text()).window.document;

  it("each article's page links to its column on the story page, whose column links back", async () => {
    const story = await page(`/stories/${exampleId}`);
    const articles = await store.storyArticles(exampleId);
    expect(articles.length).toBeGreaterThan(1);
    const names = articleNames((await store.report(exampleId))?.report.articles ?? []);
    for (const a of articles) {
      const doc = await page(`/articles/${a.id}`);
      // An article with neither headline nor outlet is named as the story page names it, not by a store number.
      const reportId = (await store.report(exampleId))?.report.articles.find((x) => x.storeId === a.id)?.id ?? "";
      if (!a.article.title && !a.article.outlet)
        expect(doc.querySelector("h1")?.textContent?.toLowerCase()).toBe(names.get(reportId)?.toLowerCase());
      const column = doc.querySelector("p.in-story a")?.getAttribute("href") ?? "";
      expect(column).toMatch(new RegExp(`^/stories/${exampleId}#art-\\d+$`));
      const target = story.getElementById(column.split("#")[1] ?? "");
      expect(target?.tagName).toBe("ARTICLE");
      expect(target?.querySelector(`header a[href="/articles/${a.id}"]`)?.textContent).toBe("its own page");
    }
  });

  it("marks the passages an article shares with another, linked to their words here and on the story page", async () => {
    const report = (await store.report(exampleId))?.report;
    const reuse = report?.provenance.reuse.find((r) => (r.evidence ?? []).length > 0);
    expect(reuse).toBeDefined();
    const later = report?.articles.find((a) => a.id === reuse?.to);
    const earlier = report?.articles.find((a) => a.id === reuse?.from);
    const doc = await page(`/articles/${later?.storeId}`);
    const items = [...doc.querySelectorAll("#shared ol.passages li")];
    expect(items).toHaveLength(reuse?.evidence?.length ?? -1);
    const story = await page(`/stories/${exampleId}`);
    for (const li of items) {
      const here = doc.getElementById(li.querySelector("a.ev")?.getAttribute("href")?.slice(1) ?? "");
      expect(here?.classList.contains("k-reuse")).toBe(true);
      expect(here?.closest(".article-text")).not.toBeNull();
      expect(li.textContent).toContain("taken from");
      const there = [...li.querySelectorAll(".meta a")].map((x) => x.getAttribute("href") ?? "");
      expect(there[1]).toBe(`/articles/${earlier?.storeId}`);
      const words = story.getElementById(there[0]?.split("#")[1] ?? "");
      expect(words?.classList.contains("k-reuse")).toBe(true);
      expect(words?.closest("article")?.querySelector(`a[href="/articles/${earlier?.storeId}"]`)).not.toBeNull();
      expect(words?.textContent).toBe(here?.textContent);
    }
    // The earlier article's page lists the same passages as taken by the later one.
    const other = await page(`/articles/${earlier?.storeId}`);
    expect([...other.querySelectorAll("#shared ol.passages li")].map((li) => li.textContent)).toEqual(
      items.map(() => expect.stringContaining("taken by")),
    );
    // Negative: an article that shares no passage has no such list, and nothing marked.
    const alone = report?.articles.find((a) => !report.provenance.reuse.some((r) => r.from === a.id || r.to === a.id));
    expect(alone).toBeDefined();
    const aloneDoc = await page(`/articles/${alone?.storeId}`);
    expect(aloneDoc.querySelector("#shared")).toBeNull();
    expect(aloneDoc.querySelector(".article-text .mark")).toBeNull();
  });
  it("names a linked article without headline or outlet by its first words, as the search page does", async () => {
    const copies = await tempStore();
    try {
      const articles = await exampleArticles();
      const untitled = articles.find((a) => !a.outlet && !a.title);
      if (!untitled) throw new Error("fixture: every example article has a headline or an outlet");
      const copy = { ...untitled, id: "copy-desk", source: "copy-desk.txt", outlet: "Invented Copy Desk" };
      const [id] = await storeStories(copies, [[...articles, copy]]);
      const storedCopy = (await copies.storyArticles(id ?? 0)).find((a) => a.copyOf !== undefined);
      const copyPage = new JSDOM(await (await app({ store: copies }).request(`/articles/${storedCopy?.id}`)).text())
        .window.document;
      const opening = openingWords(untitled.text);
      expect(opening).toBeDefined();
      expect(copyPage.querySelector("p.copy-of a")?.textContent).toBe(`“${opening}”`);
      const words = untitled.text.split(/\s+/).slice(1, 4).join(" ");
      const search = new JSDOM(
        await (await app({ store: copies }).request(`/search?q=${encodeURIComponent(words)}`)).text(),
      ).window.document;
      const hit = search.querySelector(`.results li > a[href="/articles/${storedCopy?.copyOf}"]`);
      expect(hit?.textContent).toBe(`“${opening}”`);
      // Negative: an article with an outlet keeps its outlet's name.
      const originalPage = new JSDOM(
        await (await app({ store: copies }).request(`/articles/${storedCopy?.copyOf}`)).text(),
      ).window.document;
      expect(originalPage.querySelector("p.copies")?.textContent).toBe("Run again by Invented Copy Desk.");
    } finally {
      await copies.close();
    }
  });
});

describe("GET /api/stories/:id, /api/articles/:id, /api/entities/:id, /api/outlets/:name, /api/search", () => {
  it("serves a story's report, valid against the triangulate.story/1 schema", async () => {
    const body = await json(await app().request(`/api/stories/${exampleId}`));
    expect(body.storyId).toBe(exampleId);
    expect(storyReportSchema.safeParse(body.report).success).toBe(true);
    expect(body.report.articles).toHaveLength(5);
    // Sent from the stored text, byte for byte what stringifying the stored report gives.
    const text = await (await app().request(`/api/stories/${hostileId}`)).text();
    expect(text).toBe(JSON.stringify(await store.report(hostileId)));
  });

  it.each([
    ["/api/stories/99999", 404, "NOT_FOUND"],
    ["/api/stories/abc", 400, "BAD_ARGUMENT"],
    ["/api/articles/99999", 404, "NOT_FOUND"],
    ["/api/articles/1e3", 400, "BAD_ARGUMENT"],
    ["/api/entities/person%3Anobody", 404, "NOT_FOUND"],
    ["/api/outlets/No%20Such%20Outlet", 404, "NOT_FOUND"],
    ["/api/search", 400, "BAD_ARGUMENT"],
    ["/api/search?q=%20", 400, "BAD_ARGUMENT"],
    ["/api/nothing-here", 404, "NO_ROUTE"],
  ])("%s answers %i %s", async (path, status, code) => {
    const res = await app().request(path);
    expect(res.status).toBe(status);
    expect((await json(res)).error.code).toBe(code);
  });

  it("serves a stored article by its id, without its diagnostics", async () => {
    const body = await json(await app().request(`/api/articles/${exampleId}`));
    expect(body.id).toBe(exampleId);
    expect(body.storyId).toBe(exampleId);
    expect(body.article.text.length).toBeGreaterThan(100);
    expect(body.article.diagnostics).toBeUndefined();
  });

  it("gathers an entity and an outlet across the stored stories", async () => {
    const report = (await store.report(exampleId))?.report;
    const speaker = report?.quotes.find((q) => q.speaker.entity)?.speaker.entity ?? "";
    const entity = await json(await app().request(`/api/entities/${encodeURIComponent(speaker)}`));
    expect(entity.id).toBe(speaker);
    expect(entity.stories.map((s: { id: string }) => s.id)).toEqual([String(exampleId)]);
    expect(entity).toMatchObject({ storyCount: 1, offset: 0, limit: 20 });
    expect(entity.next).toBeUndefined();
    const outlet = await json(await app().request("/api/outlets/northshore%20daily"));
    expect(outlet).toMatchObject({ name: "Northshore Daily", articles: 1, storyCount: 1, offset: 0 });
    expect(outlet.stories.map((s: { id: string }) => s.id)).toEqual([String(hostileId)]);
    expect((await app().request("/api/outlets/Northshore%20Daily?offset=x")).status).toBe(400);
  });

  it("searches articles' words and names each hit's story", async () => {
    const body = await json(await app().request("/api/search?q=Osterlake%20shelters"));
    expect(body.hits.length).toBeGreaterThan(0);
    for (const h of body.hits) expect(h.storyId).toBe(hostileId);
    expect((await json(await app().request("/api/search?q=zzzqqq"))).hits).toEqual([]);
  });
});

describe("POST /api/articles", () => {
  const post = (body: string, headers: Record<string, string>, path = "/api/articles") =>
    app().request(path, { method: "POST", body, headers });
  const auth = { Authorization: "Bearer s3cret" };
  const record = {
    text: "The Varnel river flooded parts of Osterlake on Tuesday, and 300 residents left their homes, according to the town council. Mira Kosk said the shelters were full by nightfall.",
    outlet: "Harbour Times",
    published: "2031-04-10",
  };

  it("is refused without a configured token, without a token, and with a wrong one", async () => {
    const disabled = await createApp({ store, log: () => {} }).request("/api/articles", {
      method: "POST",
      body: JSON.stringify(record),
      headers: { ...auth, "Content-Type": "application/json" },
    });
    expect(disabled.status).toBe(403);
    expect((await json(disabled)).error.code).toBe("WRITES_DISABLED");
    for (const headers of [
      {},
      { Authorization: "Bearer wrong" },
      { Authorization: "s3cret" },
      { Authorization: "Bearer s3cret2" },
    ]) {
      const res = await post(JSON.stringify(record), { ...headers, "Content-Type": "application/json" });
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe("UNAUTHORIZED");
    }
  });

  it("ingests a posted article through the store's ingest path into a story that is then served", async () => {
    const real = createApp({ store, token: "s3cret", ingest: createIngest(), log: () => {} });
    // Every story's JSON and page requested once before, so that a stale cached copy would show below.
    for (const id of [exampleId, hostileId]) {
      expect((await real.request(`/api/stories/${id}`)).status).toBe(200);
      expect((await real.request(`/stories/${id}`)).status).toBe(200);
    }
    const body = JSON.stringify({
      text: "Rescue boats crossed flooded streets in Osterlake on Wednesday after the Varnel river rose again overnight. Mira Kosk, the council's emergency chief, said about 350 residents had now left their homes and that two more shelters would open in the school halls.",
      outlet: "Ferry Gazette",
      published: "2031-04-10",
      url: "https://news.example/osterlake-flood",
    });
    const send = () =>
      real.request("/api/articles", { method: "POST", body, headers: { ...auth, "Content-Type": "application/json" } });
    const first = await json(await send());
    expect(first).toMatchObject({ received: 1, added: 1, duplicates: 0, problems: [] });
    expect(first.stories).toHaveLength(1);
    const report = await json(await real.request(`/api/stories/${first.stories[0]}`));
    expect(report.report.articles.some((a: { outlet?: string }) => a.outlet === "Ferry Gazette")).toBe(true);
    expect(await (await real.request(`/stories/${first.stories[0]}`)).text()).toContain("Ferry Gazette");
    const again = await json(await send());
    expect(again).toMatchObject({ added: 0, duplicates: 1, stories: first.stories });
  });

  it("reads a JSON record, an array and JSON Lines, naming the records it cannot read", async () => {
    received.length = 0;
    const one = await json(await post(JSON.stringify(record), { ...auth, "Content-Type": "application/json" }));
    expect(one).toMatchObject({ received: 1, added: 1, problems: [] });
    expect(received[0]?.[0]?.page.article.outlet).toBe("Harbour Times");
    const lines = `${JSON.stringify(record)}\n{"title":"no text"}\nnot json\n`;
    const res = await json(await post(lines, { ...auth, "Content-Type": "application/x-ndjson" }));
    expect(res.received).toBe(3);
    expect(res.problems.map((p: { item: string }) => p.item)).toEqual(["line 2", "line 3"]);
    const array = await json(
      await post(JSON.stringify([record, { ...record, outlet: "Other" }]), {
        ...auth,
        "Content-Type": "application/json",
      }),
    );
    expect(array.added).toBe(2);
  });

  it("reads an HTML page with its URL and refuses one without", async () => {
    const page = `<html><head><title>Flood in Osterlake</title></head><body><article><h1>Flood in Osterlake</h1>${"<p>The Varnel river flooded parts of Osterlake on Tuesday, and 300 residents left their homes, according to the town council.</p>".repeat(4)}</article></body></html>`;
    const ok = await post(
      page,
      { ...auth, "Content-Type": "text/html" },
      "/api/articles?url=https%3A%2F%2Fnews.example%2Fflood",
    );
    expect(ok.status).toBe(200);
    const missing = await post(page, { ...auth, "Content-Type": "text/html" });
    expect(missing.status).toBe(400);
    expect((await json(missing)).error.message).toContain("URL");
  });

  it.each([
    ["not json", "application/json", 400, "BAD_DATA"],
    ['{"title":"no text"}', "application/json", 400, "NO_ARTICLES"],
    ["a,b", "text/csv", 415, "UNSUPPORTED_MEDIA"],
  ])("refuses %j as %s with %i %s", async (body, type, status, code) => {
    const res = await post(body, { ...auth, "Content-Type": type });
    expect(res.status).toBe(status);
    expect((await json(res)).error.code).toBe(code);
  });

  it("refuses a body over the size limit with 413, by its length and while reading", async () => {
    const small = createApp({
      store,
      token: "s3cret",
      ingest: recordIngest,
      limits: { maxBodyBytes: 100 },
      log: () => {},
    });
    const big = JSON.stringify({ ...record, text: "word ".repeat(100) });
    const res = await small.request("/api/articles", {
      method: "POST",
      body: big,
      headers: { ...auth, "Content-Type": "application/json" },
    });
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("TOO_LARGE");
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await small.request("/api/articles", {
      method: "POST",
      body: stream,
      headers: { ...auth, "Content-Type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("refuses writes over the rate limit with 429 and Retry-After", async () => {
    const limited = createApp({
      store,
      token: "s3cret",
      ingest: recordIngest,
      limits: { writesPerMinute: 2 },
      log: () => {},
    });
    const send = () =>
      limited.request("/api/articles", {
        method: "POST",
        body: JSON.stringify(record),
        headers: { ...auth, "Content-Type": "application/json" },
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const third = await send();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await json(third)).error.code).toBe("RATE_LIMITED");
  });
});

describe("errors, OpenAPI and headers", () => {
  it("answers an internal failure with a 500 JSON error and logs it, without a stack in the body", async () => {
    const logged: string[] = [];
    const broken = Object.assign(Object.create(store), {
      story: async () => Promise.reject(new Error("disk on fire")),
      reportVersion: async () => Promise.reject(new Error("disk on fire")),
    }) as Store;
    const res = await createApp({ store: broken, log: (m) => logged.push(m) }).request(`/api/stories/${exampleId}`);
    expect(res.status).toBe(500);
    const body = await json(res);
    expect(body.error.code).toBe("INTERNAL");
    expect(JSON.stringify(body)).not.toContain("disk on fire");
    expect(logged.join("\n")).toContain("disk on fire");
  });

  it("describes every route in an OpenAPI document built from the schemas", async () => {
    const doc = await json(await app().request("/api/openapi.json"));
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/articles",
        "/api/articles/{id}",
        "/api/entities/{id}",
        "/api/outlets/{name}",
        "/api/search",
        "/api/stories",
        "/api/stories/{id}",
      ].sort(),
    );
    expect(doc.paths["/api/stories"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["text", "outlet", "entity", "from", "to", "sort", "limit", "offset"]),
    );
    const entity = doc.paths["/api/stories"].get.parameters.find((p: { name: string }) => p.name === "entity");
    expect(JSON.stringify(entity)).toMatch(/name or one of its aliases/);
    expect(doc.components.schemas.StoryReport.properties.schema).toBeDefined();
  });

  it("sends a strict CSP and nosniff on pages and API alike", async () => {
    const broken = Object.assign(Object.create(store), {
      stories: async () => Promise.reject(new Error("disk on fire")),
    }) as Store;
    const paths = [
      "/",
      "/api/stories",
      "/nothing",
      "/api/nothing",
      `/stories/${exampleId}`,
      "/stories/99999",
      `/stories/${exampleId}?kind=gossip`,
      `/api/stories/${exampleId}`,
      "/api/stories/99999",
      "/api/stories/abc",
    ];
    for (const [path, res] of [
      ...(await Promise.all(paths.map(async (path) => [path, await app().request(path)] as const))),
      ["/ (failing)", await app({ store: broken }).request("/")] as const,
      ["/favicon.ico", await app().request("/favicon.ico")] as const,
      [
        `/stories/${exampleId} (304)`,
        await app().request(`/stories/${exampleId}`, { headers: { "If-None-Match": "*" } }),
      ] as const,
      [
        `/api/stories/${exampleId} (br)`,
        await app().request(`/api/stories/${exampleId}`, { headers: { "Accept-Encoding": "br" } }),
      ] as const,
    ]) {
      expect(res.headers.get("Content-Security-Policy"), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get("Content-Security-Policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe");
  });
});

describe("pages", () => {
  it("serve the list, a story, an entity, an outlet and search as HTML", async () => {
    const report = (await store.report(exampleId))?.report;
    const entity = report?.entities[0]?.id ?? "";
    for (const path of [
      "/",
      `/stories/${exampleId}`,
      `/entities/${encodeURIComponent(entity)}`,
      "/outlets/Northshore%20Daily",
      "/search?q=Osterlake",
      "/search",
      `/articles/${(await store.storyArticles(hostileId))[0]?.id}`,
    ]) {
      const res = await app().request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
      const page = await res.text();
      expect(page).toContain('<main id="main">');
      expect(page).not.toMatch(/<script>|\sstyle="|\son[a-z]+="/i);
    }
  });

  it("name a story's outlets on the list as the CLI does, counting the articles that name none", async () => {
    const doc = new JSDOM(await (await app().request("/")).text()).window.document;
    const item = doc.querySelector(`li.story:has(a[href="/stories/${exampleId}"])`);
    // The example story: one article names its outlet, the four others none (the CLI's list says the same).
    expect(item?.querySelector(".outlets")?.textContent).toBe("1 outlet: Coastal Ledger, 4 articles without one");
    const outletLinks = [...(item?.querySelectorAll(".outlets a") ?? [])].map((a) => a.getAttribute("href"));
    expect(outletLinks).toEqual(["/outlets/Coastal%20Ledger"]);
    const hostile = doc.querySelector(`li.story:has(a[href="/stories/${hostileId}"]) .outlets`);
    expect(hostile?.textContent).not.toContain("without one");
  });

  it("count a story's articles, copies and outlets on the list as the CLI's stories does", async () => {
    const copies = await tempStore();
    try {
      const articles = await exampleArticles();
      const original = articles.find((a) => a.outlet);
      if (!original) throw new Error("fixture: no example article names its outlet");
      // The same words run again by another (invented) outlet: a copy, linked to what it copies.
      const copy = { ...original, id: "copy-desk", source: "copy-desk.txt", outlet: "Invented Copy Desk" };
      const [id] = await storeStories(copies, [[...articles, copy]]);
      const stored = await copies.story(id ?? 0);
      expect(stored?.copyCount).toBe(1);
      const doc = new JSDOM(await (await app({ store: copies }).request("/")).text()).window.document;
      const item = doc.querySelector(`li.story:has(a[href="/stories/${id}"])`);
      // The CLI: "6 articles (1 copy), 2 outlets (Coastal Ledger, Invented Copy Desk), 4 articles without one".
      expect(item?.querySelector(".meta")?.textContent).toMatch(/^6 articles \(1 copy\) · /);
      expect(item?.querySelector(".outlets")?.textContent).toBe(
        `2 outlets: ${[original.outlet, copy.outlet].sort().join(", ")}, 4 articles without one`,
      );
      // Both charts' figures, shown as text, add up to every article, copies included.
      for (const chart of item?.querySelectorAll(".coverage figure.chart") ?? []) {
        const counted = [...chart.querySelectorAll("ul.figures .n")].reduce((n, el) => n + Number(el.textContent), 0);
        expect(counted).toBe(6);
      }
      expect(item?.querySelectorAll(".coverage figure.chart")).toHaveLength(2);
      // The story page compares each account once: the copy is not among its articles.
      const page = new JSDOM(await (await app({ store: copies }).request(`/stories/${id}`)).text()).window.document;
      expect(page.querySelector("header.page p")?.textContent).toMatch(
        /^5 articles compared, 1 copy of them not compared again/,
      );
      // It names the copy beside the article it copies, from the store's link, in the JSON and on the page.
      const storedCopy = (await copies.storyArticles(id ?? 0)).find((a) => a.copyOf !== undefined);
      const body = await json(await app({ store: copies }).request(`/api/stories/${id}`));
      expect(storyReportSchema.safeParse(body.report).success).toBe(true);
      expect(body.report.provenance.copies).toEqual([
        {
          article: original.id,
          copy: expect.objectContaining({ id: "copy-desk", storeId: storedCopy?.id, outlet: "Invented Copy Desk" }),
        },
      ]);
      const listed = page.querySelector("#provenance ul.copies li");
      expect(listed?.textContent).toContain("was run again by Invented Copy Desk");
      expect(listed?.querySelector(`a[href="/articles/${storedCopy?.id}"]`)).not.toBeNull();
      // The copy's page says what it copies and links there; the original's page names its copy.
      const copyPage = new JSDOM(await (await app({ store: copies }).request(`/articles/${storedCopy?.id}`)).text())
        .window.document;
      const copied = copyPage.querySelector(`p.copy-of a[href="/articles/${storedCopy?.copyOf}"]`);
      expect(copied?.textContent).toBe(original.outlet);
      expect(copyPage.querySelector(".article-text")?.textContent).toBe(original.text);
      expect(copyPage.querySelector(`header.page a[href="/stories/${id}"]`)).not.toBeNull();
      // Its column link leads to the article it copies on the story page.
      const column = copyPage.querySelector("p.in-story a")?.getAttribute("href")?.split("#")[1] ?? "";
      expect(page.getElementById(column)?.querySelector(`a[href="/articles/${storedCopy?.copyOf}"]`)).not.toBeNull();
      expect(copyPage.querySelector("#shared")).toBeNull();
      const originalPage = new JSDOM(
        await (await app({ store: copies }).request(`/articles/${storedCopy?.copyOf}`)).text(),
      ).window.document;
      expect(originalPage.querySelector("p.copies")?.textContent).toBe("Run again by Invented Copy Desk.");
      expect(originalPage.querySelector("p.copy-of")).toBeNull();
      // The copy's outlet, linked from the list, has a profile: the copies it ran.
      const profile = await json(await app({ store: copies }).request("/api/outlets/Invented%20Copy%20Desk"));
      expect(profile).toMatchObject({ articles: 0, copiesRun: 1 });
      expect((await app({ store: copies }).request("/outlets/Invented%20Copy%20Desk")).status).toBe(200);
      const origin = await json(
        await app({ store: copies }).request(`/api/outlets/${encodeURIComponent(original.outlet ?? "")}`),
      );
      expect(origin).toMatchObject({ copiedBy: 1, copiesRun: 0 });
    } finally {
      await copies.close();
    }
  });

  it("marks stories new since the last visit from the cookie, and sets it", async () => {
    const res = await app({ now: () => new Date("2040-01-01T00:00:00Z") }).request("/", {
      headers: { Cookie: `${LAST_VISIT_COOKIE}=2000-01-01T00:00:00Z` },
    });
    expect(res.headers.get("Set-Cookie")).toContain(
      `${LAST_VISIT_COOKIE}=${encodeURIComponent("2000-01-01T00:00:00Z|2040-01-01T00:00:00.000Z")}`,
    );
    const page = await res.text();
    const stories = page.match(/<li class="story/g)?.length ?? 0;
    expect(stories).toBeGreaterThanOrEqual(2);
    expect(page.match(/new since your last visit<\/span>/g)).toHaveLength(stories);
    const later = await app().request("/?since=2999-01-01");
    expect(await later.text()).not.toContain("new since your last visit</span>");
    // The form's date left empty is no date: the last visit marks the list.
    const empty = await app({ now: () => new Date("2040-01-01T00:00:00Z") }).request("/?since=&sort=newest", {
      headers: { Cookie: `${LAST_VISIT_COOKIE}=2000-01-01T00:00:00Z` },
    });
    expect((await empty.text()).match(/new since your last visit<\/span>/g)).toHaveLength(stories);
    // A date asked for goes on with the pages.
    const paged = new JSDOM(await (await app().request("/?since=2000-01-01&limit=1")).text()).window.document;
    expect(paged.querySelector('a[rel="next"]')?.getAttribute("href")).toContain("since=2000-01-01");
    expect(paged.querySelectorAll("li.story .badge.info")).toHaveLength(1);
  });

  it("keeps marking what was new while the reader's visit lasts, and starts over on the next visit", async () => {
    let clock = new Date("2040-01-01T00:00:00Z");
    const served = app({ now: () => clock });
    let cookie = `${LAST_VISIT_COOKIE}=2000-01-01T00:00:00Z`;
    const look = async () => {
      const res = await served.request("/", { headers: { Cookie: cookie } });
      cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
      return (await res.text()).match(/new since your last visit<\/span>/g)?.length ?? 0;
    };
    const marked = await look();
    expect(marked).toBeGreaterThanOrEqual(2);
    // A reload, or a look back from a story minutes later, is the same visit: the marks stay.
    expect(await look()).toBe(marked);
    clock = new Date("2040-01-01T00:50:00Z");
    expect(await look()).toBe(marked);
    // Hours later, a new visit: new is what came after the last look, and nothing has.
    clock = new Date("2040-01-01T05:00:00Z");
    expect(await look()).toBe(0);
  });

  it.each<[string | undefined, string, string | undefined]>([
    [undefined, "2040-01-01T00:00:00Z", undefined],
    ["|2040-01-01T00:00:00.000Z", "2040-01-01T00:30:00Z", undefined],
    ["|2040-01-01T00:00:00.000Z", "2040-01-01T02:00:00Z", "2040-01-01T00:00:00.000Z"],
    ["2039-12-31T08:00:00.000Z|2040-01-01T00:00:00.000Z", "2040-01-01T00:30:00Z", "2039-12-31T08:00:00.000Z"],
    ["2039-12-31T08:00:00.000Z|2040-01-01T00:00:00.000Z", "2040-01-01T03:00:00Z", "2040-01-01T00:00:00.000Z"],
    // A cookie of one instant, as written before: both the visit's start and the last look.
    ["2039-12-31", "2040-01-01T00:30:00Z", "2039-12-31"],
    // Negative rows: what is no instant is not read as one.
    ["<script>|x", "2040-01-01T00:30:00Z", undefined],
    ["garbage", "2040-01-01T00:30:00Z", undefined],
  ])("reads the visit cookie %j at %s as new since %j", (cookie, at, since) => {
    expect(readVisit(cookie, new Date(at)).since).toBe(since);
  });

  it("answer a missing story or a bad filter with an error page, not JSON", async () => {
    const missing = await app().request("/stories/99999");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Type")).toMatch(/text\/html/);
    expect((await app().request(`/stories/${exampleId}?kind=gossip`)).status).toBe(400);
    const noArticle = await app().request("/articles/99999");
    expect(noArticle.status).toBe(404);
    expect(noArticle.headers.get("Content-Type")).toMatch(/text\/html/);
    expect((await app().request("/articles/x1")).status).toBe(400);
    expect((await app().request(`/stories/${exampleId}?kind=discrepancies&outlet=Northshore%20Daily`)).status).toBe(
      200,
    );
  });

  it("serve every claim of a story on its claims page, a page at a time, and refuse a bad offset", async () => {
    const story = await (await app().request(`/stories/${exampleId}`)).text();
    expect(story).toContain(`href="/stories/${exampleId}/claims"`);
    const res = await app().request(`/stories/${exampleId}/claims`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Security-Policy")).toBe(CONTENT_SECURITY_POLICY);
    const page = await res.text();
    const facts = (await store.report(exampleId))?.report.facts.length ?? 0;
    expect(page.match(/<tr id="fact-/g)).toHaveLength(Math.min(facts, 100));
    expect(page).toContain(`href="/stories/${exampleId}#`);
    const filtered = await (
      await app().request(`/stories/${exampleId}/claims?outlet=Coastal%20Ledger&offset=0`)
    ).text();
    expect(filtered).toContain(`href="/stories/${exampleId}?outlet=Coastal%20Ledger#`);
    for (const bad of ["offset=-1", "offset=abc", "offset=1.5"]) {
      expect((await app().request(`/stories/${exampleId}/claims?${bad}`)).status, bad).toBe(400);
    }
    expect((await app().request("/stories/99999/claims")).status).toBe(404);
  });

  it("serve the stylesheet and the script as files", async () => {
    const css = await app().request("/assets/site.css");
    expect(css.headers.get("Content-Type")).toMatch(/text\/css/);
    const js = await app().request("/assets/site.js");
    expect(js.headers.get("Content-Type")).toMatch(/text\/javascript/);
  });
});

describe("entity tags and compression of story pages and JSON", () => {
  it("answers a request naming the current tag with 304 and no body, any other with the body", async () => {
    const server = app();
    for (const path of [`/api/stories/${exampleId}`, `/stories/${exampleId}`]) {
      const first = await server.request(path);
      const tag = first.headers.get("ETag") ?? "";
      expect(tag, path).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers.get("Vary")).toBe("Accept-Encoding");
      const body = await first.text();
      const again = await server.request(path, { headers: { "If-None-Match": `"other", ${tag}` } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get("ETag")).toBe(tag);
      expect(await again.text()).toBe("");
      const stale = await server.request(path, { headers: { "If-None-Match": '"other"' } });
      expect(stale.status, path).toBe(200);
      expect(await stale.text()).toBe(body);
    }
    const a = (await server.request(`/api/stories/${exampleId}`)).headers.get("ETag");
    const b = (await server.request(`/api/stories/${hostileId}`)).headers.get("ETag");
    expect(a).not.toBe(b);
  });

  it("compresses in the best encoding the client accepts, and not at all when it accepts none", async () => {
    const server = app();
    const path = `/stories/${exampleId}`;
    const plain = await (await server.request(path)).text();
    const gz = await server.request(path, { headers: { "Accept-Encoding": "gzip, br;q=0" } });
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    const zipped = Buffer.from(await gz.arrayBuffer());
    expect(zipped.length).toBeLessThan(Buffer.byteLength(plain) / 2);
    expect(gunzipSync(zipped).toString("utf8")).toBe(plain);
    const br = await server.request(path, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    const none = await server.request(path, { headers: { "Accept-Encoding": "identity" } });
    expect(none.headers.get("Content-Encoding")).toBeNull();
    expect(await none.text()).toBe(plain);
  });

  it("compresses the story list too, kept or marked for one reader, and sets the last visit on every answer", async () => {
    const server = app({ now: () => new Date("2040-01-01T00:00:00Z") });
    // This look at the list, after the instant the visit marks new since (none on a first visit).
    const cookie = encodeURIComponent("|2040-01-01T00:00:00.000Z");
    for (const headers of [{}, { Cookie: `${LAST_VISIT_COOKIE}=2000-01-01T00:00:00Z` }]) {
      const plainRes = await server.request("/", { headers });
      expect(plainRes.headers.get("Content-Encoding")).toBeNull();
      expect(plainRes.headers.get("Vary")).toBe("Accept-Encoding, Cookie");
      expect(plainRes.headers.get("Cache-Control")).toBe("private, no-cache");
      const plain = await plainRes.text();
      expect(plain).toContain('<li class="story');
      for (let round = 0; round < 2; round++) {
        const gz = await server.request("/", { headers: { ...headers, "Accept-Encoding": "gzip" } });
        expect(gz.headers.get("Content-Encoding")).toBe("gzip");
        expect(gz.headers.get("Set-Cookie")).toContain(cookie);
        expect(gz.headers.get("Content-Security-Policy")).toBe(CONTENT_SECURITY_POLICY);
        expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8")).toBe(plain);
      }
      const tag = plainRes.headers.get("ETag") ?? "";
      const again = await server.request("/", { headers: { ...headers, "If-None-Match": tag } });
      expect(again.status).toBe(304);
      expect(again.headers.get("Set-Cookie")).toContain(cookie);
    }
  });

  it("reads Accept-Encoding and If-None-Match as HTTP writes them", () => {
    expect(preferredEncoding(undefined)).toBeUndefined();
    expect(preferredEncoding("identity")).toBeUndefined();
    expect(preferredEncoding("gzip;q=0, br;q=0")).toBeUndefined();
    expect(preferredEncoding("*;q=0")).toBeUndefined();
    expect(preferredEncoding("gzip")).toBe("gzip");
    expect(preferredEncoding("GZIP, br")).toBe("br");
    expect(preferredEncoding("br;q=0, *")).toBe("gzip");
    expect(preferredEncoding("deflate")).toBeUndefined();
    // Remembered answers stay right, asked again and past the memory's bound.
    for (let i = 0; i < 100; i++) expect(preferredEncoding(`x-${i}, gzip;q=0.${i + 1}`)).toBe("gzip");
    expect(preferredEncoding("gzip;q=0, br;q=0")).toBeUndefined();
    expect(preferredEncoding("GZIP, br")).toBe("br");
    expect(preferredEncoding("br;q=0, *")).toBe("gzip");
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches("*", 'W/"abc"')).toBe(true);
    expect(etagMatches('"abd", "ab"', 'W/"abc"')).toBe(false);
    expect(etagMatches(undefined, 'W/"abc"')).toBe(false);
    expect(etagMatches("", 'W/"abc"')).toBe(false);
  });

  it("serves a story's new report once its version is no longer trusted, and at once after a write through it", async () => {
    const own = await tempStore();
    const [id] = (await storeStories(own, [await exampleArticles()])) as [number];
    const stored = await own.report(id);
    if (!stored) throw new Error("fixture: the example story has no report");
    const revise = async (title: string) => {
      const version = (await own.reportVersion(id)) ?? 0;
      const report = { ...stored.report, story: { ...stored.report.story, title } };
      await own.saveReport(id, version + 1, report, "2031-05-01T00:00:00.000Z");
    };
    let t = Date.parse("2031-05-01T00:00:00Z");
    const ingest: IngestArticles = async () => {
      await revise("Posted revision");
      return { added: 1, duplicates: 0, stories: [id] };
    };
    const server = app({ store: own, now: () => new Date(t), ingest });
    const title = async () => (await json(await server.request(`/api/stories/${id}`))).report.story.title;
    const page = async () => (await server.request(`/stories/${id}`)).text();
    const tag = async () => (await server.request(`/stories/${id}`)).headers.get("ETag");
    expect(await title()).toBe(stored.report.story.title);
    expect(await page()).not.toContain("Second revision");
    const before = await tag();

    // Stored by another process: the version read a moment ago still stands, then the new report is served.
    await revise("Second revision");
    t += READ_VALID_MS - 1;
    expect(await title()).toBe(stored.report.story.title);
    t += 1;
    expect(await title()).toBe("Second revision");
    expect(await page()).toContain("Second revision");
    expect(await tag()).not.toBe(before);
    expect((await server.request(`/stories/${id}`, { headers: { "If-None-Match": before ?? "" } })).status).toBe(200);

    // Stored through this server: served on the next request, and listed.
    expect(await (await server.request("/")).text()).not.toContain("Posted revision");
    const posted = await server.request("/api/articles", {
      method: "POST",
      body: JSON.stringify({ text: "An invented article about a ferry.", outlet: "Harbour Times" }),
      headers: { Authorization: "Bearer s3cret", "Content-Type": "application/json" },
    });
    expect(posted.status).toBe(200);
    expect(await title()).toBe("Posted revision");
    expect(await page()).toContain("Posted revision");
    expect(await (await server.request("/")).text()).toContain("Posted revision");

    // With no trusted time, every request reads the version.
    const strict = app({ store: own, limits: { readValidMs: 0 }, now: () => new Date(t) });
    expect((await json(await strict.request(`/api/stories/${id}`))).report.story.title).toBe("Posted revision");
    await revise("Third revision");
    expect((await json(await strict.request(`/api/stories/${id}`))).report.story.title).toBe("Third revision");
    await own.close();
  });

  it("sends a stored story's page as the store keeps it, and renders and keeps one the store has not", async () => {
    const own = await tempStore();
    const [id] = (await storeStories(own, [await exampleArticles()])) as [number];
    const stored = await own.report(id);
    const kept = await own.page(id, STORY_PAGE_RENDERER);
    if (!stored || !kept) throw new Error("fixture: the example story has no report or no kept page");
    // Rendered when the report was stored, as the server renders it.
    expect(gunzipSync(kept.gzip).toString()).toBe(renderServedStoryPage(stored.report, id));
    expect(brotliDecompressSync(kept.br).toString()).toBe(renderServedStoryPage(stored.report, id));

    const marked = (body: string, over: { renderer?: string; reportVersion?: number } = {}) => ({
      ...kept,
      etag: 'W/"kept-page"',
      br: new Uint8Array(brotliCompressSync(body)),
      gzip: new Uint8Array(gzipSync(body)),
      ...over,
    });
    await own.savePage(marked("<p>the kept page</p>"));
    const server = app({ store: own });
    const br = await server.request(`/stories/${id}`, { headers: { "Accept-Encoding": "br" } });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("ETag")).toBe('W/"kept-page"');
    expect(br.headers.get("Content-Security-Policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe("<p>the kept page</p>");
    const gz = await server.request(`/stories/${id}`, { headers: { "Accept-Encoding": "gzip" } });
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe("<p>the kept page</p>");
    const plain = await server.request(`/stories/${id}`);
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(plain.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await plain.text()).toBe("<p>the kept page</p>");
    const again = await server.request(`/stories/${id}`, { headers: { "If-None-Match": 'W/"kept-page"' } });
    expect(again.status).toBe(304);
    // A filtered view is rendered from the report, never the kept page.
    expect(await (await server.request(`/stories/${id}?kind=number`)).text()).not.toContain("the kept page");

    // Of a renderer older than the oldest served, or of an earlier report: rendered from the report, and kept.
    await own.savePage(marked("<p>an old renderer's page</p>", { renderer: "story-page/0" }));
    expect(await (await app({ store: own }).request(`/stories/${id}`)).text()).toBe(
      renderServedStoryPage(stored.report, id),
    );
    // Of an earlier renderer still served: sent as it is, then rendered again behind the response, served
    // from memory and written back to the store.
    await own.savePage(marked("<p>an earlier renderer's page</p>", { renderer: "story-page/1" }));
    const serving = app({ store: own });
    expect(await (await serving.request(`/stories/${id}`)).text()).toBe("<p>an earlier renderer's page</p>");
    for (let i = 0; i < 100 && !(await own.page(id, STORY_PAGE_RENDERER)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await own.page(id, STORY_PAGE_RENDERER)).toMatchObject({ etag: kept.etag });
    expect(await (await serving.request(`/stories/${id}`)).text()).toBe(renderServedStoryPage(stored.report, id));
    const version = kept.reportVersion + 1;
    const report = { ...stored.report, story: { ...stored.report.story, title: "A revised title" } };
    await own.savePage(marked("<p>the kept page</p>"));
    await own.saveReport(id, version, report, "2031-05-01T00:00:00.000Z");
    expect(await own.page(id, STORY_PAGE_RENDERER)).toBeUndefined();
    const revised = await (await app({ store: own }).request(`/stories/${id}`)).text();
    expect(revised).toBe(renderServedStoryPage(report, id));
    for (let i = 0; i < 100 && !(await own.page(id, STORY_PAGE_RENDERER)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const rewritten = await own.page(id, STORY_PAGE_RENDERER);
    expect(rewritten?.reportVersion).toBe(version);
    expect(gunzipSync(rewritten?.gzip ?? new Uint8Array()).toString()).toBe(revised);
    await own.close();
  });

  it("lists a story stored after the list page was last rendered", async () => {
    const own = await tempStore();
    const [first] = (await storeStories(own, [await exampleArticles()])) as [number];
    let t = Date.parse("2031-05-01T00:00:00Z");
    const server = app({ store: own, now: () => new Date(t) });
    const before = await (await server.request("/")).text();
    expect(before).toContain(`/stories/${first}`);
    expect(await (await server.request("/")).text()).toBe(before);
    const [added] = (await storeStories(own, [hostileArticles()])) as [number];
    // The list read a moment ago still stands; once it is no longer trusted, the new story is listed.
    expect(await (await server.request("/")).text()).toBe(before);
    t += READ_VALID_MS;
    const after = await (await server.request("/")).text();
    expect(after).toContain(`/stories/${added}`);
    expect(before).not.toContain(`/stories/${added}`);
    await own.close();
  });
});
