import type { Mention } from "../../model/index.js";
import type { MentionInput } from "./input.js";

/** A capitalised word of three letters or more: a family name that can stand alone. */
const FAMILY_NAME = /^\p{Lu}\p{Ll}{2,}$/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * A person named in full ("Tomas Luck") is named by the family name alone later in the same document ("Luck
 * broke the record"), also where that word is a common one and opens a sentence, whose capital the tagger
 * cannot trust. Such a family name, standing alone (no capitalised word on either side) and inside no other
 * mention, is added as the person's mention. Returns the mentions sorted by `start`.
 */
export function familyNamesAlone(mentions: Mention[], input: MentionInput): Mention[] {
  const families = new Set<string>();
  for (const m of mentions) {
    if (m.type !== "person") continue;
    const words = m.text.split(/\s+/u);
    const last = words.at(-1) as string;
    if (words.length > 1 && FAMILY_NAME.test(last)) families.add(last);
  }
  if (families.size === 0) return mentions;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const added: Mention[] = [];
  let next = 0;
  const { tokens } = input;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || !families.has(t.text)) continue;
    while (next < sorted.length && (sorted[next] as Mention).end <= t.start) next++;
    const over = sorted[next];
    if (over !== undefined && over.start < t.end) continue;
    // "Luck Street", "Mrs Luck": a capitalised neighbour makes the word part of another name.
    // Checked rather than read past the array's ends, which throws the optimised code of the caller that
    // inlines this away once more.
    const before = i > 0 ? tokens[i - 1] : undefined;
    const after = i + 1 < tokens.length ? tokens[i + 1] : undefined;
    if (after && CAPITALISED.test(after.text) && after.start - t.end <= 1) continue;
    if (before && CAPITALISED.test(before.text) && t.start - before.end <= 1 && !endsSentence(input, i - 1)) continue;
    // In the order of every other mention's properties: one shape for the stages that read them all.
    added.push({ start: t.start, end: t.end, text: t.text, type: "person" });
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/** Whether the token at `i` ends a sentence of the input (a headline line), so that the next word opens another. */
function endsSentence(input: MentionInput, i: number): boolean {
  return input.sentences.some((s) => s.tokenEnd === i + 1);
}
