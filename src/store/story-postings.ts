import type { Kysely } from "kysely";
import type { StoryReport } from "../model/index.js";
import { type EntityNames, type OutletCounts, reportPostings } from "./report-postings.js";
import type { Database, OutletCountsColumns } from "./schema.js";

/** Rows written per statement: far under either database's limit of bound values per statement. */
const ROWS_PER_INSERT = 200;

/** The profile counts' columns, as `OutletCounts` names them. */
const COUNT_COLUMNS: Record<keyof OutletCountsColumns, Exclude<keyof OutletCounts, "outlet" | "name">> = {
  articles: "articles",
  origin: "origin",
  unique_claims: "uniqueClaims",
  contradicted: "contradicted",
  overstated_headlines: "overstatedHeadlines",
  altered_quotes: "alteredQuotes",
  quotes: "quotes",
  copied_by: "copiedBy",
  copies_run: "copiesRun",
};
const COUNT_NAMES = Object.keys(COUNT_COLUMNS) as (keyof OutletCountsColumns)[];

/**
 * Files a story under what its report names (see `reportPostings`), replacing what its report before had
 * filed, and moves the entity and outlet sums by the difference: every read of a filter, an entity or an
 * outlet is then a range of an index or one row, whatever the number of stories. Run inside the transaction
 * that stores the report, after the report's row is written (on PostgreSQL that row's lock orders two
 * transactions storing the same story, so the second reads what the first filed). The story's place in the
 * list (its last update and size) is taken from its row now.
 */
export async function fileReport(db: Kysely<Database>, storyId: number, report: StoryReport): Promise<void> {
  const story = await db
    .selectFrom("stories")
    .select(["updated_at", "article_count"])
    .where("id", "=", storyId)
    .executeTakeFirst();
  if (!story) return;
  const filed = reportPostings(report);
  const oldEntities = await db.selectFrom("entity_stories").selectAll().where("story_id", "=", storyId).execute();
  const oldOutlets = await db.selectFrom("outlet_stories").selectAll().where("story_id", "=", storyId).execute();
  for (const table of ["story_postings", "entity_stories", "outlet_stories"] as const) {
    await db.deleteFrom(table).where("story_id", "=", storyId).execute();
  }
  await insertAll(
    db,
    "story_postings",
    filed.keys.map((key) => ({
      story_id: storyId,
      key,
      updated_at: story.updated_at,
      article_count: story.article_count,
    })),
  );
  await insertAll(
    db,
    "entity_stories",
    filed.entities.map((e) => ({
      story_id: storyId,
      entity_id: e.id,
      name: e.name,
      type: e.type,
      names: JSON.stringify(e.names),
    })),
  );
  await insertAll(
    db,
    "outlet_stories",
    filed.outlets.map((o) => ({ story_id: storyId, outlet: o.outlet, name: o.name, ...countColumns(o, 1) })),
  );
  const before: EntityNames[] = oldEntities.map((e) => ({
    id: e.entity_id,
    name: e.name,
    type: e.type,
    names: JSON.parse(e.names),
  }));
  await moveEntitySums(db, before, filed.entities);
  const outletsBefore = oldOutlets.map((o) => ({ ...outletCounts(o), outlet: o.outlet, name: o.name }));
  await moveOutletSums(db, outletsBefore, filed.outlets);
}

/**
 * Takes a story out of what its report had filed (postings, entity and outlet rows) and out of the entity and
 * outlet sums: for a story merged into another, whose rows go.
 */
export async function unfileReport(db: Kysely<Database>, storyId: number): Promise<void> {
  const oldEntities = await db.selectFrom("entity_stories").selectAll().where("story_id", "=", storyId).execute();
  const oldOutlets = await db.selectFrom("outlet_stories").selectAll().where("story_id", "=", storyId).execute();
  for (const table of ["story_postings", "entity_stories", "outlet_stories"] as const) {
    await db.deleteFrom(table).where("story_id", "=", storyId).execute();
  }
  const before: EntityNames[] = oldEntities.map((e) => ({
    id: e.entity_id,
    name: e.name,
    type: e.type,
    names: JSON.parse(e.names),
  }));
  await moveEntitySums(db, before, []);
  await moveOutletSums(
    db,
    oldOutlets.map((o) => ({ ...outletCounts(o), outlet: o.outlet, name: o.name })),
    [],
  );
}

async function insertAll<T extends "story_postings" | "entity_stories" | "outlet_stories">(
  db: Kysely<Database>,
  table: T,
  rows: Parameters<ReturnType<Kysely<Database>["insertInto"]>["values"]>[0][] & object[],
): Promise<void> {
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    await db
      .insertInto(table)
      .values(rows.slice(at, at + ROWS_PER_INSERT) as never)
      .execute();
  }
}

/** Adds one story to each entity of `after` and takes one away from each of `before` (with their names). */
async function moveEntitySums(db: Kysely<Database>, before: EntityNames[], after: EntityNames[]): Promise<void> {
  const profiles = new Map<string, { name: string; type: string; stories: number }>();
  const names = new Map<string, { entity_id: string; name: string; stories: number }>();
  const count = (list: EntityNames[], by: number) => {
    for (const e of list) {
      const p = profiles.get(e.id) ?? { name: e.name, type: e.type, stories: 0 };
      if (by > 0) Object.assign(p, { name: e.name, type: e.type });
      p.stories += by;
      profiles.set(e.id, p);
      for (const name of e.names) {
        const key = JSON.stringify([e.id, name]);
        const n = names.get(key) ?? { entity_id: e.id, name, stories: 0 };
        n.stories += by;
        names.set(key, n);
      }
    }
  };
  count(before, -1);
  count(after, 1);
  // In key order, as every row below: two transactions (PostgreSQL workers) moving the sums of the same
  // entities or outlets lock their rows in the same order, and wait for each other instead of deadlocking.
  const moved = [...profiles].filter(([, p]) => p.stories !== 0).sort(byKey);
  for (let at = 0; at < moved.length; at += ROWS_PER_INSERT) {
    await db
      .insertInto("entity_profiles")
      .values(moved.slice(at, at + ROWS_PER_INSERT).map(([entity_id, p]) => ({ entity_id, ...p })))
      .onConflict((oc) =>
        oc.column("entity_id").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          type: eb.ref("excluded.type"),
          stories: eb("entity_profiles.stories", "+", eb.ref("excluded.stories")),
        })),
      )
      .execute();
  }
  const movedNames = [...names.values()]
    .filter((n) => n.stories !== 0)
    .sort((a, b) => byKey([a.entity_id, a.name], [b.entity_id, b.name]));
  for (let at = 0; at < movedNames.length; at += ROWS_PER_INSERT) {
    await db
      .insertInto("entity_names")
      .values(movedNames.slice(at, at + ROWS_PER_INSERT))
      .onConflict((oc) =>
        oc
          .columns(["entity_id", "name"])
          .doUpdateSet((eb) => ({ stories: eb("entity_names.stories", "+", eb.ref("excluded.stories")) })),
      )
      .execute();
  }
  const fewer = [...new Set(moved.filter(([, p]) => p.stories < 0).map(([id]) => id))];
  const fewerNames = [...new Set(movedNames.filter((n) => n.stories < 0).map((n) => n.entity_id))];
  for (let at = 0; at < fewer.length; at += ROWS_PER_INSERT) {
    const ids = fewer.slice(at, at + ROWS_PER_INSERT);
    await db.deleteFrom("entity_profiles").where("entity_id", "in", ids).where("stories", "<=", 0).execute();
  }
  for (let at = 0; at < fewerNames.length; at += ROWS_PER_INSERT) {
    const ids = fewerNames.slice(at, at + ROWS_PER_INSERT);
    await db.deleteFrom("entity_names").where("entity_id", "in", ids).where("stories", "<=", 0).execute();
  }
}

/** Adds each outlet's counts in `after` to its profile and takes away those in `before`. */
async function moveOutletSums(db: Kysely<Database>, before: OutletCounts[], after: OutletCounts[]): Promise<void> {
  const sums = new Map<string, { name: string; stories: number } & OutletCountsColumns>();
  const add = (list: OutletCounts[], by: number) => {
    for (const o of list) {
      const s = sums.get(o.outlet) ?? { name: o.name, stories: 0, ...countColumns(o, 0) };
      if (by > 0) s.name = o.name;
      s.stories += by;
      for (const column of COUNT_NAMES) s[column] += by * o[COUNT_COLUMNS[column]];
      sums.set(o.outlet, s);
    }
  };
  add(before, -1);
  add(after, 1);
  const moved = [...sums].filter(([, s]) => s.stories !== 0 || COUNT_NAMES.some((c) => s[c] !== 0)).sort(byKey);
  if (moved.length === 0) return;
  await db
    .insertInto("outlet_profiles")
    .values(moved.map(([outlet, s]) => ({ outlet, ...s })))
    .onConflict((oc) =>
      oc.column("outlet").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        stories: eb("outlet_profiles.stories", "+", eb.ref("excluded.stories")),
        ...Object.fromEntries(COUNT_NAMES.map((c) => [c, eb(`outlet_profiles.${c}`, "+", eb.ref(`excluded.${c}`))])),
      })),
    )
    .execute();
  const fewer = moved.filter(([, s]) => s.stories < 0).map(([outlet]) => outlet);
  if (fewer.length > 0) {
    await db.deleteFrom("outlet_profiles").where("outlet", "in", fewer).where("stories", "<=", 0).execute();
  }
}

/** Orders rows by their key (the first element), then by their second when it is a text too. */
function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  const [x, y] = [a[1], b[1]];
  return typeof x === "string" && typeof y === "string" && x !== y ? (x < y ? -1 : 1) : 0;
}

/** An outlet's counts as columns, each times `by` (0: all zero). */
function countColumns(o: OutletCounts, by: number): OutletCountsColumns {
  return Object.fromEntries(COUNT_NAMES.map((c) => [c, by * o[COUNT_COLUMNS[c]]])) as unknown as OutletCountsColumns;
}

/** A row's counts as `OutletCounts` names them. */
function outletCounts(row: OutletCountsColumns): Omit<OutletCounts, "outlet" | "name"> {
  return Object.fromEntries(COUNT_NAMES.map((c) => [COUNT_COLUMNS[c], Number(row[c])])) as Omit<
    OutletCounts,
    "outlet" | "name"
  >;
}
