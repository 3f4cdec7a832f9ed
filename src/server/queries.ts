import type { ReportEntity } from "../model/index.js";
import type { Store, StorySummary } from "../store/index.js";
import { nameKey } from "../store/report-postings.js";
import type { StoryListQuery } from "./schemas.js";

/** Search hits a words filter of the story list reads at most. */
const MAX_TEXT_HITS = 500;

export interface StoryPage {
  stories: StorySummary[];
  offset: number;
  limit: number;
  next?: number;
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
 * A page of stories for the list and GET /api/stories. Without words it is one store query: outlet and
 * entity filters read the postings the store files each report under, date filters the stories' dates.
 * Words go through the store's full-text search (the stories of the best hits), the other filters applied
 * to those stories.
 */
export async function listStories(store: Store, q: StoryListQuery): Promise<StoryPage> {
  const { limit, offset, sort } = q;
  if (!q.text) {
    const rows = await store.stories({
      order: sort,
      limit: limit + 1,
      offset,
      ...(q.outlet ? { outlet: q.outlet } : {}),
      ...(q.entity ? { entity: q.entity } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    });
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
  const hits = await store.search(q.text, { limit: MAX_TEXT_HITS });
  for (const id of new Set(hits.map((h) => h.storyId))) {
    const s = await store.story(id);
    if (s && (await keep(s))) matched.push(s);
  }
  matched.sort(byOrder(sort));
  const page = matched.slice(offset, offset + limit);
  const more = matched.length > offset + limit;
  return { stories: page, offset, limit, ...(more ? { next: offset + limit } : {}) };
}
