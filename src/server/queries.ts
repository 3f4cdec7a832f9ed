import type { ReportEntity } from "../model/index.js";
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

/** A name as a reader may type it: case, accents, punctuation and spacing aside. */
function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** What the story list's entity filter holds: an entity id as given, or a name as {@link nameKey} reads it. */
export interface EntityQuery {
  id: string;
  name: string;
}

export function entityQuery(text: string): EntityQuery {
  return { id: text.trim(), name: nameKey(text) };
}

/**
 * Whether an entity of a report is the one a filter asks for: by its id, or by its name or one of its
 * aliases (ignoring case, accents and punctuation), so that a reader can type "Ana Ruiz" or "Ruiz" where the
 * report lists her with that alias. A name is matched whole, never as a part of a longer name.
 *
 * @example namesEntity(report.entities[0], entityQuery("ana ruiz"))
 */
export function namesEntity(e: Pick<ReportEntity, "id" | "name" | "aliases">, q: EntityQuery): boolean {
  if (e.id === q.id) return true;
  if (q.name === "") return false;
  return nameKey(e.name) === q.name || e.aliases.some((a) => nameKey(a) === q.name);
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
  const entity = q.entity ? entityQuery(q.entity) : undefined;
  const keep = async (s: StorySummary): Promise<boolean> => {
    if (!overlaps(s, q.from, q.to)) return false;
    if (outlet && !s.outlets.some((o) => o.toLowerCase() === outlet)) {
      // The summary lists a few outlets only; a story with more is asked about through its report.
      if (s.outlets.length >= s.outletCount) return false;
      const report = (await store.report(s.id))?.report;
      if (!report?.articles.some((a) => a.outlet?.trim().toLowerCase() === outlet)) return false;
    }
    if (entity) {
      const report = (await store.report(s.id))?.report;
      if (!report?.entities.some((e) => namesEntity(e, entity))) return false;
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
