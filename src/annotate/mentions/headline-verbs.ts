import type { Lexicon } from "../../lexicon/index.js";
import type { Mention, Token } from "../../model/index.js";
import { isHeadline } from "./casing.js";
import type { MentionInput } from "./input.js";
import type { RuleMention } from "./rules.js";
import { endsInHead, isCountry } from "./words.js";

/** Small words a headline sets between names but no name holds inside it ("X TO MEET Y", "X IN TALKS WITH Y"). */
const BETWEEN_NAMES = new Set(["to", "in", "as", "at", "with", "after", "against"]);

/**
 * In a headline in capitals, where case tells nothing, a name may run on into the verb after it ("VELMAR
 * ROUTS PORTAVEL", "RUIZ UPSTAGES RIVALS"): a word inside a name that is a verb's third-person form (a
 * common word ending in "s" whose stem is a common word too, and that the open corpora did not see in
 * names more often than outside them) or one of the small words that stand between names ("TO", "WITH") ends
 * the name there, and the capitalised words after it make a name of their own. A verb at the end of a name
 * ends it only after a person's name: a club's name may end in a plural ("KESTREL ROVERS"). Each part takes
 * the rules' type where they found it alone, a country's where it is one, and otherwise the type read.
 */
export function namesBeforeHeadlineVerbs(
  mentions: Mention[],
  rules: readonly RuleMention[],
  input: MentionInput,
  lexicon: Lexicon,
): Mention[] {
  const { tokens, text } = input;
  const out: Mention[] = [];
  for (const s of input.sentences) {
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    if (inside.length === 0) continue;
    const words = tokens.slice(s.tokenStart, s.tokenEnd);
    if (!isHeadline(words)) {
      out.push(...inside);
      continue;
    }
    for (const m of inside) out.push(...splitAtVerbs(m, words, rules, text, lexicon));
  }
  return out.sort((a, b) => a.start - b.start);
}

function splitAtVerbs(
  m: Mention,
  sentence: readonly Token[],
  rules: readonly RuleMention[],
  text: string,
  lexicon: Lexicon,
): Mention[] {
  const words = sentence.filter((t) => t.start >= m.start && t.end <= m.end);
  const parts: Token[][] = [[]];
  words.forEach((t, k) => {
    const last = k === words.length - 1;
    if (
      k > 0 &&
      (BETWEEN_NAMES.has(t.text.toLowerCase()) || (isVerbForm(t.text, lexicon) && (!last || m.type === "person")))
    ) {
      parts.push([]);
      return;
    }
    (parts[parts.length - 1] as Token[]).push(t);
  });
  if (parts.length === 1) return [m];
  return parts
    .filter((p) => p.length > 0)
    .map((p) => {
      const start = (p[0] as Token).start;
      const end = (p[p.length - 1] as Token).end;
      const name = text.slice(start, end);
      const rule = rules.find((r) => r.start === start && r.end === end);
      const type = rule ? rule.type : isCountry(name, lexicon) ? "place" : m.type;
      return { start, end, text: name, type };
    });
}

/** A verb's third-person form in capitals ("ROUTS", "UPSTAGES"), as `namesBeforeHeadlineVerbs` reads it. */
function isVerbForm(word: string, lexicon: Lexicon): boolean {
  const lower = word.toLowerCase();
  if (!/^\p{L}+s$/u.test(lower) || lower.endsWith("ss") || endsInHead(lower)) return false;
  if (lexicon.dictionaryKind(lower) !== "common") return false;
  const stems = [lower.slice(0, -1), lower.endsWith("es") ? lower.slice(0, -2) : ""];
  if (!stems.some((x) => x.length > 1 && lexicon.dictionaryKind(x) === "common")) return false;
  const counts = lexicon.wordCounts(lower[0]?.toUpperCase() + lower.slice(1));
  if (!counts) return true;
  return counts.person + counts.organization + counts.place + counts.misc <= counts.none;
}
