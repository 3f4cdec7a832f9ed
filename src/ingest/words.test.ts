import { describe, expect, it } from "vitest";
import { countWords } from "./words.js";

describe("countWords", () => {
  it("counts runs of non-space characters in spaced scripts", () => {
    expect(countWords("Fire at the  port,\tsaid\nofficials")).toBe(6);
    expect(countWords("")).toBe(0);
    expect(countWords("   ")).toBe(0);
  });

  it("counts each character of Chinese, Japanese and Thai as a word", () => {
    expect(countWords("港口发生火灾")).toBe(6);
    expect(countWords("港の岸壁")).toBe(4);
    expect(countWords("Port 港口 fire")).toBe(4);
  });
});
