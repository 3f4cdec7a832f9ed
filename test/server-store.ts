import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article } from "../src/model/index.js";
import { identityOf } from "../src/newsroom/identity.js";
import { createIngest } from "../src/server/ingest.js";
import { openStore, type Store } from "../src/store/index.js";

/** A new SQLite store in a temporary folder. */
export async function tempStore(): Promise<Store> {
  return openStore(join(mkdtempSync(join(tmpdir(), "triangulate-serve-")), "test.db"));
}

/**
 * Ingests each group of articles through the server's ingest path (stored, clustered, analysed) and
 * returns the story each group ended in. Fails when the clusterer split a group or merged two: the tests
 * that use it need one story per group.
 */
export async function storeStories(store: Store, groups: Article[][]): Promise<number[]> {
  const ids: number[] = [];
  const ingest = createIngest();
  for (const group of groups) {
    await ingest(
      store,
      group.map((article) => ({ page: { kind: "article", article, extractor: "structure" } })),
    );
    const stories = new Set<number | null | undefined>();
    for (const article of group) stories.add((await store.articleByKey(identityOf(article).key))?.storyId);
    const [id] = [...stories];
    if (stories.size !== 1 || typeof id !== "number" || ids.includes(id)) {
      throw new Error(`fixture: a group of ${group.length} articles went to stories ${[...stories].join(", ")}`);
    }
    ids.push(id);
  }
  return ids;
}
