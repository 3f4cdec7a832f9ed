/** The weights as the tagger reads them: a row of one integer per label for each feature, and the transitions. */
export interface TaggerWeights {
  /** Feature -> index of its row in `rows` (row r holds `rows[r * L] .. rows[r * L + L - 1]`, L labels). */
  readonly index: ReadonlyMap<string, number>;
  /** Never written after parsing (a typed array cannot be frozen). */
  readonly rows: Int32Array;
  /** (L + 1) x L: the score of a label after each label, and (last row) at the start of a sentence. */
  readonly transitions: Float64Array;
}

/**
 * Reads weights in the text form the trainer writes ("feature\tw0,w1,..." lines, empty for zero), each row
 * `labels` wide.
 *
 * @example parseWeights("w=Paris\t,,,,,12", "0,0", 9).index.get("w=Paris") // 0
 */
export function parseWeights(text: string, transitions: string, labels: number): TaggerWeights {
  const L = labels;
  const index = new Map<string, number>();
  let lines = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  const rows = new Int32Array((lines + 1) * L);
  let row = 0;
  let at = 0;
  while (at < text.length) {
    const tab = text.indexOf("\t", at);
    let end = text.indexOf("\n", tab);
    if (end < 0) end = text.length;
    index.set(text.slice(at, tab), row);
    let label = 0;
    let value = 0;
    let sign = 1;
    for (let k = tab + 1; k <= end; k++) {
      const ch = k < end ? text.charCodeAt(k) : 44;
      if (ch === 44) {
        rows[row * L + label] = sign * value;
        label++;
        value = 0;
        sign = 1;
      } else if (ch === 45) sign = -1;
      else value = value * 10 + (ch - 48);
    }
    row++;
    at = end + 1;
  }
  return { index, rows, transitions: Float64Array.from(transitions.split(","), Number) };
}
