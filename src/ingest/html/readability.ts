import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
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

/** Elements that never carry text; removing them first makes linkedom's DOM, and so Readability, much cheaper. */
const INERT = /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<svg\b[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;

/**
 * Runs @mozilla/readability over a linkedom DOM of the page: the second opinion when the page's own structure
 * gives too little. Returns undefined when Readability finds no article.
 *
 * @example readWithReadability(html)?.paragraphs
 */
export function readWithReadability(html: string, options: { keepScripts?: boolean } = {}): ReadabilityResult | undefined {
  const source = options.keepScripts ? html : keepJsonLd(html);
  let parsed: ReturnType<Readability<string>["parse"]>;
  try {
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
