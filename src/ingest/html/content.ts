import { countWords as wordCount } from "../words.js";
import { BLOCK_TAGS, descendants, type HtmlElement, type HtmlNode, type HtmlTree } from "./tree.js";

/**
 * Main-text extraction over the compact tree. The page is cut into blocks of text (one per paragraph, list
 * item, heading, cell); page furniture (navigation, asides, share and comment boxes, captions) is set
 * aside by tag, role and class; every element is scored by the prose it holds minus the link lists and
 * fragments it would drag in, and the best element's blocks are the article.
 */

/** A run of text between two block boundaries. */
export interface TextBlock {
  text: string;
  /** Characters of the text that are inside links. */
  linkChars: number;
  /** The nearest block-level element holding the text. */
  owner: HtmlElement;
  /** Heading level 1–6, 0 for other blocks. */
  heading: number;
  /** Why the block is page furniture, when it is. */
  furniture?: string;
  /** Index of the table row the block is a cell of, so cells of one row stay on one line. */
  row?: HtmlElement;
  /** Whether the block follows a headline link, as a teaser of another page does. */
  teaser?: boolean;
  /** The picture just before the block in reading order, with no text between them. */
  afterImage?: HtmlElement;
}

/** What main-text extraction found. */
export interface ContentResult {
  /** The article's paragraphs in reading order. */
  paragraphs: string[];
  /** Short furniture lines that were inside the article's container (share lines, captions), in order. */
  removed: string[];
  /** Characters of prose (long, link-poor blocks) in the chosen container. */
  proseChars: number;
  /** Characters of prose in the whole page. */
  pageProseChars: number;
  /** Share of the page's visible text that is link text. */
  pageLinkDensity: number;
  /** How many separate prose blocks the container has. */
  proseBlocks: number;
  /** The chosen container's tag, id and class, for diagnostics. */
  container: string;
  /** Every block of the page, furniture included, in reading order (metadata is looked for near the title). */
  blocks: TextBlock[];
}

/** Options for {@link extractContent}. */
export interface ContentOptions {
  /** The page's title: a heading that repeats it is not part of the text. */
  title?: string;
}

/** Tags whose whole subtree is page furniture rather than article text. */
const FURNITURE_TAGS = new Set([
  "nav",
  "aside",
  "footer",
  "menu",
  "dialog",
  "figcaption",
  "label",
  "option",
  "form",
  "fieldset",
]);

/**
 * Furniture that may hold the article's standfirst: a `<header>` inside an article carries the title and
 * byline but also the lead paragraph. Prose under it is kept, fragments are not.
 */
const SOFT_FURNITURE = new Set(["header"]);

/** Class names that tag a post with its taxonomy or state (WordPress and others) rather than describe a box. */
const TAXONOMY_CLASS =
  /^(?:category|tag|format|status|type|postid|post-id|has|is|with|no|single|page|template|lang|js|term|section|topic|ressort|rubrik)[-_]/i;

/** ARIA roles of page furniture. */
const FURNITURE_ROLES =
  /^(?:navigation|menu|menubar|complementary|banner|contentinfo|search|dialog|alertdialog|tooltip|toolbar|tablist)$/i;

/**
 * Words that name page furniture when they are a whole component of a class or id ("share-bar",
 * "relatedArticles", "comment_list"). Whole components, so "shareholder" or "commentary" are not caught.
 */
const FURNITURE_WORDS = new Set(
  [
    "ad ads adv advert adverts advertisement advertising anzeige anzeigen werbung banner banners sponsor sponsored",
    "breadcrumb breadcrumbs crumbs nav navbar navigation topnav subnav menu menus submenu skiplink skip",
    "comment comments commentlist commentlists comentarios kommentare commentaires disqus replies reply respond",
    "cookie cookies consent gdpr privacy-banner footer header masthead sidebar sidebars widget widgets",
    "related recommended recommendations recommendation popular trending mostread most-read morelinks",
    "share shares sharing sharebar sharetools social socialmedia socials follow",
    "promo promos promotion newsletter subscribe subscription signup login paywall",
    "modal popup overlay pagination pager tags tagcloud taglist tagged keywords categories category",
    "toolbar outbrain taboola caption captions credit credits byline bylines author authors authorbox",
    "meta postmeta entrymeta metadata postmetadata entryfooter postfooter articlefooter date dateline timestamp",
    "published posted datum relatedposts relatedarticles relatedlinks sharebuttons socialshare shariff addthis",
    "bio bios authorbio minibio affiliate disclaimer cta notice appendix license licence nextstory postnav navlinks",
    "morestories readmore feedback rating ratings reviews reactions login register signin ticker",
  ]
    .join(" ")
    .split(/\s+/),
);

/** Components that mark an element as the article's own container. */
const CONTENT_WORDS = new Set(
  "article articlebody body content contents entry entrycontent post postbody postcontent story storybody text main maincontent blogpost hentry prose richtext".split(
    " ",
  ),
);

/** A block with fewer words than this is a fragment (a label, a date, a link) rather than prose. */
const PROSE_MIN_WORDS = 10;
/** Blocks whose text is more than this share link text are link lists, whatever their length. */
const LINK_LIST_DENSITY = 0.5;
/** Prose may hold some links; above this share its score is discounted in proportion. */
const PROSE_MAX_LINK_DENSITY = 0.33;
/**
 * How hard link text counts against a container: its prose is multiplied by (1 - link density) to this
 * power, so a wrapper that adds a sidebar's links pays for them while an article with a few links does not.
 */
const LINK_PENALTY_POWER = 2;
/** Bonus for elements marked as the article by class, id or itemprop; tie-breaker among near equals. */
const CONTENT_MARK_BONUS = 1.25;
/** Share of a lone paragraph's score its parent needs to be taken instead. */
const SINGLE_BLOCK_PARENT_SHARE = 0.5;
/** Comment sections may hold more prose than the article they follow; that never makes them the article. */
const COMMENT_REASONS = new Set([
  "comment",
  "comments",
  "commentlist",
  "commentlists",
  "comentarios",
  "kommentare",
  "commentaires",
  "disqus",
  "replies",
  "reply",
  "respond",
]);
/** A furniture-marked element holding more than this share of the page's prose is the page's wrapper, not furniture. */
const WRAPPER_PROSE_SHARE = 0.6;

/**
 * Extracts the main text of a page from its tree.
 *
 * @example extractContent(parseHtmlTree(html), { title: "Fire at the port" }).paragraphs
 */
export function extractContent(tree: HtmlTree, options: ContentOptions = {}): ContentResult {
  const body = findBody(tree.root);
  const blocks = cutBlocks(body);
  markCaptions(blocks);
  markTeasers(blocks);
  const proseOf = new Map<HtmlElement, number>();
  const charsOf = new Map<HtmlElement, number>();
  const linksOf = new Map<HtmlElement, number>();
  let pageProse = 0;
  let pageChars = 0;
  let pageLinks = 0;

  // Furniture verdicts are revisited once the page's prose is known: a mislabelled wrapper is kept.
  const rawProse = new Map<HtmlElement, number>();
  for (const block of blocks) {
    const weight = proseWeight(block);
    if (weight > 0) addUp(rawProse, block.owner, weight);
  }
  const totalRawProse = sumOfRoots(rawProse, body);
  for (const block of blocks) {
    if (block.furniture && !COMMENT_REASONS.has(block.furniture) && isWrapper(block, rawProse, totalRawProse))
      delete block.furniture;
    else if (block.furniture && isSoft(block.furniture) && proseWeight(block) > 0) delete block.furniture;
  }

  for (const block of blocks) {
    const chars = block.text.length;
    pageChars += chars;
    pageLinks += block.linkChars;
    if (block.furniture) continue;
    pageProse += proseWeight(block);
    const weight = containerWeight(block);
    if (weight > 0) addUp(proseOf, block.owner, weight);
    addUp(charsOf, block.owner, chars);
    addUp(linksOf, block.owner, block.linkChars);
  }

  let best: HtmlElement = body;
  let bestScore = Number.NEGATIVE_INFINITY;
  const scoreOf = (element: HtmlElement) => {
    const prose = proseOf.get(element) ?? 0;
    const density = (linksOf.get(element) ?? 0) / Math.max(1, charsOf.get(element) ?? 0);
    return prose * (1 - density) ** LINK_PENALTY_POWER * (isContentMarked(element) ? CONTENT_MARK_BONUS : 1);
  };
  for (const element of proseOf.keys()) {
    const score = scoreOf(element);
    if (score > bestScore) {
      bestScore = score;
      best = element;
    }
  }
  // One paragraph is not an article: when it wins because its siblings share their container with links,
  // the container is taken if it scores at least half as well.
  if (best !== body && best.parent) {
    const prose = blocks.filter((b) => containerWeight(b) > 0 && isInside(b.owner, best)).length;
    if (prose === 1 && scoreOf(best.parent) >= SINGLE_BLOCK_PARENT_SHARE * bestScore) best = best.parent;
  }

  const paragraphs: string[] = [];
  const removed: string[] = [];
  let proseChars = 0;
  let proseBlocks = 0;
  const title = options.title ? squash(options.title) : undefined;
  let line = "";
  let lineRow: HtmlElement | undefined;
  let lineCell: HtmlElement | undefined;
  const flush = () => {
    if (line) paragraphs.push(line);
    line = "";
    lineRow = undefined;
    lineCell = undefined;
  };
  const inside = blocks.filter((b) => isInside(b.owner, best));
  const keep = inside.map((block) => {
    if (block.furniture) return false;
    const density = block.linkChars / Math.max(1, block.text.length);
    if (density > LINK_LIST_DENSITY && wordCount(block.text) < 3 * PROSE_MIN_WORDS) return false;
    return !(block.heading > 0 && title && squash(block.text) === title);
  });
  dropTrailingLinks(inside, keep);
  // A heading over nothing but links and furniture titles a "related" box, not a section of the article.
  for (let i = 0; i < inside.length; i++) {
    if (!keep[i] || (inside[i] as TextBlock).heading === 0) continue;
    let j = i + 1;
    while (j < inside.length && (inside[j] as TextBlock).heading === 0 && !keep[j]) j++;
    if (j === inside.length || (j > i + 1 && (inside[j] as TextBlock).heading > 0)) keep[i] = false;
  }
  inside.forEach((block, i) => {
    if (!keep[i]) {
      if (block.furniture && block.text.length <= 200) removed.push(block.text);
      return;
    }
    const weight = proseWeight(block);
    if (weight > 0) {
      proseChars += weight;
      proseBlocks++;
    }
    // Cells of one table row read as one line; blocks within one cell stay paragraphs.
    const cell = block.row && (block.owner.tag === "td" || block.owner.tag === "th") ? block.owner : undefined;
    if (cell && block.row === lineRow && cell !== lineCell) {
      line += ` ${block.text}`;
      lineCell = cell;
      return;
    }
    flush();
    line = block.text;
    lineRow = cell ? block.row : undefined;
    lineCell = cell;
  });
  flush();

  return {
    paragraphs,
    removed,
    proseChars,
    pageProseChars: pageProse,
    pageLinkDensity: pageChars > 0 ? pageLinks / pageChars : 0,
    proseBlocks,
    container: describe(best),
    blocks,
  };
}

/** What a link list's characters cost against the prose after it (see {@link dropTrailingLinks}). */
const TRAILING_LINK_COST = 0.5;

/** A caption is short: a line or two under the picture. */
const CAPTION_MAX_WORDS = 50;
/** Text of the picture's holder beyond its caption's, in characters, that makes it more than a figure. */
const CAPTION_SLACK = 20;

/**
 * Marks as captions the short blocks that come straight after a picture and share with it a holder that has
 * no other text: the `<p><img><br><em>Figure 4: …</em></p>` or `<div><div><img></div><p><small>Photo: …</small></p></div>`
 * that pages use instead of `<figure>`. A lead paragraph under a picture shares its holder with the rest of
 * the article, so it is no caption.
 */
function markCaptions(blocks: TextBlock[]): void {
  const chars = new Map<HtmlElement, number>();
  for (const block of blocks) if (block.afterImage) addUp(chars, block.owner, 0);
  if (chars.size === 0) return;
  for (const block of blocks) {
    for (let e: HtmlElement | undefined = block.owner; e; e = e.parent)
      if (chars.has(e)) chars.set(e, (chars.get(e) ?? 0) + block.text.length);
  }
  for (const block of blocks) {
    const image = block.afterImage;
    if (!image || block.furniture || block.heading > 0 || wordCount(block.text) > CAPTION_MAX_WORDS) continue;
    // An icon before a link is a link list's bullet; link lists already count against their container.
    if (block.linkChars > block.text.length * LINK_LIST_DENSITY) continue;
    const holder = commonAncestor(image, block.owner);
    if (holder && (chars.get(holder) ?? Number.POSITIVE_INFINITY) <= block.text.length + CAPTION_SLACK)
      block.furniture = "caption";
  }
}

function commonAncestor(a: HtmlElement, b: HtmlElement): HtmlElement | undefined {
  const above = new Set<HtmlElement>();
  for (let x: HtmlElement | undefined = a; x; x = x.parent) above.add(x);
  for (let x: HtmlElement | undefined = b; x; x = x.parent) if (above.has(x)) return x;
  return undefined;
}

/**
 * Cuts the container's tail where link lists outweigh the prose that follows them: teasers and headlines
 * after the article (a "more headlines" box that holds summaries as well as links) sit in the same
 * container as the article on many pages. Reading on, prose adds its characters and each link list takes
 * away {@link TRAILING_LINK_COST} of its characters; the text ends where that running sum is highest.
 */
function dropTrailingLinks(inside: TextBlock[], keep: boolean[]): void {
  const value = inside.map((b, i) => {
    if (keep[i]) return proseWeight(b);
    if (b.linkChars <= b.text.length * LINK_LIST_DENSITY) return 0;
    return -TRAILING_LINK_COST * b.text.length;
  });
  let sum = 0;
  let best = 0;
  let end = -1;
  for (let i = 0; i < value.length; i++) {
    sum += value[i] as number;
    if (sum > best) {
      best = sum;
      end = i;
    }
  }
  if (end < 0) return;
  while (end < value.length - 1 && (value[end + 1] as number) >= 0) end++;
  for (let i = end + 1; i < keep.length; i++) keep[i] = false;
}

/** A headline link: a block that is all link (at least this share), of headline length. */
const HEADLINE_LINK_SHARE = 0.9;
const HEADLINE_MIN_WORDS = 4;
const HEADLINE_MAX_WORDS = 20;

/**
 * Marks teasers: blocks that come straight after a headline link, as summaries of other pages do in
 * "more headlines" lists. Teasers count for nothing when the container is chosen, so a wrapper holding the
 * article and a list of teasers does not outscore the article's own element. Headline links inside page
 * furniture (a related box in the article) do not make the next paragraph a teaser.
 */
function markTeasers(blocks: TextBlock[]): void {
  for (let i = 1; i < blocks.length; i++) {
    const prev = blocks[i - 1] as TextBlock;
    if (prev.furniture || prev.linkChars < prev.text.length * HEADLINE_LINK_SHARE) continue;
    const words = wordCount(prev.text);
    if (words >= HEADLINE_MIN_WORDS && words <= HEADLINE_MAX_WORDS) (blocks[i] as TextBlock).teaser = true;
  }
}

function findBody(root: HtmlElement): HtmlElement {
  for (const e of descendants(root)) if (e.tag === "body") return e;
  return root;
}

/** Prose characters a block contributes: long, sentence-like, link-poor text; 0 for fragments. */
/** {@link proseWeight} for choosing the container: a teaser after a headline link counts for nothing. */
function containerWeight(block: TextBlock): number {
  return block.teaser ? 0 : proseWeight(block);
}

function proseWeight(block: TextBlock): number {
  if (block.heading > 0) return 0;
  const words = wordCount(block.text);
  const density = block.linkChars / Math.max(1, block.text.length);
  if (words < PROSE_MIN_WORDS || density > LINK_LIST_DENSITY) return 0;
  const chars = block.text.length - block.linkChars;
  return density > PROSE_MAX_LINK_DENSITY ? chars * (1 - density) : chars;
}

function addUp(totals: Map<HtmlElement, number>, from: HtmlElement, amount: number): void {
  for (let e: HtmlElement | undefined = from; e; e = e.parent) totals.set(e, (totals.get(e) ?? 0) + amount);
}

function sumOfRoots(totals: Map<HtmlElement, number>, body: HtmlElement): number {
  return totals.get(body) ?? 0;
}

/** True when the furniture verdict on one of the block's ancestors hides most of the page's prose. */
function isWrapper(block: TextBlock, prose: Map<HtmlElement, number>, total: number): boolean {
  if (total === 0) return false;
  let marked = false;
  for (let e: HtmlElement | undefined = block.owner; e; e = e.parent) {
    if (!furnitureReason(e)) continue;
    if ((prose.get(e) ?? 0) <= WRAPPER_PROSE_SHARE * total) return false;
    marked = true;
  }
  // Furniture marked on an inline element (a credit line in a paragraph) holds no prose: never a wrapper.
  return marked;
}

function isInside(e: HtmlElement, container: HtmlElement): boolean {
  for (let x: HtmlElement | undefined = e; x; x = x.parent) if (x === container) return true;
  return false;
}

/**
 * Cuts the text under `body` into blocks at every block-level boundary and `<br><br>`, in reading order,
 * marking those under page furniture.
 */
export function cutBlocks(body: HtmlElement): TextBlock[] {
  const blocks: TextBlock[] = [];
  let text = "";
  let linkChars = 0;
  let owner = body;
  let furniture: string | undefined;
  let heading = 0;
  let row: HtmlElement | undefined;
  let image: HtmlElement | undefined;
  /** Whether a line or block boundary separates the picture from the text that follows it. */
  let imageApart = false;
  const flush = () => {
    const clean = squash(text);
    if (clean.length === 0) imageApart = true;
    else {
      const ratio = clean.length / Math.max(1, text.length);
      const block: TextBlock = {
        text: clean,
        linkChars: Math.min(clean.length, Math.round(linkChars * ratio)),
        owner,
        heading,
      };
      if (furniture) block.furniture = furniture;
      if (row) block.row = row;
      if (image && imageApart) block.afterImage = image;
      image = undefined;
      blocks.push(block);
    }
    text = "";
    linkChars = 0;
  };

  interface Frame {
    node: HtmlNode;
    furniture: string | undefined;
    inLink: boolean;
    heading: number;
    row: HtmlElement | undefined;
    exit?: HtmlElement;
  }
  const stack: Frame[] = [];
  for (let i = body.children.length - 1; i >= 0; i--) {
    stack.push({ node: body.children[i] as HtmlNode, furniture: undefined, inLink: false, heading: 0, row: undefined });
  }
  let lastBr = false;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.exit) {
      flush();
      owner = nearestBlock(frame.exit.parent ?? body, body);
      continue;
    }
    const node = frame.node;
    if (typeof node === "string") {
      if (furniture !== frame.furniture || heading !== frame.heading || row !== frame.row) {
        flush();
        furniture = frame.furniture;
        heading = frame.heading;
        row = frame.row;
      }
      text += node;
      if (frame.inLink) linkChars += node.length;
      if (node.trim()) lastBr = false;
      continue;
    }
    if (node.tag === "br") {
      if (!text.trim()) imageApart = true;
      if (lastBr) flush();
      else text += "\n";
      lastBr = true;
      continue;
    }
    if (node.tag === "img") {
      // A picture before any text of the block may be captioned by it; one inside running text is an icon.
      image = text.trim() ? undefined : node;
      imageApart = false;
      continue;
    }
    if (node.tag === "hr" || node.tag === "input" || node.tag === "link" || node.tag === "meta") {
      if (node.tag === "hr") flush();
      continue;
    }
    const reason = frame.furniture ?? furnitureReason(node);
    const isBlock = BLOCK_TAGS.has(node.tag);
    const h = /^h[1-6]$/.test(node.tag) ? Number(node.tag[1]) : frame.heading;
    const rowOf = node.tag === "tr" ? node : node.tag === "table" ? undefined : frame.row;
    if (isBlock) {
      flush();
      owner = node;
      furniture = reason;
      heading = h;
      row = rowOf;
      lastBr = false;
      stack.push({ node, furniture: reason, inLink: frame.inLink, heading: h, row: rowOf, exit: node });
    }
    const inLink = frame.inLink || node.tag === "a";
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i] as HtmlNode, furniture: reason, inLink, heading: h, row: rowOf });
    }
  }
  flush();
  return blocks;
}

function nearestBlock(e: HtmlElement, body: HtmlElement): HtmlElement {
  for (let x: HtmlElement | undefined = e; x; x = x.parent) if (x === body || BLOCK_TAGS.has(x.tag)) return x;
  return body;
}

/** Why an element is page furniture, or undefined when it may hold the article. */
export function furnitureReason(e: HtmlElement): string | undefined {
  if (FURNITURE_TAGS.has(e.tag) || SOFT_FURNITURE.has(e.tag)) return e.tag;
  const a = e.attrs;
  if (a.hidden !== undefined || a["aria-hidden"] === "true") return "hidden";
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return "hidden";
  if (a.role && FURNITURE_ROLES.test(a.role)) return `role ${a.role}`;
  if (e.tag === "body" || e.tag === "html" || e.tag === "main" || e.tag === "article") return undefined;
  if (/articlebody|text/i.test(a.itemprop ?? "")) return undefined;
  for (const word of components(`${a.class ?? ""} ${a.id ?? ""}`)) if (FURNITURE_WORDS.has(word)) return word;
  return undefined;
}

/** Furniture whose prose blocks stay in the text (see {@link SOFT_FURNITURE}). */
function isSoft(reason: string): boolean {
  return SOFT_FURNITURE.has(reason);
}

function isContentMarked(e: HtmlElement): boolean {
  if (e.tag === "article" || e.tag === "main") return true;
  if (/articlebody/i.test(e.attrs.itemprop ?? "")) return true;
  for (const word of components(`${e.attrs.class ?? ""} ${e.attrs.id ?? ""}`)) if (CONTENT_WORDS.has(word)) return true;
  return false;
}

/** Words after which the rest of a class name describes neighbours or state, not the element. */
const MODIFIERS = new Set([
  "has",
  "with",
  "without",
  "no",
  "show",
  "hide",
  "hidden",
  "is",
  "enable",
  "enabled",
  "disable",
]);

/** Components of class and id names: split at spaces, hyphens, underscores and camel case, lower-cased. */
function components(names: string): string[] {
  if (names.trim().length === 0) return [];
  const out: string[] = [];
  for (const name of names.split(/\s+/)) {
    if (!name || TAXONOMY_CLASS.test(name)) continue;
    const parts = name.replace(/([a-z])([A-Z])/g, "$1 $2").split(/[\s_-]+|\d+/);
    let modified = false;
    for (const part of parts) {
      const word = part.toLowerCase();
      // "has-ads", "with-sidebar", "no-comments": a modifier saying what is nearby, not what this is.
      if (MODIFIERS.has(word)) {
        modified = true;
        break;
      }
      if (word) out.push(word);
    }
    if (!modified) out.push(name.toLowerCase().replace(/[-_]/g, ""));
  }
  return out;
}

function describe(e: HtmlElement): string {
  const id = e.attrs.id ? `#${e.attrs.id}` : "";
  const cls = e.attrs.class ? `.${e.attrs.class.trim().split(/\s+/).join(".")}` : "";
  return `${e.tag}${id}${cls}`;
}

function squash(s: string): string {
  return s
    .replace(/[ \t\f\r\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}
