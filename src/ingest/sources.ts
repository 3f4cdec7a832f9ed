import { readdir, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import type { ReadProblem } from "./files.js";

/** The names of files a folder is searched for: every format the readers take, by its usual extension. */
const ARTICLE_FILE = /\.(?:txt|text|html?|xhtml|xml|rss|atom|jsonl|ndjson|warc)(?:\.gz)?$/i;

/** What a command line's sources stand for: the files, URLs and `-` to read, in order. */
export interface ExpandedSources {
  inputs: string[];
  /** Sources that name nothing: a pattern that matches no file. */
  problems: ReadProblem[];
  /** Files inside the given folders passed over because their names are not those of article files. */
  passedOver: number;
}

/**
 * Expands a command line's sources: a folder stands for the article files inside it and its subfolders (by
 * name: .txt, .html, .jsonl, .warc, feeds, also gzipped; hidden files and others, such as a README.md, are
 * passed over), a pattern with `*`, `?`, `**` or `[...]` that is not itself a file stands for the files it
 * matches; URLs, `-` (standard input) and everything else stay as they are, in order, each once.
 *
 * @example await expandSources(["news/", "crawl/*.warc.gz", "-"])
 */
export async function expandSources(sources: string[]): Promise<ExpandedSources> {
  const inputs: string[] = [];
  const problems: ReadProblem[] = [];
  const seen = new Set<string>();
  const add = (input: string) => {
    if (!seen.has(input)) {
      seen.add(input);
      inputs.push(input);
    }
  };
  let passedOver = 0;
  for (const source of sources) {
    if (source === "-" || /^https?:\/\//i.test(source)) {
      add(source);
      continue;
    }
    const info = await stat(source).catch(() => undefined);
    if (info?.isDirectory()) {
      const { files, others } = await walk(source);
      passedOver += others;
      files.forEach(add);
    } else if (!info && /[*?[]/.test(source)) {
      const matches = await glob(source);
      if (matches.length === 0) {
        // A name with brackets alone is as likely a missing file ("scan[1].txt") as a pattern.
        const message = /[*?]/.test(source)
          ? "no file matches this pattern"
          : "no such file, nor any file matching it as a pattern";
        problems.push({ source, code: "NOT_FOUND", message });
      }
      matches.forEach(add);
    } else {
      add(source);
    }
  }
  return { inputs, problems, passedOver };
}

/** The article files under a folder, in name order, folders before the files after them by path. */
async function walk(folder: string): Promise<{ files: string[]; others: number }> {
  const files: string[] = [];
  let others = 0;
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const inner = await walk(path);
      files.push(...inner.files);
      others += inner.others;
    } else if (entry.isFile() && ARTICLE_FILE.test(entry.name)) {
      files.push(path);
    } else {
      others++;
    }
  }
  return { files, others };
}

/** The files a pattern matches, in path order: `*` and `?` within a name, `**` across folders, `[...]` a class. */
async function glob(pattern: string): Promise<string[]> {
  const absolute = pattern.startsWith("/");
  const parts = pattern.split(/[\\/]+/).filter((p, i) => p.length > 0 || i === 0);
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?[]/.test(parts[0] as string)) fixed.push(parts.shift() as string);
  const root = fixed.length ? fixed.join(sep) || sep : absolute ? sep : ".";
  const out: string[] = [];
  await matchParts(root, parts, out, fixed.length === 0 && !absolute);
  return out.sort();
}

async function matchParts(dir: string, parts: string[], out: string[], relative: boolean): Promise<void> {
  const [head, ...rest] = parts;
  if (head === undefined) return;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const path = (name: string) => (relative && dir === "." ? name : join(dir, name));
  if (head === "**") {
    await matchParts(dir, rest, out, relative);
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith(".")) await matchParts(path(e.name), parts, out, relative);
    }
    return;
  }
  const re = segmentPattern(head);
  for (const e of entries) {
    if (!re.test(e.name) || (e.name.startsWith(".") && !head.startsWith("."))) continue;
    if (rest.length === 0) {
      if (e.isFile()) out.push(path(e.name));
    } else if (e.isDirectory()) {
      await matchParts(path(e.name), rest, out, relative);
    }
  }
}

function segmentPattern(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        const body = segment
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
