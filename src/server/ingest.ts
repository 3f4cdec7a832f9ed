import type { IngestItem } from "../ingest/index.js";
import { identityOf } from "../newsroom/identity.js";
import type { Store } from "../store/index.js";
import type { IngestArticles } from "./app.js";
import type { PostedArticle } from "./posted.js";

/**
 * The server's ingest path: posted articles go through the newsroom's `ingestItems` (stored by identity,
 * placed by the online clusterer, their stories analysed again), one request at a time so that writes
 * from several clients do not interleave their batches. Each call makes a path with its own queue.
 *
 * @example createApp({ store, token, ingest: createIngest() })
 */
export function createIngest(): IngestArticles {
  let queue: Promise<unknown> = Promise.resolve();
  return (store, articles) => {
    const run = queue.then(() => ingestNow(store, articles));
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

async function ingestNow(store: Store, articles: PostedArticle[]) {
  const [{ ingestItems }, { OnlineClusterer }] = await Promise.all([
    import("../newsroom/ingest.js"),
    import("../cluster/clusterer.js"),
  ]);
  async function* items(): AsyncIterable<IngestItem> {
    for (const { page } of articles) {
      yield {
        kind: "article",
        article: page.article,
        ...(page.url ? { url: page.url } : {}),
        ...(page.language ? { language: page.language } : {}),
      };
    }
  }
  const summary = await ingestItems(store, items(), { assigner: (index) => new OnlineClusterer(index) });
  const stories = new Set<number>();
  for (const { page } of articles) {
    const stored = await store.articleByKey(identityOf(page.article, page.url).key);
    if (stored?.storyId !== null && stored?.storyId !== undefined) stories.add(stored.storyId);
  }
  return { added: summary.added, duplicates: summary.alreadyStored, stories: [...stories].sort((a, b) => a - b) };
}
