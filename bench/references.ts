import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { parseHTML } from "linkedom";

/** A reference extractor: HTML in, the article text and date it finds out (undefined when it finds none). */
export interface Reference {
  name: string;
  extract: (html: string) => { text?: string; published?: string };
}

function run(document: Document): { text?: string; published?: string } {
  const parsed = new Readability(document).parse();
  const out: { text?: string; published?: string } = {};
  if (parsed?.textContent) out.text = parsed.textContent;
  if (parsed?.publishedTime) out.published = parsed.publishedTime;
  return out;
}

/** @mozilla/readability on a linkedom DOM, as its README suggests for Node. */
export const readabilityLinkedom: Reference = {
  name: "Readability + linkedom",
  extract: (html) => {
    try {
      return run(parseHTML(html).document as unknown as Document);
    } catch {
      return {};
    }
  },
};

const quiet = new VirtualConsole();

/** @mozilla/readability on a jsdom DOM, the reference setup of its own tests. */
export const readabilityJsdom: Reference = {
  name: "Readability + jsdom",
  extract: (html) => {
    try {
      const dom = new JSDOM(html, { virtualConsole: quiet });
      const out = run(dom.window.document);
      dom.window.close();
      return out;
    } catch {
      return {};
    }
  },
};
