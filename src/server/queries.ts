import type { Store, StorySummary } from "../store/index.js";
import type { StoryRef } from "../web/pages/profiles.js";
import type { StoryListQuery } from "./schemas.js";

/**
 * Stories whose reports a filter or a profile reads at most, newest first. The store indexes stories by
 * time and size only; outlet, entity and date filters and the entity and outlet profiles read stored
 * summaries and reports, so they look at this many recent stories and say when that was not all of them.
 * 2,000 reports read in well under a second from SQLite on one core.
 */
export const DEFAULT_MAX_SCAN = 2_000;

/** Stories read from the store per round of a scan. */
const SCAN_BATCH = 200;

/** Search hits a words filter of the story list reads at most. */
const MAX_TEXT_HITS = 500;

export interface StoryPage {
  stories: StorySummary[];
  offset: number;
  limit: number;
  next?: number;
  scanned?: number;
  complete?: boolean;
}

function overlaps(s: StorySummary, from?: string, to?: string): boolean {
  const first = s.firstPublished ?? s.lastPublished;
  const last = s.lastPublished ?? s.firstPublished;
  if (!first || !last) return !from && !to;
  // A date alone means the whole day: every date-time of the day sorts below the date and "~".
  const until = to && /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}~` : to;
  return (!from || last >= from) && (!until || first <= until);
}

function byOrder(order: "newest" | "biggest") {
  return (a: StorySummary, b: StorySummary) =>
    order === "biggest"
      ? b.articleCount - a.articleCount || b.id - a.id
      : a.updatedAt < b.updatedAt
        ? 1
        : a.updatedAt > b.updatedAt
          ? -1
          : b.id - a.id;
}

/**
 * A page of stories for the list and GET /api/stories. Without filters it is one bounded store query.
 * Words go through the store's full-text search (the stories of the best hits); outlet, entity and date
 * filters are applied to the most recent `maxScan` stories.
 */
export async function listStories(store: Store, q: StoryListQuery, maxScan = DEFAULT_MAX_SCAN): Promise<StoryPage> {
  const { limit, offset, sort } = q;
  const filtered = Boolean(q.text || q.outlet || q.entity || q.from || q.to);
  if (!filtered) {
    const rows = await store.stories({ order: sort, limit: limit + 1, offset });
    return { stories: rows.slice(0, limit), offset, limit, ...(rows.length > limit ? { next: offset + limit } : {}) };
  }
  const outlet = q.outlet?.toLowerCase();
  const keep = async (s: StorySummary): Promise<boolean> => {
    if (!overlaps(s, q.from, q.to)) return false;
    if (outlet && !s.outlets.some((o) => o.toLowerCase() === outlet)) {
      // The summary lists a few outlets only; a story with more is asked about through its report.
      if (s.outlets.length >= s.outletCount) return false;
      const report = (await store.report(s.id))?.report;
      if (!report?.articles.some((a) => a.outlet?.trim().toLowerCase() === outlet)) return false;
    }
    if (q.entity) {
      const report = (await store.report(s.id))?.report;
      if (!report?.entities.some((e) => e.id === q.entity)) return false;
    }
    return true;
  };
  const matched: StorySummary[] = [];
  let scanned = 0;
  let complete = true;
  if (q.text) {
    const hits = await store.search(q.text, { limit: MAX_TEXT_HITS });
    complete = hits.length < MAX_TEXT_HITS;
    const ids = [...new Set(hits.map((h) => h.storyId))];
    for (const id of ids) {
      const s = await store.story(id);
      scanned++;
      if (s && (await keep(s))) matched.push(s);
    }
    matched.sort(byOrder(sort));
  } else {
    // Enough matches for this page and a look past it, from at most maxScan stories in the list's order.
    for (let at = 0; at < maxScan && matched.length <= offset + limit; at += SCAN_BATCH) {
      const rows = await store.stories({ order: sort, limit: Math.min(SCAN_BATCH, maxScan - at), offset: at });
      for (const s of rows) {
        scanned++;
        if (matched.length <= offset + limit && (await keep(s))) matched.push(s);
      }
      if (rows.length < SCAN_BATCH) break;
      if (at + SCAN_BATCH >= maxScan) complete = false;
    }
  }
  const page = matched.slice(offset, offset + limit);
  const more = matched.length > offset + limit;
  return { stories: page, offset, limit, ...(more ? { next: offset + limit } : {}), scanned, complete };
}

/** The reports of the most recent stories, for the entity and outlet profiles. */
export async function recentReports(
  store: Store,
  maxScan = DEFAULT_MAX_SCAN,
): Promise<{ stories: StoryRef[]; scanned: number; complete: boolean }> {
  const stories: StoryRef[] = [];
  let scanned = 0;
  let complete = true;
  for (let at = 0; at < maxScan; at += SCAN_BATCH) {
    const rows = await store.stories({ order: "newest", limit: Math.min(SCAN_BATCH, maxScan - at), offset: at });
    for (const s of rows) {
      scanned++;
      const stored = await store.report(s.id);
      if (stored) stories.push({ id: String(s.id), report: stored.report });
    }
    if (rows.length < SCAN_BATCH) break;
    if (at + SCAN_BATCH >= maxScan) complete = false;
  }
  return { stories, scanned, complete };
}
