import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { type Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import type { ZodTypeAny, z } from "zod";
import { nameArticle, TriangulateError } from "../model/index.js";
import type { Store, StoredArticle, StoredPage, StorySummary as StoredSummary } from "../store/index.js";
import { html } from "../web/escape.js";
import { SITE_CSS, SITE_ICON, SITE_JS } from "../web/pages/assets.js";
import { ASSET_PATHS, renderLayout } from "../web/pages/layout.js";
import {
  articleInStory,
  type LinkedArticle,
  type ProfilePaging,
  renderArticlePage,
  renderEntityPage,
  renderOutletPage,
  renderSearchPage,
} from "../web/pages/other-pages.js";
import { type EntityView, type OutletProfile, viewEntity } from "../web/pages/profiles.js";
import {
  type Bytes,
  compressors,
  entityTag,
  renderServedStoryPage,
  STORY_PAGE_RENDERER,
  servedWhileStale,
} from "../web/pages/stored-page.js";
import { renderStoryList, type StorySummary, summarizeArticles } from "../web/pages/story-list.js";
import { type FindingKind, isFindingKind, renderClaimsPage, renderStoryPage } from "../web/pages/story-page.js";
import { SizedCache } from "./cache.js";
import { type ApiErrorCode, ServerError, STATUS_OF } from "./errors.js";
import { PageWriter } from "./page-writer.js";
import { type PostedArticle, postedFormat, readPosted } from "./posted.js";
import { listStories, type StoryPage } from "./queries.js";
import { RateLimiter } from "./rate-limit.js";
import { READ_VALID_MS, RecentReads } from "./recent-reads.js";
import { RequestRenderings } from "./request-renderings.js";
import {
  articleIdParam,
  entityIdParam,
  openApiDocument,
  outletNameParam,
  type ProfilePageQuery,
  profilePageQuery,
  STORY_ID_EXPECTED,
  STORY_ID_PATTERN,
  searchQuery,
  storyListQuery,
} from "./schemas.js";

/** What the server accepts and how often; every default is documented beside it. */
export interface ServerLimits {
  /** Bytes of a POST body at most; default 10 MB, ten articles at the ingest's per-article cap. */
  maxBodyBytes: number;
  /** Writes (POST /api/articles) per client per minute; default 60. */
  writesPerMinute: number;
  /**
   * Bytes of rendered story pages, story JSON and list entries kept for reuse, each under its story's report
   * version (a new report is a new key); default 64 MB. Rendering a story page costs far more than sending it.
   */
  cacheBytes: number;
  /**
   * Milliseconds a story's report version or a page of the story list, once read from the store, is trusted;
   * default {@link READ_VALID_MS}. What another process stores is served at most this much later; 0 reads
   * the store on every request.
   */
  readValidMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 10_000_000,
  writesPerMinute: 60,
  cacheBytes: 64_000_000,
  readValidMs: READ_VALID_MS,
};

/** What POST /api/articles did: articles added, ones already stored, and the stories they went to. */
export interface IngestOutcome {
  added: number;
  duplicates: number;
  stories: number[];
}

/** The ingest path the server hands posted articles to: stores, clusters and analyses them. */
export type IngestArticles = (store: Store, articles: PostedArticle[]) => Promise<IngestOutcome>;

export interface AppOptions {
  store: Store;
  /** The bearer token writes need; without one, writes are refused (403). */
  token?: string;
  limits?: Partial<ServerLimits>;
  ingest?: IngestArticles;
  /** Where internal errors are reported (their stack); default standard error. */
  log?: (message: string) => void;
  /** The clock, for the last-visit cookie and the rate limiter. */
  now?: () => Date;
  /**
   * Counts the story renderings requests are waiting for, so that work behind the requests (the catch-up
   * of stale pages, given the same) waits until there are none; default one of its own.
   */
  renderings?: RequestRenderings;
}

/**
 * The pages' Content-Security-Policy: the stylesheet and script are files of this origin, nothing inline,
 * nothing from anywhere else, no frames, forms post only here.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The cookie that remembers a reader's last look at the story list. */
export const LAST_VISIT_COOKIE = "triangulate_last_visit";

/** The security headers every response carries, pages, API and errors alike. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Resource-Policy": "same-origin",
});

/** What @hono/node-server hands the app beside the request: the Node request, whose headers are parsed already. */
type Env = { Bindings: { incoming?: { socket?: { remoteAddress?: string }; headers?: IncomingHttpHeaders } } };

/**
 * The HTTP server as a Hono app, without a port: the JSON API under /api, the pages, and their assets.
 * Tests call `app.request()`; `triangulate serve` hands `app.fetch` to @hono/node-server.
 *
 * @example const app = createApp({ store: await openStore("triangulate.db"), token: process.env.TRIANGULATE_TOKEN });
 */
export function createApp(options: AppOptions): Hono<Env> {
  const { store } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const writes = new RateLimiter({ limit: limits.writesPerMinute, windowMs: 60_000, now: () => now().getTime() });
  const clock = () => now().getTime();
  const rendered: Renderings = {
    // A story without a report is not remembered: its first report is served as soon as it is stored.
    versions: new RecentReads({ validMs: limits.readValidMs, now: clock, keep: (v) => v !== undefined }),
    cache: new SizedCache<Rendering>(limits.cacheBytes, renderingSize),
    rendering: new Map(),
    compressing: new Map(),
    acceptEncodings: new Map(),
    inFlight: options.renderings ?? new RequestRenderings(),
  };
  // Story pages the store did not keep (stories analysed before it kept them, or by an earlier renderer).
  const pages = new PageWriter(store, log);
  const summaries = new SizedCache<StorySummary>(limits.cacheBytes / 16, (s) => 500 + s.title.length);
  const listPages = new SizedCache<Rendering>(limits.cacheBytes / 16, renderingSize);
  const lists = new RecentReads<string, StoryPage>({ validMs: limits.readValidMs, now: clock });
  const app = new Hono<Env>();

  // A story's JSON and page, the routes read most, come before the middleware below and answer without
  // it: their responses carry headers made once with each rendering, the security headers among them, and
  // are sent as they are. (Set one by one per request, headers cost about a sixth of a hit's server time.)
  app.get("/api/stories/:id", (c) => serveStory(c, "json"));
  app.get("/stories/:id", (c) => serveStory(c, "page"));
  app.get("/stories/:id/claims", (c) => serveStory(c, "claims"));

  // The story list, the first page a reader sees, is sent the same way, with the reader's last visit.
  app.get("/", async (c) => {
    const q = parse(storyListQuery, pageQuery(c.req.query(), ["since"]));
    const visit = readVisit(getCookie(c, LAST_VISIT_COOKIE), now());
    // A date the reader asks for (the form's, or a link's) before the last visit; an empty field is none.
    const asked = c.req.query("since")?.trim() || undefined;
    const since = asked ?? visit.since;
    const page = await lists.get(JSON.stringify(q), () => listStories(store, q));
    const keys = page.stories.map((s) => `${s.id}:${s.reportVersion ?? "none"}:${s.version}`);
    const cookie = { "Set-Cookie": lastVisitCookie(visit.since, now()) };
    const shownSince = since && /^\d{4}-\d{2}-\d{2}/.test(since) ? since : undefined;
    // The page is the same while its stories (each at its versions), the query and the last visit are.
    // A last visit read from the cookie is a reader's own instant, its page is not asked for again: not kept.
    const keep = asked !== undefined || shownSince === undefined;
    const pageKey = `list:${JSON.stringify([q, shownSince, page.next !== undefined, keys])}`;
    const known = keep ? listPages.get(pageKey) : undefined;
    if (known !== undefined) return send(c, rendered, { key: pageKey, made: known, cache: listPages }, cookie);
    const listed = await Promise.all(
      page.stories.map(async (s, i) => {
        const key = keys[i] ?? "";
        const known = summaries.get(key);
        if (known) return known;
        const fresh = await listSummary(store, s);
        summaries.set(key, fresh);
        return fresh;
      }),
    );
    const { limit, offset, sort, text, outlet, entity, from, to } = q;
    const made = makeRendering(
      renderStoryList({
        stories: listed,
        more: page.next !== undefined,
        offset,
        limit,
        query: {
          sort,
          ...(text ? { text } : {}),
          ...(outlet ? { outlet } : {}),
          ...(entity ? { entity } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(asked && shownSince ? { since: shownSince } : {}),
        },
        ...(shownSince ? { since: shownSince } : {}),
      }),
      HTML_TYPE,
      PER_READER,
    );
    if (!keep) return send(c, rendered, { made }, cookie);
    listPages.set(pageKey, made);
    return send(c, rendered, { key: pageKey, made, cache: listPages }, cookie);
  });

  // Set before the handler, so that they join the response it makes: set after, they would make the node
  // adapter turn its cheap response into a full web Response on every request (a tenth of a story page's time).
  app.use(async (c, next) => {
    setSecurityHeaders(c);
    await next();
  });

  app.onError((err, c) => {
    const isPage = !c.req.path.startsWith("/api/");
    let code: ApiErrorCode;
    let message: string;
    if (err instanceof TriangulateError || err instanceof ServerError) {
      code = err.code;
      message = err instanceof TriangulateError && err.subject ? `${err.subject}: ${err.message}` : err.message;
    } else {
      code = "INTERNAL";
      message = "internal error; it has been logged";
      log(`triangulate serve: ${c.req.method} ${c.req.path}: ${err.stack ?? String(err)}`);
    }
    const status = STATUS_OF[code];
    // The story routes answer before the middleware that sets these: their errors get them here.
    setSecurityHeaders(c);
    if (code === "RATE_LIMITED") c.header("Retry-After", String(writes.retryAfter(clientOf(c))));
    if (isPage) return c.html(errorPage(status, message), status);
    return c.json({ error: { code, message } }, status);
  });

  app.notFound((c) => {
    const message = `nothing at ${c.req.path}`;
    if (c.req.path.startsWith("/api/")) return c.json({ error: { code: "NO_ROUTE", message } }, 404);
    return c.html(errorPage(404, message), 404);
  });

  app.get(ASSET_PATHS.css, (c) => asset(c, SITE_CSS, "text/css; charset=utf-8"));
  app.get(ASSET_PATHS.js, (c) => asset(c, SITE_JS, "text/javascript; charset=utf-8"));
  app.get(ASSET_PATHS.icon, (c) => asset(c, SITE_ICON, "image/svg+xml"));
  app.get("/favicon.ico", (c) => c.redirect(ASSET_PATHS.icon, 301));

  let openapi: object | undefined;
  app.get("/api/openapi.json", (c) => {
    openapi ??= openApiDocument();
    return c.json(openapi);
  });

  app.get("/api/stories", async (c) => c.json(await listStories(store, parse(storyListQuery, c.req.query()))));

  app.get("/api/articles/:id", async (c) => {
    const id = Number(parse(articleIdParam, c.req.param()).id);
    const stored = await store.article(id);
    if (!stored) throw new TriangulateError("NOT_FOUND", `no article ${id}`);
    const { diagnostics: _, ...article } = stored.article;
    return c.json({ ...stored, article });
  });

  app.get("/api/entities/:id", async (c) => {
    const { id } = parse(entityIdParam, c.req.param());
    return c.json(await entityPage(store, id, parse(profilePageQuery, c.req.query())));
  });

  app.get("/api/outlets/:name", async (c) => {
    const { name } = parse(outletNameParam, c.req.param());
    return c.json(await outletPage(store, name, parse(profilePageQuery, c.req.query())));
  });

  app.get("/api/search", async (c) => {
    const q = parse(searchQuery, c.req.query());
    const hits = await store.search(q.q, {
      limit: q.limit,
      ...(q.outlet ? { outlet: q.outlet } : {}),
      ...(q.from ? { since: q.from } : {}),
      ...(q.to ? { until: q.to } : {}),
    });
    return c.json({ hits });
  });

  app.post("/api/articles", async (c) => {
    if (!options.token)
      throw new ServerError("WRITES_DISABLED", "writes are disabled: start the server with TRIANGULATE_TOKEN set");
    if (!tokenMatches(c.req.header("Authorization"), options.token)) {
      throw new ServerError("UNAUTHORIZED", "expected the header Authorization: Bearer <TRIANGULATE_TOKEN>");
    }
    if (!writes.take(clientOf(c))) {
      throw new ServerError(
        "RATE_LIMITED",
        `expected at most ${limits.writesPerMinute} writes a minute from one client`,
      );
    }
    const format = postedFormat(c.req.header("Content-Type"));
    if (!format) {
      throw new ServerError(
        "UNSUPPORTED_MEDIA",
        `expected Content-Type application/json, application/x-ndjson or text/html, found ${c.req.header("Content-Type") ?? "none"}`,
      );
    }
    const body = await readBody(c, limits.maxBodyBytes);
    const url = c.req.query("url");
    const { articles, problems } = readPosted(body, format, url);
    if (articles.length === 0) {
      const why = problems.map((p) => `${p.item}: ${p.message}`).join("; ");
      throw new TriangulateError(
        "NO_ARTICLES",
        `expected at least one readable article, found none${why ? ` (${why})` : ""}`,
      );
    }
    if (!options.ingest) throw new ServerError("WRITES_DISABLED", "this server was started without an ingest path");
    let outcome: IngestOutcome;
    try {
      outcome = await options.ingest(store, articles);
    } finally {
      // What was stored is served at once, not after the versions read before it are no longer trusted.
      rendered.versions.forget();
      lists.forget();
    }
    return c.json({ received: articles.length + problems.length, ...outcome, problems });
  });

  app.get("/articles/:id", async (c) => {
    const id = Number(parse(articleIdParam, c.req.param()).id);
    const stored = await store.article(id);
    if (!stored) throw new TriangulateError("NOT_FOUND", `no article ${id}`);
    const [story, siblings, report] = await Promise.all([
      store.story(stored.storyId),
      store.storyArticles(stored.storyId),
      store.report(stored.storyId),
    ]);
    const inStory = report && articleInStory(report.report, id, `/stories/${stored.storyId}`);
    const original =
      stored.copyOf === undefined
        ? undefined
        : (siblings.find((a) => a.id === stored.copyOf) ?? (await store.article(stored.copyOf)));
    const { outlet, title, published, author, source, text } = stored.article;
    return c.html(
      renderArticlePage({
        storeId: id,
        article: {
          source,
          text,
          ...(outlet ? { outlet } : {}),
          ...(title ? { title } : {}),
          ...(published ? { published } : {}),
          ...(author ? { author } : {}),
        },
        story: { id: String(stored.storyId), title: story?.title ?? "" },
        ...(original ? { copyOf: linkedArticle(original) } : {}),
        copies: siblings.filter((a) => a.copyOf === id).map(linkedArticle),
        ...(inStory ? { inStory } : {}),
      }),
    );
  });

  app.get("/entities/:id", async (c) => {
    const { id } = parse(entityIdParam, c.req.param());
    const { storyCount, offset, limit, next, ...view } = await entityPage(
      store,
      id,
      parse(profilePageQuery, pageQuery(c.req.query(), [])),
    );
    return c.html(renderEntityPage(view, { storyCount, offset, limit, ...(next === undefined ? {} : { next }) }));
  });

  app.get("/outlets/:name", async (c) => {
    const { name } = parse(outletNameParam, c.req.param());
    const { storyCount, offset, limit, next, ...profile } = await outletPage(
      store,
      name,
      parse(profilePageQuery, pageQuery(c.req.query(), [])),
    );
    return c.html(renderOutletPage(profile, { storyCount, offset, limit, ...(next === undefined ? {} : { next }) }));
  });

  app.get("/search", async (c) => {
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    if (q === "") return c.html(renderSearchPage("", []));
    let hits: Awaited<ReturnType<Store["search"]>> = [];
    try {
      hits = await store.search(q, { limit: 50 });
    } catch (err) {
      // Words the index cannot search for (punctuation only) find nothing rather than an error page.
      if (!(err instanceof TriangulateError && err.code === "BAD_ARGUMENT")) throw err;
    }
    return c.html(
      renderSearchPage(
        q,
        hits.map((h) => ({
          articleId: h.articleId,
          storyId: String(h.storyId),
          storyTitle: h.storyTitle,
          name: h.name,
          snippet: h.snippet,
          ...(h.title ? { title: h.title } : {}),
          ...(h.outlet ? { outlet: h.outlet } : {}),
          ...(h.published ? { published: h.published } : {}),
          ...(h.opening ? { opening: h.opening } : {}),
        })),
      ),
    );
  });

  /** A story's JSON, page or claims page: from the cache while the story's report version is the one it was made from. */
  async function serveStory(c: Context<Env>, what: "json" | "page" | "claims"): Promise<Response> {
    const raw = c.req.param("id") ?? "";
    if (!STORY_ID_PATTERN.test(raw)) throw new TriangulateError("BAD_ARGUMENT", `id: ${STORY_ID_EXPECTED}`);
    const id = Number(raw);
    if (what === "json") {
      // The report's stored text goes out as it is, in the envelope JSON.stringify would give a StoredReport:
      // a story not in the cache costs no parse and no stringify of its report.
      const made = await cached(rendered, store, id, "json", async () => {
        const stored = await store.reportText(id);
        if (!stored) return missingReport(store, id);
        const { storyId, version, updatedAt, json } = stored;
        return makeRendering(
          `{"storyId":${storyId},"version":${version},"updatedAt":${JSON.stringify(updatedAt)},"report":${json}}`,
          JSON_TYPE,
        );
      });
      return send(c, rendered, made);
    }
    // The plain page (no filters) is the one asked for most: its query is not parsed.
    const filtered = c.req.url.includes("?");
    const outlets = filtered ? (c.req.queries("outlet") ?? []) : [];
    const storyHref = `/stories/${id}`;
    if (what === "claims") {
      const at = filtered ? (c.req.query("offset") ?? "0") : "0";
      if (!/^\d{1,9}$/.test(at))
        throw new TriangulateError("BAD_ARGUMENT", `offset: expected a whole number, found "${at}"`);
      const offset = Number(at);
      const made = await cached(rendered, store, id, `claims:${JSON.stringify([outlets, offset])}`, async () =>
        makeRendering(
          renderClaimsPage((await storedReport(store, id)).report, { storyHref, outlets, offset }),
          HTML_TYPE,
        ),
      );
      return send(c, rendered, made);
    }
    const kinds = filtered ? (c.req.queries("kind") ?? []) : [];
    const bad = kinds.find((k) => !isFindingKind(k));
    if (bad !== undefined) throw new TriangulateError("BAD_ARGUMENT", `expected a kind of finding, found "${bad}"`);
    if (kinds.length === 0 && outlets.length === 0) {
      // The page as the store keeps it, rendered when the report was stored (render on write); rendered
      // now and written back when the store has none for this report and renderer.
      // A kept page is of the story's current report (the store joins them): read first, it tells the
      // version too, and a story not in memory costs one read instead of two.
      // A page an earlier renderer kept of the current report is sent while the story is rendered again.
      let kept: StoredPage | undefined;
      const readVersion = async () => {
        kept = await store.page(id);
        return kept ? kept.reportVersion : store.reportVersion(id);
      };
      const page = await cached(
        rendered,
        store,
        id,
        "page:",
        async (version) => {
          kept ??= await store.page(id);
          if (kept && kept.reportVersion === version) {
            if (kept.renderer === STORY_PAGE_RENDERER) return keptRendering(kept);
            if (servedWhileStale(kept.renderer)) {
              renderAgain(id, version);
              return keptRendering(kept);
            }
          }
          // Rendered now, sent as soon as the encoding this client takes is made: the page is compressed in
          // both encodings and written back to the store after the response, not before it.
          const stored = await storedReport(store, id);
          const made = makeRendering(renderServedStoryPage(stored.report, id), HTML_TYPE);
          setImmediate(() => void keepPage(`${id}:${version}:page:`, id, stored.version, made));
          return made;
        },
        readVersion,
      );
      return send(c, rendered, page);
    }
    const view = JSON.stringify([kinds, outlets]);
    const page = await cached(rendered, store, id, `page:${view}`, async () =>
      makeRendering(
        renderStoryPage((await storedReport(store, id)).report, {
          outlets,
          kinds: kinds as FindingKind[],
          jsonHref: `/api/stories/${id}`,
          claimsHref: `${storyHref}/claims`,
        }),
        HTML_TYPE,
      ),
    );
    return send(c, rendered, page);
  }

  /** Stories whose kept page of an earlier renderer was served, to render again in the order asked for. */
  const stale = new Map<number, number>();
  let renderingAgain = false;

  /**
   * Queues a story whose kept page is of an earlier renderer to be rendered again, after the response that
   * sent the old page: one story per turn of the event loop, so that requests go between them. Its new
   * rendering replaces the old one in memory and is written back to the store; a story asked for goes before
   * the catch-up's order (which skips it once its page is current).
   */
  function renderAgain(id: number, version: number): void {
    stale.set(id, version);
    if (renderingAgain) return;
    renderingAgain = true;
    const next = async (): Promise<void> => {
      const [entry] = stale;
      if (!entry) {
        renderingAgain = false;
        return;
      }
      const [storyId, reportVersion] = entry;
      stale.delete(storyId);
      try {
        const stored = await store.report(storyId);
        if (stored && stored.version === reportVersion) {
          const key = `${storyId}:${reportVersion}:page:`;
          const made = makeRendering(renderServedStoryPage(stored.report, storyId), HTML_TYPE);
          rendered.cache.set(key, made);
          await keepPage(key, storyId, reportVersion, made);
        }
      } catch (err) {
        log(
          `triangulate serve: story ${storyId}'s page is not rendered again: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      setImmediate(() => void next());
    };
    setImmediate(() => void next());
  }

  /**
   * Compresses a page rendered on request in both encodings (sharing any compression its responses made)
   * and queues it to be kept in the store, where the next request, of any server process, reads it.
   */
  async function keepPage(key: string, storyId: number, reportVersion: number, made: Rendering): Promise<void> {
    try {
      const br = await encodedOf(rendered, made, "br", key);
      const gzip = await encodedOf(rendered, made, "gzip", key);
      pages.offer({
        storyId,
        reportVersion,
        renderer: STORY_PAGE_RENDERER,
        etag: made.etag,
        br: br.body,
        gzip: gzip.body,
      });
    } catch (err) {
      log(
        `triangulate serve: story ${storyId}'s page is not kept: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  return app;
}

/**
 * Time without a look at the story list after which the next look is a new visit: a reader who spends
 * up to an hour reading stories between looks at the list is on the same visit, and the list keeps marking
 * what was new when it began; an editor's next round of the news, hours later, is a new visit.
 */
export const VISIT_GAP_MS = 60 * 60 * 1000;

/** An ISO date or date-time as the cookie keeps it; anything else is not one. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/;

/**
 * What the last-visit cookie says at `at`: the instant stories are new since (the reader's last look at the
 * list in the visit before this one), undefined on a first visit. The cookie keeps that instant and the
 * reader's latest look, as `since|seen`; a cookie of one instant (as written before) is both.
 */
export function readVisit(cookie: string | undefined, at: Date): { since?: string } {
  const [first, second] = (cookie ?? "").split("|");
  const seen = second ?? first;
  const since = second === undefined ? first : first || undefined;
  const valid = (t: string | undefined) => (t && ISO_TIME.test(t) ? t : undefined);
  const seenAt = valid(seen) ? Date.parse(seen as string) : Number.NaN;
  // Past the gap, this look begins a new visit: new is what came after the last look of the one before.
  if (Number.isFinite(seenAt) && at.getTime() - seenAt > VISIT_GAP_MS) return { since: seen as string };
  const kept = valid(since);
  return kept ? { since: kept } : {};
}

/** The Set-Cookie header value that remembers, for a year, this visit's `since` and this look at the list. */
function lastVisitCookie(since: string | undefined, at: Date): string {
  return `${LAST_VISIT_COOKIE}=${encodeURIComponent(`${since ?? ""}|${at.toISOString()}`)}; Max-Age=${365 * 24 * 3600}; Path=/; HttpOnly; SameSite=Lax`;
}

function setSecurityHeaders(c: Context): void {
  for (const name in SECURITY_HEADERS) c.header(name, SECURITY_HEADERS[name]);
}

/** A request header, read from the Node request when there is one (the web Request's headers are built on first use). */
function requestHeader(c: Context<Env>, name: "accept-encoding" | "if-none-match"): string | undefined {
  const headers = c.env?.incoming?.headers;
  if (!headers) return c.req.header(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Validates request input; a mismatch is a 400 that names the field and what was expected. */
function parse<S extends ZodTypeAny>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  const message =
    issue?.code === "unrecognized_keys"
      ? `unknown parameter ${issue.keys.join(", ")}`
      : (issue?.message ?? "bad input");
  throw new TriangulateError("BAD_ARGUMENT", `${where}${message}`);
}

/** The list page's query without the parameters only the page reads, and without empty form fields. */
function pageQuery(query: Record<string, string>, pageOnly: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([k, v]) => !pageOnly.includes(k) && v.trim() !== ""));
}

/** The encodings a cached rendering is also kept in, most preferred first. */
type Encoding = "br" | "gzip";
const ENCODINGS: Encoding[] = ["br", "gzip"];

const JSON_TYPE = "application/json; charset=utf-8";
const HTML_TYPE = "text/html; charset=UTF-8";

/** A body as sent, and the complete headers it is sent with (frozen: shared by every response that sends it). */
interface Sendable {
  body: Bytes;
  headers: Readonly<Record<string, string>>;
}

/**
 * A story's rendering as sent: its UTF-8 bytes with their headers, the compressed forms made so far with
 * theirs, and the headers of a 304. The entity tag is weak: it stands for the body in every encoding. A
 * page read from the store comes compressed: its plain bytes are unpacked from its gzip form when asked for.
 */
interface Rendering {
  etag: string;
  /** The headers of the plain body; a compressed one's add its Content-Encoding. */
  headers: Readonly<Record<string, string>>;
  plain?: Bytes;
  encoded: Partial<Record<Encoding, Sendable>>;
  notModified: Readonly<Record<string, string>>;
}

interface Renderings {
  versions: RecentReads<number, number | undefined>;
  cache: SizedCache<Rendering>;
  rendering: Map<string, Promise<Rendering>>;
  compressing: Map<string, Promise<Bytes>>;
  acceptEncodings: Map<string, Encoding | undefined>;
  inFlight: RequestRenderings;
}

function renderingSize(r: Rendering): number {
  return (r.plain?.byteLength ?? 0) + (r.encoded.br?.body.byteLength ?? 0) + (r.encoded.gzip?.body.byteLength ?? 0);
}

/** A rendering's plain bytes, unpacked from its gzip form (kept from then on) when it came compressed. */
function plainOf(r: Rendering): Bytes {
  if (r.plain) return r.plain;
  const gzipped = r.encoded.gzip?.body;
  if (!gzipped) throw new Error("expected a rendering with its plain or its gzip bytes, found neither");
  r.plain = gunzipSync(gzipped) as Bytes;
  return r.plain;
}

/** How a rendering may be kept by caches on the way: by anyone (a story's page), or per reader (the list). */
interface Caching {
  vary: string;
  cacheControl: string;
}

/** Story pages and JSON: the same for everyone, checked with the server before each reuse. */
const SHARED: Caching = { vary: "Accept-Encoding", cacheControl: "no-cache" };
/** The story list: marked from the reader's last-visit cookie, which every response sets anew. */
const PER_READER: Caching = { vary: "Accept-Encoding, Cookie", cacheControl: "private, no-cache" };

function makeRendering(text: string, type: string, caching: Caching = SHARED): Rendering {
  const body = Buffer.from(text, "utf8") as Bytes;
  return { ...renderingHeaders(entityTag(body), type, caching), plain: body, encoded: {} };
}

function renderingHeaders(etag: string, type: string, caching: Caching) {
  const notModified = Object.freeze({
    ...SECURITY_HEADERS,
    ETag: etag,
    Vary: caching.vary,
    "Cache-Control": caching.cacheControl,
  });
  return { etag, notModified, headers: Object.freeze({ ...notModified, "Content-Type": type }) };
}

/** A story page the store keeps, as sent: its two compressed forms as they are. */
function keptRendering(page: StoredPage): Rendering {
  const { etag, notModified, headers } = renderingHeaders(page.etag, HTML_TYPE, SHARED);
  const encoded = (encoding: Encoding, body: Uint8Array): Sendable => ({
    body: body as Bytes,
    headers: Object.freeze({ ...headers, "Content-Encoding": encoding }),
  });
  return { etag, notModified, headers, encoded: { br: encoded("br", page.br), gzip: encoded("gzip", page.gzip) } };
}

/**
 * A story's rendering from the cache when its report has not changed since, else made and kept. The key
 * holds the report's version, which the store raises with every new report; learning it is one keyed row
 * (`readVersion`, by default the report's version alone), read at most once per {@link READ_VALID_MS} per story.
 */
async function cached(
  { cache, rendering, versions, inFlight }: Renderings,
  store: Store,
  id: number,
  what: string,
  make: (reportVersion: number) => Promise<Rendering>,
  readVersion: () => Promise<number | undefined> = () => store.reportVersion(id),
): Promise<{ key: string; made: Rendering }> {
  const version = await versions.get(id, readVersion);
  if (version === undefined) {
    const story = await store.story(id);
    throw new TriangulateError("NOT_FOUND", story ? `story ${id} has no report yet` : `no story ${id}`);
  }
  const key = `${id}:${version}:${what}`;
  const hit = cache.get(key);
  if (hit !== undefined) return { key, made: hit };
  // Requests for the same story that arrive while it is being rendered wait for that one rendering.
  let pending = rendering.get(key);
  if (!pending) {
    pending = inFlight.run(() => make(version)).finally(() => rendering.delete(key));
    rendering.set(key, pending);
    cache.set(key, await pending);
  }
  return { key, made: await pending };
}

/**
 * Sends a rendering: 304 when the client's If-None-Match names its tag, else its body compressed in the
 * best encoding the client accepts, else as it is. A rendering with a `key` is kept: its compressed forms
 * are made once and kept beside the body (in `cache`, the story renderings' by default); one without is
 * compressed for this response alone. The response is made from the kept bytes and headers (with `extra`
 * headers, a cookie, when given), which @hono/node-server writes out directly.
 */
async function send(
  c: Context<Env>,
  renderings: Renderings,
  { key, made, cache = renderings.cache }: { key?: string; made: Rendering; cache?: SizedCache<Rendering> },
  extra?: Readonly<Record<string, string>>,
): Promise<Response> {
  if (etagMatches(requestHeader(c, "if-none-match"), made.etag)) {
    return new Response(null, { status: 304, headers: extra ? { ...made.notModified, ...extra } : made.notModified });
  }
  const encoding = rememberedEncoding(renderings.acceptEncodings, requestHeader(c, "accept-encoding"));
  if (!encoding) {
    const unpacked = made.plain === undefined;
    const body = plainOf(made);
    // Set again so that the cache counts the plain bytes too.
    if (unpacked && key !== undefined && cache.get(key) === made) cache.set(key, made);
    return new Response(body, { status: 200, headers: extra ? { ...made.headers, ...extra } : made.headers });
  }
  const encoded = await encodedOf(renderings, made, encoding, key, cache);
  return new Response(encoded.body, {
    status: 200,
    headers: extra ? { ...encoded.headers, ...extra } : encoded.headers,
  });
}

/**
 * A rendering's body in `encoding`: kept beside it once made. With a `key`, it is compressed once however
 * many ask for it at the same time, and `cache` counts the compressed bytes; without one, it is compressed
 * for the asker alone.
 */
async function encodedOf(
  renderings: Renderings,
  made: Rendering,
  encoding: Encoding,
  key: string | undefined,
  cache: SizedCache<Rendering> = renderings.cache,
): Promise<Sendable> {
  const known = made.encoded[encoding];
  if (known) return known;
  let pending: Promise<Bytes> | undefined;
  if (key === undefined) pending = compressors[encoding](plainOf(made));
  else {
    const at = `${key}:${encoding}`;
    pending = renderings.compressing.get(at);
    if (!pending) {
      pending = compressors[encoding](plainOf(made)).finally(() => renderings.compressing.delete(at));
      renderings.compressing.set(at, pending);
    }
  }
  const body = await pending;
  made.encoded[encoding] ??= { body, headers: Object.freeze({ ...made.headers, "Content-Encoding": encoding }) };
  const encoded = made.encoded[encoding];
  // Set again so that the cache counts the compressed bytes too.
  if (key !== undefined && cache.get(key) === made) cache.set(key, made);
  return encoded;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET), or is "*". */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  const wanted = bare(etag);
  return header.split(",").some((t) => t.trim() === "*" || bare(t) === wanted);
}

/**
 * Accept-Encoding headers an app remembers with their answer: clients send a handful of different ones,
 * each on every request, and parsing one cost about as much as the rest of a cached story's handler in a
 * profile of the serve bench. Past this many, the memory starts over.
 */
const KNOWN_ACCEPT_ENCODINGS = 64;

/** {@link preferredEncoding} of a header, remembered in `known`. */
function rememberedEncoding(known: Map<string, Encoding | undefined>, header: string | undefined) {
  if (!header) return undefined;
  if (known.has(header)) return known.get(header);
  if (known.size >= KNOWN_ACCEPT_ENCODINGS) known.clear();
  const encoding = preferredEncoding(header);
  known.set(header, encoding);
  return encoding;
}

/** The best encoding of {@link ENCODINGS} an Accept-Encoding header allows, undefined for none. */
export function preferredEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const weight = params.map((p) => p.trim().match(/^q=([0-9.]+)$/)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const star = q.get("*");
  return ENCODINGS.find((e) => (q.get(e) ?? star ?? 0) > 0);
}

async function storedReport(store: Store, id: number) {
  return (await store.report(id)) ?? missingReport(store, id);
}

/** Throws NOT_FOUND for a story without a report, saying whether the story is there at all. */
async function missingReport(store: Store, id: number): Promise<never> {
  const story = await store.story(id);
  throw new TriangulateError("NOT_FOUND", story ? `story ${id} has no report yet` : `no story ${id}`);
}

/**
 * The list's view of a stored story: its counts from the store, its coverage (outlets, days, copies) from
 * its articles, copies included, so that the list counts as the CLI's `stories` does.
 */
async function listSummary(store: Store, s: StoredSummary): Promise<StorySummary> {
  const articles = await store.storyArticles(s.id);
  const coverage = summarizeArticles(
    articles.map((a) => ({ outlet: a.article.outlet, published: a.article.published, copy: a.copyOf !== undefined })),
  );
  return {
    id: String(s.id),
    title: s.title,
    ...coverage,
    // The store's count, should an article have joined since the articles were read.
    articleCount: s.articleCount,
    copies: s.copyCount,
    ...(s.firstPublished ? { firstPublished: s.firstPublished } : {}),
    ...(s.lastPublished ? { lastPublished: s.lastPublished } : {}),
    disputedFacts: s.disputedFacts,
    discrepancies: s.discrepancies,
    updatedAt: s.updatedAt,
  };
}

/**
 * An entity's page of stories, with what it said and did in them: its names and its count of stories from
 * what the store keeps of all its stories, the rest from the reports of this page's stories alone (a page
 * costs its stories' reports, whatever the number of stories).
 */
async function entityPage(store: Store, id: string, page: ProfilePageQuery): Promise<EntityView & ProfilePaging> {
  const stored = await store.entity(id, { limit: page.limit + 1, offset: page.offset });
  if (!stored) throw new TriangulateError("NOT_FOUND", `no stored story names an entity ${id}`);
  const ids = stored.stories.slice(0, page.limit);
  const reports = await Promise.all(ids.map((s) => store.report(s)));
  const refs = reports.flatMap((r, i) => (r ? [{ id: String(ids[i]), report: r.report }] : []));
  const view = viewEntity(id, refs) ?? { id, stories: [], quotes: [], relations: [] };
  return {
    ...view,
    name: stored.name,
    type: stored.type,
    aliases: stored.aliases,
    storyCount: stored.storyCount,
    offset: page.offset,
    limit: page.limit,
    ...(stored.stories.length > page.limit ? { next: page.offset + page.limit } : {}),
  };
}

/** An outlet's profile over all its stories, as the store sums it, with a page of its stories. */
async function outletPage(store: Store, name: string, page: ProfilePageQuery): Promise<OutletProfile & ProfilePaging> {
  const stored = await store.outlet(name, { limit: page.limit + 1, offset: page.offset });
  if (!stored) throw new TriangulateError("NOT_FOUND", `no stored story has an article of ${name}`);
  const { storyCount, stories, ...counts } = stored;
  return {
    ...counts,
    stories: stories.slice(0, page.limit).map((s) => ({ ...s, id: String(s.id) })),
    storyCount,
    offset: page.offset,
    limit: page.limit,
    ...(stories.length > page.limit ? { next: page.offset + page.limit } : {}),
  };
}

/** A stored article as another article's page links to it, named as everywhere else ({@link nameArticle}). */
function linkedArticle(a: StoredArticle): LinkedArticle {
  return { storeId: a.id, name: nameArticle(a.article) };
}

function asset(c: Context, body: string, type: string): Response {
  c.header("Content-Type", type);
  c.header("Cache-Control", "public, max-age=3600");
  return c.body(body);
}

function errorPage(status: number, message: string): string {
  return renderLayout({
    title: `Error ${status}`,
    heading: status === 404 ? "Not found" : `Error ${status}`,
    body: html`<p>${message}</p><p><a href="/">Back to the stories</a></p>`,
  });
}

/** Compares the presented bearer token with the configured one in constant time. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The client a write is counted against: the socket's address when served, one bucket otherwise (tests). */
function clientOf(c: Context<Env>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? "local";
}

/**
 * The request body as text, refused with TOO_LARGE (413) past `max` bytes: by its declared length before
 * reading, and by counting while reading when no length is declared.
 */
async function readBody(c: Context, max: number): Promise<string> {
  const declared = Number(c.req.header("Content-Length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > max) {
    throw new TriangulateError("TOO_LARGE", `expected a body of at most ${max} bytes, found ${declared} bytes`);
  }
  const stream = c.req.raw.body;
  if (!stream) return "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new TriangulateError("TOO_LARGE", `expected a body of at most ${max} bytes, found more`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
