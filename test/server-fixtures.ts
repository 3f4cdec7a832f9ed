import { join } from "node:path";
import { readArticleFiles } from "../src/ingest/index.js";
import type { Article } from "../src/model/index.js";

/** The repository's invented example story, read as the CLI reads it. */
export async function exampleArticles(): Promise<Article[]> {
  const dir = join(import.meta.dirname, "../examples/port-strike-fire");
  const names = [
    "000_strike-fifth-day",
    "001_talks-resume",
    "002_ships-at-anchor",
    "003_dockers-agree",
    "004_smoke-over-city",
  ];
  const { articles, problems } = await readArticleFiles(names.map((n) => join(dir, `${n}.txt`)));
  if (problems.length > 0) throw new Error(`example story unreadable: ${problems.map((p) => p.message).join("; ")}`);
  return articles;
}

/** A direction override, a right-to-left embedding and their end, as article text may carry them. */
export const RTL_OVERRIDE = "\u202E";

/**
 * An invented story whose articles try every way of getting markup or script onto a page: tags, event
 * handlers, `javascript:` links as text and as the article's source, direction overrides, and (with
 * `longLine`) one line of that many characters.
 */
export function hostileArticles(longLine = 0): Article[] {
  const base = (id: string, text: string, extra: Partial<Article> = {}): Article => ({
    id,
    source: `${id}.txt`,
    text,
    removedBoilerplate: [],
    diagnostics: [],
    ...extra,
  });
  const filler = longLine > 0 ? `\n\n${"lorem ipsum dolor ".repeat(Math.ceil(longLine / 18)).slice(0, longLine)}` : "";
  return [
    base(
      "h-alpha",
      `Floodwater from the Varnel river forced 300 residents of Osterlake from their homes on Tuesday, the town council said. <script>document.title="pwned"</script>\n\n"We opened every shelter we had," said Mira Kosk, the council's emergency chief. <img src=x onerror="document.title='pwned'">${filler}`,
      { outlet: "Lakeside <b>Post</b>", published: "2031-04-08", title: "Flood <script>x()</script> in Osterlake" },
    ),
    base(
      "h-beta",
      `About 500 residents of Osterlake left their homes after the Varnel river burst its banks on Tuesday, the council said. Read more at javascript:alert(1) <a href="javascript:alert(1)">here</a>.\n\n"We opened every shelter we had," Mira Kosk said. Officials say ${RTL_OVERRIDE}gnissim era owt${"\u202C"} people.`,
      { outlet: "Valley \u202ETimes", published: "2031-04-09", source: "javascript:alert(document.domain)" },
    ),
    base(
      "h-gamma",
      `The Varnel river flooded parts of Osterlake on Tuesday, and 300 residents left their homes, according to the town council. <svg onload=alert(1)></svg>\n\nMira Kosk said the shelters were full by nightfall.`,
      { outlet: "Northshore Daily", published: "2031-04-09" },
    ),
  ];
}
