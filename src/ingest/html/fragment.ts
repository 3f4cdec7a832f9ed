import { boilerplateRule } from "../boilerplate.js";
import { countWords } from "../words.js";
import { cutBlocks } from "./content.js";
import { parseHtmlTree } from "./tree.js";

/** Lines longer than this are reporting even when a boilerplate rule's words occur in them. */
const BOILERPLATE_MAX_WORDS = 40;

/**
 * The text of an HTML fragment that is all article (a feed item's content, a JSON Lines record's `html`):
 * every block in order, without captions and other furniture, boilerplate lines removed and listed.
 *
 * @example fragmentText("<p>One.</p><p>Share this article</p>") // { paragraphs: ["One."], removed: ["Share this article"] }
 */
export function fragmentText(html: string): { paragraphs: string[]; removed: string[] } {
  const tree = parseHtmlTree(html);
  const paragraphs: string[] = [];
  const removed: string[] = [];
  for (const block of cutBlocks(tree.root)) {
    if (block.furniture) continue;
    const lines = block.text.split("\n").filter((line) => {
      if (countWords(line) > BOILERPLATE_MAX_WORDS || !boilerplateRule(line)) return true;
      removed.push(line);
      return false;
    });
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
  }
  return { paragraphs, removed };
}
