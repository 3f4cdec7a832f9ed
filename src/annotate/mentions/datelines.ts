import type { Mention, Token } from "../../model/index.js";
import { ORG_HEADS } from "../../words/names.js";
import { isAllCaps } from "./casing.js";
import type { MentionInput } from "./input.js";
import { DATE } from "./words.js";

/** A date in figures, as a dateline gives it ("2024-05-02", "02/05/2024"). */
const NUMERIC_DATE = /^(?:\d{4}-\d\d-\d\d|\d{1,2}\/\d{1,2}\/\d{2,4})$/;
/** A month and its day ("May 2", "Sept. 30"). */
const MONTH_DAY = /^(\p{L}+)\.?\s+\d{1,2}$/u;
/** The most words a dateline's place takes ("SAN JUAN DEL SUR"). */
const MAX_PLACE_WORDS = 4;

/**
 * A dateline on a line of its own: a place in capitals, perhaps a comma and its region or country, then the
 * date ("TARVIK 2024-05-02", "OLMEN , Velmaria 2024-05-03", "TARVIK May 2"). The place in capitals is a place,
 * where the tagger missed it (a city the gazetteers lack, read as a common word in capitals) or read it as an
 * organisation or a person. A name ending in an organisation's head ("UNITED NATIONS 2024-05-02", where the
 * story was filed from a body's seat) is left as read. Mentions must be sorted by `start` with their text set.
 */
export function placesOfDatelines(mentions: Mention[], input: MentionInput): Mention[] {
  const found: Mention[] = [];
  for (const s of input.sentences) {
    const words = input.tokens.slice(s.tokenStart, s.tokenEnd);
    const run = datelinePlace(words, input.text);
    if (run === 0) continue;
    const start = (words[0] as Token).start;
    const end = (words[run - 1] as Token).end;
    const last = (words[run - 1] as Token).text.toLowerCase();
    if (ORG_HEADS.has(last)) continue;
    const hit = mentions.filter((m) => m.start < end && start < m.end);
    if (hit.some((m) => m.type === "place" || m.type === "other" || m.start < start || m.end > end)) continue;
    found.push({ start, end, text: input.text.slice(start, end), type: "place" });
  }
  if (found.length === 0) return mentions;
  const covered = (m: Mention) => found.some((f) => m.start < f.end && f.start < m.end);
  return [...mentions.filter((m) => !covered(m)), ...found].sort((a, b) => a.start - b.start);
}

/** The number of words of the place opening a dateline line, or 0 when the line is no dateline. */
function datelinePlace(words: readonly Token[], text: string): number {
  let run = 0;
  while (run < words.length && run < MAX_PLACE_WORDS && isAllCaps((words[run] as Token).text)) run++;
  if (run === 0 || run === words.length) return 0;
  let k = run;
  if ((words[k] as Token).text === ",") {
    k++;
    const regionStart = k;
    while (k < words.length && /^\p{Lu}/u.test((words[k] as Token).text) && !DATE.test((words[k] as Token).text)) k++;
    if (k === regionStart) return 0;
  }
  // The date, as written ("2024-05-02", "02/05/2024") or a month and its day ("May 2"), however tokenized.
  const rest = text.slice(
    (words[k] as Token | undefined)?.start ?? text.length,
    (words[words.length - 1] as Token).end,
  );
  const month = MONTH_DAY.exec(rest);
  const dated = NUMERIC_DATE.test(rest) || (month !== null && DATE.test(month[1] as string));
  return dated ? run : 0;
}
