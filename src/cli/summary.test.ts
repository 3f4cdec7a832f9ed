import { describe, expect, it } from "vitest";
import type { Article, StoryReport } from "../model/index.js";
import { analyzeStory } from "../pipeline.js";
import { renderSummary } from "./summary.js";

const HOSTILE = "\u001b[2J\u001b]0;retitled\u0007\u009b31m\u0000\t\r\u0085";
const CONTROL_BUT_NEWLINE = /[^\P{Cc}\n]/u;

function article(id: string, outlet: string, text: string): Article {
  return {
    id,
    source: `${id}.txt`,
    outlet,
    title: "Ferry held in port",
    text,
    removedBoilerplate: [],
    diagnostics: [],
  };
}

/** Every string of a value with control characters around it. */
function poison<T>(value: T): T {
  if (typeof value === "string") return `${HOSTILE}${value}${HOSTILE}` as T;
  if (Array.isArray(value)) return value.map(poison) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v)])) as T;
  }
  return value;
}

describe("renderSummary", () => {
  const report = analyzeStory([
    article(
      "velmora-post",
      "Velmora Post",
      'The ferry to Ostrand was held in Velmora on Tuesday after smoke was seen in its engine room, the operator said.\n\n"Nobody was hurt," said Ana Lind, the harbour master.',
    ),
    article(
      "ostrand-daily",
      "Ostrand Daily",
      'The ferry to Ostrand was held in Velmora on Tuesday after smoke was found in the engine room, the operator said.\n\n"Nobody was hurt at all," said Ana Lind.',
    ),
  ]);

  it("prints every part of the story", () => {
    const summary = renderSummary(report);
    expect(summary).toMatch(/^Story: Ferry held in port$/m);
    expect(summary).toMatch(/^ {2}1\. Velmora Post {2}\[velmora-post\]/m);
    expect(summary).toMatch(/Quotations \(1\)/);
    // Both articles report what the operator said, in their own words.
    expect(summary).toMatch(
      /^Reported speech \(2, by 1 speaker\)\n {2}the operator \(2\): The ferry to Ostrand was held/m,
    );
  });

  it("names an article without an outlet as the pages do, never by its file id or its number alone", () => {
    const noOutlet = (id: string, title: string | undefined, text: string): Article => {
      const { outlet: _, title: __, ...rest } = article(id, "", text);
      return { ...rest, ...(title ? { title } : {}) };
    };
    const summary = renderSummary(
      analyzeStory([
        noOutlet(
          "003_ferry",
          "Ferry held in port",
          "The ferry to Ostrand was held in Velmora on Tuesday, the operator said.",
        ),
        noOutlet("004_smoke", undefined, "The ferry to Ostrand was held in Velmora on Tuesday, the harbour said."),
      ]),
    );
    expect(summary).toMatch(/^ {2}1\. “Ferry held in port” {2}\[003_ferry\]/m);
    expect(summary).toMatch(/^ {2}2\. “The ferry to Ostrand was held…” {2}\[004_smoke\]/m);
    // Past the list of articles, the file ids are not used as names.
    const rest = summary.slice(summary.indexOf("\nEntities"));
    expect(rest).not.toMatch(/003_ferry|004_smoke/);
  });

  it("prints no control character but the line ends, whatever the report holds", () => {
    const hostile: StoryReport = poison(report);
    expect(JSON.stringify(hostile)).toMatch(/\\u001b\[2J/);
    const summary = renderSummary(hostile);
    expect(summary).not.toMatch(CONTROL_BUT_NEWLINE);
    expect(summary).not.toMatch(/retitled|\[2J|31m/);
    expect(summary).toMatch(/Ferry held in port/);
    expect(summary).toMatch(/Velmora Post/);
  });
});
