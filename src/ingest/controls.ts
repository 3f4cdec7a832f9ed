import type { Article } from "../model/index.js";

/**
 * Longest control string (the title in `ESC ] 0 ; title BEL`) removed as a whole. Real terminal titles and
 * hyperlinks are far shorter; an unterminated one loses only its introducer, so no article text is eaten.
 */
const MAX_CONTROL_STRING = 512;

/**
 * Terminal escape sequences as ECMA-48 defines them, removed whole so that no "[2J" is left in the text:
 * control sequences (CSI: ESC [ or C1 0x9B, parameters, intermediates, a final byte), control strings (OSC,
 * DCS, SOS, PM, APC, by ESC or by their C1 code, ended by BEL or ST) and two-character escapes (ESC c).
 */
const ESCAPE_SEQUENCE = new RegExp(
  [
    "(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]",
    `(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d-\\x9f])[^\\x00-\\x1f\\x7f-\\x9f]{0,${MAX_CONTROL_STRING}}(?:\\x07|\\x1b\\\\|\\x9c)`,
    "\\x1b[\\x20-\\x2f]*[\\x30-\\x7e]",
  ].join("|"),
  "g",
);

/** Controls that break lines (CR, VT, FF, NEL): they become a line end rather than joining two lines. */
const LINE_BREAKING = /\r\n?|[\v\f\x85]/g;

/** Every C0 and C1 control character and DEL except newline and tab. */
const CONTROL = /[^\P{Cc}\n\t]/gu;
const HAS_CONTROL = /[^\P{Cc}\n\t]/u;

/**
 * Removes control characters other than newline and tab: terminal escape sequences go whole, line-breaking
 * controls become newlines, the rest is dropped. Letters of every script, accents and format characters
 * (zero-width joiners, directional marks) stay.
 *
 * @example stripControls("Port\x1b[2J closed\r\n") === "Port closed\n"
 */
export function stripControls(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, "").replace(LINE_BREAKING, "\n").replace(CONTROL, "");
}

/** True when the text holds a control character other than newline and tab. */
export function hasControls(text: string): boolean {
  return HAS_CONTROL.test(text);
}

/**
 * The article with control characters removed from its text, its metadata and its lists; the same object
 * when there were none. Every reader's articles go through it, so no escape sequence reaches a terminal, a
 * report or a page.
 *
 * @example cleanArticle({ id: "a", source: "a.txt", title: "\x1b]0;pwned\x07Fire", text: "...", removedBoilerplate: [], diagnostics: [] }).title === "Fire"
 */
export function cleanArticle(article: Article): Article {
  const lines = [
    article.id,
    article.source,
    article.outlet,
    article.title,
    article.published,
    article.author,
    ...article.removedBoilerplate,
    ...article.diagnostics.map((d) => d.message),
  ];
  if (!HAS_CONTROL.test(article.text) && !lines.some((v) => v !== undefined && HAS_CONTROL.test(v))) return article;
  const clean: Article = {
    ...article,
    id: stripControls(article.id),
    source: stripControls(article.source),
    text: stripControls(article.text),
    removedBoilerplate: article.removedBoilerplate.map(stripControls),
    diagnostics: article.diagnostics.map((d) => ({ ...d, message: stripControls(d.message) })),
  };
  for (const key of ["outlet", "title", "published", "author"] as const) {
    const value = article[key];
    if (value !== undefined) clean[key] = stripControls(value);
  }
  return clean;
}
