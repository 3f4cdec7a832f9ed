import type { Article, ReportCopy, StoryReport } from "../model/index.js";
import type { StoredArticle } from "./types.js";

/** A story's articles with ids unique within it (the first keeps its id, later ones take a suffix). */
export function voicesOf<T extends Pick<Article, "id">>(articles: T[]): T[] {
  const used = new Set<string>();
  return articles.map((article) => {
    let id = article.id;
    for (let n = 2; used.has(id); n++) id = `${article.id}-${n}`;
    used.add(id);
    return id === article.id ? article : { ...article, id };
  });
}

/** What {@link withStoreLinks} reads of a stored article. */
export type LinkedStoredArticle = Pick<StoredArticle, "id" | "copyOf" | "url"> & {
  article: Pick<Article, "id" | "outlet" | "title" | "published">;
};

/**
 * A stored story's report linked to the store: each of its articles with its id in the store (`storeId`, where
 * it is served), and its copies named in `provenance.copies`, each copy among `articles` (the story's, as the
 * store lists them) beside the report's article whose text it copies, a copy of a copy followed to the article
 * first copied. The report's articles are {@link voicesOf} the story's articles that are no copies, in the
 * store's order: that is how a stored article's id in the report is found. A copy whose original is not one of
 * the report's articles is left out; a story without copies gets no `copies` field. A report already linked
 * is returned as it is.
 *
 * @example withStoreLinks(analyzeStory(voices), await store.storyArticles(storyId)).provenance.copies
 */
export function withStoreLinks(report: StoryReport, articles: readonly LinkedStoredArticle[]): StoryReport {
  const originals = articles.filter((a) => a.copyOf === undefined);
  const voices = voicesOf(originals.map((a) => a.article));
  const inReport = new Set(report.articles.map((a) => a.id));
  const reportIdOf = new Map<number, string>();
  const storeIdOf = new Map<string, number>();
  originals.forEach((a, i) => {
    const id = voices[i]?.id;
    if (id === undefined || !inReport.has(id)) return;
    reportIdOf.set(a.id, id);
    storeIdOf.set(id, a.id);
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  const copies: ReportCopy[] = [];
  for (const a of articles) {
    if (a.copyOf === undefined) continue;
    let original: LinkedStoredArticle | undefined = a;
    const seen = new Set<number>();
    while (original?.copyOf !== undefined && !seen.has(original.id)) {
      seen.add(original.id);
      original = byId.get(original.copyOf);
    }
    const article = original && original.copyOf === undefined ? reportIdOf.get(original.id) : undefined;
    if (article === undefined) continue;
    const { id, outlet, title, published } = a.article;
    copies.push({
      article,
      copy: {
        id,
        storeId: a.id,
        ...(outlet ? { outlet } : {}),
        ...(title ? { title } : {}),
        ...(published ? { published } : {}),
        ...(a.url ? { url: a.url } : {}),
      },
    });
  }
  const linked = report.articles.map((a) => {
    const storeId = storeIdOf.get(a.id);
    return storeId === undefined || a.storeId === storeId ? a : { ...a, storeId };
  });
  const changedArticles = linked.some((a, i) => a !== report.articles[i]);
  const changedCopies = copies.length > 0 && JSON.stringify(copies) !== JSON.stringify(report.provenance.copies ?? []);
  if (!changedArticles && !changedCopies) return report;
  return {
    ...report,
    articles: linked,
    ...(changedCopies ? { provenance: { ...report.provenance, copies } } : {}),
  };
}
