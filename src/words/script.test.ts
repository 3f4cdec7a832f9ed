import { describe, expect, it } from "vitest";
import { scriptOf } from "./script.js";

describe("scriptOf", () => {
  it.each([
    ["The council met on Tuesday.", "latin"],
    ["Le conseil s'est réuni mardi à Genève.", "latin"],
    ["市议会星期二（3月8日）开会。", "han"],
    ["市議会は火曜日に開かれた。", "han"],
    ["시의회가 화요일에 열렸다.", "hangul"],
    ["Совет собрался во вторник.", "cyrillic"],
    ["اجتمع المجلس يوم الثلاثاء.", "arabic"],
    ["Το συμβούλιο συνεδρίασε την Τρίτη.", "greek"],
  ])("%s -> %s", (text, script) => {
    expect(scriptOf(text)).toBe(script);
  });

  it("goes by most of the letters, not by the first or a quoted name", () => {
    expect(scriptOf("市议会主席 Ana Ruiz 星期二在市政厅发表讲话并回答记者提问。")).toBe("han");
    expect(scriptOf("The word 议会 means council in Chinese.")).toBe("latin");
  });

  it("has none for a text without letters", () => {
    expect(scriptOf("12 – 7, 2025.")).toBeUndefined();
    expect(scriptOf("")).toBeUndefined();
    expect(scriptOf("12 - 7, 2025. (+3%)")).toBeUndefined();
  });

  it("reads plain ASCII text as Latin as soon as it has a letter, and other text by its letters", () => {
    expect(scriptOf("4 x 4")).toBe("latin");
    expect(scriptOf("OK 1")).toBe("latin");
    expect(scriptOf("OK, Совет собрался.")).toBe("cyrillic");
  });
});
