import { articleNames, type ReportArticle } from "../model/index.js";
import type { MarkSpan } from "./marked-text.js";

/** What a highlighted span of an article is evidence of; each kind is a class of the span's element. */
export type SpanKind =
  | "fact"
  | "quote"
  | "speech"
  | "mention"
  | "value"
  | "disputed"
  | "claim"
  | "citation"
  | "relation"
  | "event"
  | "brief"
  | "reuse";

interface Slot {
  start: number;
  end: number;
  id: string;
  kinds: Set<SpanKind>;
}

/**
 * The anchors of the page's articles: every finding asks here for the id of its words, and the articles
 * are then drawn with exactly the spans that something links to. One span per article and extent, so
 * two findings on the same words share one element.
 */
export class SpanRegistry {
  readonly #articles: readonly ReportArticle[];
  readonly #index = new Map<string, number>();
  readonly #labels: string[];
  readonly #slots: Map<string, Slot>[];

  constructor(articles: readonly ReportArticle[]) {
    this.#articles = articles;
    articles.forEach((a, i) => {
      if (!this.#index.has(a.id)) this.#index.set(a.id, i);
    });
    this.#slots = articles.map(() => new Map());
    const names = articleNames(articles);
    this.#labels = articles.map((a) => names.get(a.id) ?? a.id);
  }

  /** The name of an article ({@link articleNames}); an unknown id is shown as it is. */
  label(article: string): string {
    const i = this.#index.get(article);
    return i === undefined ? article : (this.#labels[i] ?? article);
  }

  /** The anchor of the whole article, or undefined for an id the report does not contain. */
  article(article: string): string | undefined {
    const i = this.#index.get(article);
    return i === undefined ? undefined : `art-${i}`;
  }

  /**
   * The anchor of words given by offsets and their text: the words when the offsets hold that text (spaces
   * aside), else the whole article, never a guess at where else the words might be. Undefined for an id the
   * report does not contain.
   */
  span(article: string, start: number, end: number, text: string, kind: SpanKind): string | undefined {
    const i = this.#index.get(article);
    const body = i === undefined ? undefined : this.#articles[i]?.text;
    if (i === undefined || body === undefined) return undefined;
    const inRange = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= body.length;
    return inRange && sameWords(body.slice(start, end), text) ? this.#slot(i, start, end, kind) : `art-${i}`;
  }

  /**
   * The anchor of words that a finding may give with their offsets (`start`/`end` are optional in the report
   * for findings that were published as text alone): the words when it does, else the article.
   */
  at(article: string, where: { start?: number; end?: number }, text: string, kind: SpanKind): string | undefined {
    if (where.start === undefined || where.end === undefined) return this.article(article);
    return this.span(article, where.start, where.end, text, kind);
  }

  /** The spans to draw in the article at `index`. */
  marks(index: number): MarkSpan[] {
    return [...(this.#slots[index]?.values() ?? [])].map((s) => ({
      start: s.start,
      end: s.end,
      id: s.id,
      classes: ["mark", ...[...s.kinds].sort().map((k) => `k-${k}`)],
    }));
  }

  #slot(i: number, start: number, end: number, kind: SpanKind): string {
    const slots = this.#slots[i];
    const key = `${start}-${end}`;
    let slot = slots?.get(key);
    if (!slot) {
      slot = { start, end, id: `s${i}-${key}`, kinds: new Set() };
      slots?.set(key, slot);
    }
    slot.kinds.add(kind);
    return slot.id;
  }
}

function sameWords(a: string, b: string): boolean {
  // Most findings give their words exactly as the text has them; spaces need comparing only otherwise.
  if (a === b) return true;
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

/**
 * A finding's explanation, written with article ids, with each of `articles` named by `nameOf`. Only ids
 * that cannot be a word of the sentence are replaced: those with a character other than a letter (a file
 * name, a number, a slug); an id of letters alone is left as written.
 *
 * @example namesInText("003_a says 5", ["003_a"], () => "Harbour Times") // "Harbour Times says 5"
 */
export function namesInText(text: string, articles: readonly string[], nameOf: (id: string) => string): string {
  let out = text;
  for (const id of new Set(articles)) {
    const name = nameOf(id);
    if (name === id || /^\p{L}+$/u.test(id)) continue;
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped}(?![\\p{L}\\p{N}_-])`, "gu"), () => name);
  }
  return out;
}
