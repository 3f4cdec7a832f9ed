import { describe, expect, it } from "vitest";
import type { Entity, EntityIndex, Mention } from "../model/index.js";
import { relationsOf } from "./relations.js";
import type { Unit } from "./units.js";

/** One sentence as a unit with the given names as mentions, and an index with one entity per name. */
function relationsIn(text: string, names: [string, Mention["type"]][]): string[] {
  const mentions: Mention[] = names.map(([name, type]) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, type };
  });
  const entities: Entity[] = mentions.map((m, i) => ({
    id: `e${i}`,
    name: m.text,
    type: m.type,
    aliases: [],
    mentions: [{ article: "a", text: m.text, start: m.start, end: m.end, type: m.type }],
  }));
  const index: EntityIndex = {
    entities,
    byMention: (_a, start, end) => entities.find((e) => e.mentions.some((m) => m.start === start && m.end === end)),
    byName: (surface) => entities.find((e) => e.name === surface),
  };
  const unit = {
    article: "a",
    text,
    sentence: { start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 },
    mentions,
    quotes: [],
  } as unknown as Unit;
  const name = (id: string) => entities.find((e) => e.id === id)?.name;
  return relationsOf([unit], index).map((r) => `${name(r.subject)} ${r.predicate} ${name(r.object)}`);
}

describe("relationsOf", () => {
  it("gives a relative clause's verb to the name it is about, not to the name inside it", () => {
    const text = "Ida Brekke, who leads the Velmar Dockers union, told Harbour Wire that talks would go on.";
    const found = relationsIn(text, [
      ["Ida Brekke", "person"],
      ["Velmar Dockers", "organization"],
      ["Harbour Wire", "organization"],
    ]);
    expect(found).toContain("Ida Brekke leads Velmar Dockers");
    expect(found).toContain("Ida Brekke said to Harbour Wire");
    expect(found).not.toContain("Velmar Dockers said to Harbour Wire");
  });

  it("keeps the subject of a plain clause", () => {
    const text = "Velmar Dockers told Harbour Wire that talks would go on.";
    const found = relationsIn(text, [
      ["Velmar Dockers", "organization"],
      ["Harbour Wire", "organization"],
    ]);
    expect(found).toEqual(["Velmar Dockers said to Harbour Wire"]);
  });
});
