import { Parser } from "htmlparser2";

/** An element of the compact tree: its tag, the attributes extraction looks at, and its children. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | undefined;
}

/** A node is an element or a run of text (entities decoded, white space as in the page). */
export type HtmlNode = HtmlElement | string;

/** A parsed page: the element tree without scripts and styles, and the JSON-LD blocks that were in scripts. */
export interface HtmlTree {
  root: HtmlElement;
  jsonLd: string[];
  /** Elements were deeper than {@link MAX_DEPTH} and were flattened into their ancestor. */
  flattened: boolean;
}

/**
 * Nesting deeper than this is flattened: real pages stay far below it, and malformed ones (thousands of
 * unclosed `<font>` or `<div>`) would otherwise make every recursive walk overflow the stack.
 */
export const MAX_DEPTH = 200;

/** Subtrees that never carry readable text; dropping them while parsing keeps the tree small. */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "canvas",
  "video",
  "audio",
  "select",
  "textarea",
  "button",
  // Ruby annotations: the reading of each character, printed above it, not part of the sentence.
  "rt",
  "rp",
]);

/** Attributes that metadata and main-text extraction read; the rest are not kept. */
const KEPT_ATTRIBUTES = new Set([
  "class",
  "id",
  "role",
  "itemprop",
  "itemtype",
  "itemscope",
  "property",
  "name",
  "content",
  "rel",
  "href",
  "datetime",
  "pubdate",
  "lang",
  "xml:lang",
  "hidden",
  "style",
  "aria-hidden",
  "charset",
  "http-equiv",
  "type",
  "title",
  "data-timestamp",
]);

/**
 * Parses HTML into a compact tree with htmlparser2: forgiving of any markup, no scripts or styles kept,
 * nesting capped. JSON-LD scripts are kept apart for the metadata reader.
 *
 * @example parseHtmlTree("<p>Hello <b>world</b></p>").root.children
 */
export function parseHtmlTree(html: string): HtmlTree {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [], parent: undefined };
  const jsonLd: string[] = [];
  const stack: HtmlElement[] = [root];
  let skipDepth = 0;
  let jsonLdText: string | undefined;
  let flattened = false;
  /** Elements opened past the depth cap: their closing tags must not pop a real element. */
  let overflow = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        if (DROPPED.has(name)) {
          skipDepth = 1;
          if (name === "script" && /ld\+json/i.test(attribs.type ?? "")) jsonLdText = "";
          return;
        }
        if (stack.length >= MAX_DEPTH) {
          overflow++;
          flattened = true;
          return;
        }
        const parent = stack[stack.length - 1] as HtmlElement;
        const attrs: Record<string, string> = {};
        for (const key in attribs) if (KEPT_ATTRIBUTES.has(key)) attrs[key] = attribs[key] as string;
        const element: HtmlElement = { tag: name, attrs, children: [], parent };
        parent.children.push(element);
        stack.push(element);
      },
      ontext(text) {
        if (skipDepth > 0) {
          if (jsonLdText !== undefined) jsonLdText += text;
          return;
        }
        const parent = stack[stack.length - 1] as HtmlElement;
        const last = parent.children[parent.children.length - 1];
        if (typeof last === "string") parent.children[parent.children.length - 1] = last + text;
        else parent.children.push(text);
      },
      onclosetag() {
        if (skipDepth > 0) {
          skipDepth--;
          if (skipDepth === 0 && jsonLdText !== undefined) {
            if (jsonLdText.trim()) jsonLd.push(jsonLdText);
            jsonLdText = undefined;
          }
          return;
        }
        if (overflow > 0) {
          overflow--;
          return;
        }
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(closeRunawayTitle(html));
  return { root, jsonLd, flattened };
}

/** How far into a page its `<title>` is looked for. */
const TITLE_SEARCH_CHARS = 20_000;

/**
 * A `<title>` whose end tag is missing or mangled (`</tit`, cut by a crawler) reads, by the parsing rules,
 * as text up to the end of the page, and the whole page is lost in the title. When the title has no end
 * tag, or its text runs into the body, it is closed where its first line or the first markup ends.
 */
export function closeRunawayTitle(html: string): string {
  const head = html.slice(0, TITLE_SEARCH_CHARS);
  const open = /<title\b[^>]*>/i.exec(head);
  if (!open) return html;
  const start = open.index + open[0].length;
  const rest = html.slice(start);
  const close = /<\/title\s*>/i.exec(rest);
  const body = /<\/head\s*>|<body\b/i.exec(rest);
  if (close && (!body || close.index < body.index)) return html;
  const newline = rest.search(/[\r\n]/);
  const markup = rest.indexOf("<");
  const end = Math.min(newline < 0 ? rest.length : newline, markup < 0 ? rest.length : markup);
  return `${html.slice(0, start + end)}</title>${html.slice(start + end)}`;
}

/** Elements under `element` in document order, without recursion (the tree may be deep). */
export function* descendants(element: HtmlElement): Generator<HtmlElement> {
  const stack: HtmlNode[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (typeof node === "string") continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
  }
}

/** The first element with this tag, in document order. */
export function findFirst(element: HtmlElement, tag: string): HtmlElement | undefined {
  for (const e of descendants(element)) if (e.tag === tag) return e;
  return undefined;
}

/** The text under a node with white space collapsed. */
export function textOf(node: HtmlNode): string {
  if (typeof node === "string") return node.replace(/\s+/g, " ").trim();
  const parts: string[] = [];
  const stack: HtmlNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as HtmlNode;
    if (typeof n === "string") parts.push(n);
    else {
      if (n.tag === "br" || BLOCK_TAGS.has(n.tag)) parts.push(" ");
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HtmlNode);
    }
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** Tags that start a new block of text when rendered. */
export const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "html",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);
