import type { Article, ReportCopy, StoryReport } from "../model/index.js";
import type { StoredArticle } from "./types.js";

/** A story's articles with ids unique within it (the first keeps its id, later ones take a suffix). */
export function voicesOf(articles: Article[]): Article[] {
  const used = new Set<string>();
  return articles.map((article) => {
    let id = article.id;
    for (let n = 2; used.has(id); n++) id = `${article.id}-${n}`;
    used.add(id);
    return id === article.id ? article : { ...article, id };
  });
}

/**
 * A stored story's report with its copies named in `provenance.copies`: each copy among `articles` (the
 * story's, as the store lists them) beside the report's article whose text it copies, a copy of a copy
 * followed to the article first copied. The report's articles are {@link voicesOf} the story's articles
 * that are no copies, in the store's order: that is how a stored article's id in the report is found. A copy
 * whose original is not one of the report's articles is left out. A story without copies keeps its report
 * as it was, without the field.
 *
 * @example withCopies(analyzeStory(voices), await store.storyArticles(storyId)).provenance.copies
 */
export function withCopies(report: StoryReport, articles: readonly StoredArticle[]): StoryReport {
  const originals = articles.filter((a) => a.copyOf === undefined);
  const voices = voicesOf(originals.map((a) => a.article));
  const inReport = new Set(report.articles.map((a) => a.id));
  const reportIdOf = new Map<number, string>();
  originals.forEach((a, i) => {
    const id = voices[i]?.id;
    if (id !== undefined && inReport.has(id)) reportIdOf.set(a.id, id);
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  const copies: ReportCopy[] = [];
  for (const a of articles) {
    if (a.copyOf === undefined) continue;
    let original: StoredArticle | undefined = a;
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
  if (copies.length === 0) return report;
  return { ...report, provenance: { ...report.provenance, copies } };
}
