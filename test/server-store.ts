import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article } from "../src/model/index.js";
import { analyzeStory } from "../src/pipeline.js";
import { openStore, type Store } from "../src/store/index.js";

/** A new SQLite store in a temporary folder. */
export async function tempStore(): Promise<Store> {
  return openStore(join(mkdtempSync(join(tmpdir(), "triangulate-serve-")), "test.db"));
}

/**
 * Stores each group of articles as one story through the store's own interface (add, place, report),
 * the way the ingest path does, and returns the stories' ids in order.
 */
export async function storeStories(
  store: Store,
  groups: Article[][],
  at = "2031-05-01T00:00:00.000Z",
): Promise<number[]> {
  const ids: number[] = [];
  for (const articles of groups) {
    const storyId = await store.transaction(async (tx) => {
      let story: number | undefined;
      for (const article of articles) {
        const hash = createHash("sha256")
          .update(article.outlet ?? "")
          .update("\n")
          .update(article.text)
          .digest("hex");
        const id = await tx.addArticle({ key: `hash:${hash}`, contentHash: hash, article, ingestedAt: at });
        await tx.placeArticle(id, { storyId: story ?? id, isNew: story === undefined, at });
        story ??= id;
      }
      if (story === undefined) throw new Error("an empty story");
      return story;
    });
    const version = (await store.story(storyId))?.version ?? 0;
    await store.saveReport(storyId, version, analyzeStory(articles), at);
    ids.push(storyId);
  }
  return ids;
}
