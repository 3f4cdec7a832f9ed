import { createRequire } from "node:module";
import { cutBlocks } from "./content.js";
import { parseHtmlTree } from "./tree.js";

/** What Readability made of a page: its paragraphs and the metadata it found. */
export interface ReadabilityResult {
  paragraphs: string[];
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  language?: string;
}

type ReadabilityModule = typeof import("@mozilla/readability");
type LinkedomModule = typeof import("linkedom");

/**
 * Readability and linkedom take about 200 ms to load and serve only the pages the main extractor cannot
 * read, so they are loaded on first use (synchronously, through their CommonJS builds).
 */
const requireLazily = createRequire(import.meta.url);
let fallback: { Readability: ReadabilityModule["Readability"]; parseHTML: LinkedomModule["parseHTML"] } | undefined;
function loadFallback(): NonNullable<typeof fallback> {
  fallback ??= {
    Readability: (requireLazily("@mozilla/readability") as ReadabilityModule).Readability,
    parseHTML: (requireLazily("linkedom") as LinkedomModule).parseHTML,
  };
  return fallback;
}

/** Elements that never carry text; removing them first makes linkedom's DOM, and so Readability, much cheaper. */
const INERT = /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<svg\b[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;

/**
 * Runs @mozilla/readability over a linkedom DOM of the page: the second opinion when the page's own structure
 * gives too little. Returns undefined when Readability finds no article.
 *
 * @example readWithReadability(html)?.paragraphs
 */
export function readWithReadability(
  html: string,
  options: { keepScripts?: boolean } = {},
): ReadabilityResult | undefined {
  const source = options.keepScripts ? html : keepJsonLd(html);
  let parsed: ReturnType<import("@mozilla/readability").Readability<string>["parse"]>;
  try {
    const { Readability, parseHTML } = loadFallback();
    const { document } = parseHTML(source);
    parsed = new Readability(document as unknown as Document).parse();
  } catch {
    return undefined;
  }
  if (!parsed?.content) return undefined;
  const tree = parseHtmlTree(parsed.content);
  const paragraphs: string[] = [];
  for (const block of cutBlocks(tree.root)) if (!block.furniture) paragraphs.push(block.text);
  const out: ReadabilityResult = { paragraphs };
  if (parsed.title) out.title = parsed.title;
  if (parsed.byline) out.byline = parsed.byline;
  if (parsed.siteName) out.siteName = parsed.siteName;
  if (parsed.publishedTime) out.publishedTime = parsed.publishedTime;
  if (parsed.lang) out.language = parsed.lang;
  return out;
}

/** Strips scripts, styles and comments but keeps JSON-LD, which Readability reads for metadata. */
function keepJsonLd(html: string): string {
  return html.replace(INERT, (m) => (/^<script[^>]+ld\+json/i.test(m) ? m : ""));
}
