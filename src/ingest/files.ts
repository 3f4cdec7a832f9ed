import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { type Article, TriangulateError } from "../model/index.js";
import { decodeText } from "./decode.js";
import { readTextArticle } from "./text.js";

/** A file that could not be read, and why, in one line. */
export interface ReadProblem {
  source: string;
  code: string;
  message: string;
}

export interface ReadResult {
  articles: Article[];
  problems: ReadProblem[];
}

/**
 * Reads article files; a file that cannot be read is reported as a problem and skipped, the rest go on.
 * Ids are file names without their extension, made unique with a suffix when two files share a name.
 *
 * @example const { articles, problems } = await readArticleFiles(["a.txt", "b.txt"]);
 */
export async function readArticleFiles(paths: string[]): Promise<ReadResult> {
  const articles: Article[] = [];
  const problems: ReadProblem[] = [];
  const used = new Set<string>();
  for (const path of paths) {
    try {
      const article = await readArticleFile(path);
      let id = article.id;
      for (let n = 2; used.has(id); n++) id = `${article.id}-${n}`;
      used.add(id);
      articles.push({ ...article, id });
    } catch (err) {
      if (!(err instanceof TriangulateError)) throw err;
      problems.push({ source: path, code: err.code, message: err.message });
    }
  }
  return { articles, problems };
}

async function readArticleFile(path: string): Promise<Article> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new TriangulateError("NOT_FOUND", "no such file", { subject: path, cause });
  }
  if (info.isDirectory()) {
    throw new TriangulateError("IS_DIRECTORY", "is a directory; pass the files in it (for example dir/*.txt)", {
      subject: path,
    });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new TriangulateError("UNREADABLE", `cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"})`, {
      subject: path,
      cause,
    });
  }
  const { text } = decodeText(bytes, path);
  const id = basename(path, extname(path));
  const article = readTextArticle({ id, source: path, text });
  if (article.text.length === 0) {
    throw new TriangulateError("EMPTY", "has no article text once metadata and boilerplate are removed", {
      subject: path,
    });
  }
  return article;
}
