import BetterSqlite3 from "better-sqlite3";

/** What a store holds after a run, and every way in which it is not whole. */
export interface StoreCheck {
  articles: number;
  stories: number;
  problems: string[];
}

/**
 * Checks a SQLite store for what "nothing lost" promises: the file passes SQLite's integrity check, each
 * expected identity is stored exactly once and nothing else is, every article is in an existing story, each
 * story's counts and version match its articles, every story's report is of its current version and none
 * waits, and the clusterer's state counts every article once.
 */
export function checkStore(path: string, expectedKeys: ReadonlySet<string>): StoreCheck {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  const problems: string[] = [];
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") problems.push(`integrity_check: ${String(integrity)}`);
    const keys = db.prepare("select key, count(*) as n from articles group by key").all() as {
      key: string;
      n: number;
    }[];
    for (const { key, n } of keys) {
      if (n !== 1) problems.push(`${key} stored ${n} times`);
      if (!expectedKeys.has(key)) problems.push(`${key} stored but not in the input`);
    }
    const stored = new Set(keys.map((k) => k.key));
    const missing = [...expectedKeys].filter((k) => !stored.has(k));
    if (missing.length) problems.push(`${missing.length} articles missing, e.g. ${missing[0]}`);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const orphans = count(
      "select count(*) as n from articles a left join stories s on s.id = a.story_id where s.id is null",
    );
    if (orphans) problems.push(`${orphans} articles in no story`);
    const mismatched = db
      .prepare(
        `select s.id, s.article_count, s.copy_count, s.version, r.version as report_version,
                (select count(*) from articles a where a.story_id = s.id) as articles,
                (select count(*) from articles a where a.story_id = s.id and a.copy_of is not null) as copies
         from stories s left join story_reports r on r.story_id = s.id`,
      )
      .all() as Record<string, number | null>[];
    for (const s of mismatched) {
      if (s.article_count !== s.articles || s.copy_count !== s.copies || s.version !== s.articles) {
        problems.push(
          `story ${s.id}: counts ${s.article_count}/${s.copy_count} v${s.version}, holds ${s.articles}/${s.copies}`,
        );
      }
      if (s.report_version !== s.version)
        problems.push(`story ${s.id}: report v${s.report_version ?? "none"} of v${s.version}`);
    }
    const pending = count("select count(*) as n from pending_stories");
    if (pending) problems.push(`${pending} stories still wait for analysis`);
    const articles = count("select count(*) as n from articles");
    const documents = count("select documents as n from cluster_meta");
    const signatures = count("select count(*) as n from cluster_signatures");
    const fts = count("select count(*) as n from articles_fts");
    if (documents !== articles) problems.push(`clusterer counted ${documents} documents for ${articles} articles`);
    if (signatures !== articles) problems.push(`${signatures} signatures for ${articles} articles`);
    if (fts !== articles) problems.push(`${fts} indexed texts for ${articles} articles`);
    return { articles, stories: mismatched.length, problems };
  } finally {
    db.close();
  }
}
