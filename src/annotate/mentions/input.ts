import type { Sentence, Token } from "../../model/index.js";

/** What the mention detectors read: the text and the tokenizer's output for it. */
export interface MentionInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}
