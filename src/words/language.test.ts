import { describe, expect, it } from "vitest";
import { readsAsEnglish } from "./language.js";

describe("readsAsEnglish", () => {
  it("reads a paragraph of English news as English", () => {
    const text =
      "Dock workers at the Velmar terminal walked off the job on Monday after talks with the operator broke down, " +
      "and the union said it would not return until a new offer was on the table.";
    expect(readsAsEnglish(text)).toBe(true);
  });

  it.each([
    [
      "Spanish",
      "Los estibadores de Velmar dejaron el trabajo el lunes después de que fracasaran las negociaciones con " +
        "la empresa, y el sindicato dijo que no volverán hasta recibir una nueva oferta por escrito.",
    ],
    [
      "Indonesian",
      "Para pekerja pelabuhan Velmar mogok kerja pada hari Senin setelah perundingan dengan operator gagal, " +
        "dan serikat pekerja mengatakan mereka tidak akan kembali sampai ada tawaran baru yang tertulis.",
    ],
  ])("does not read a paragraph of %s as English", (_, text) => {
    expect(readsAsEnglish(text)).toBe(false);
  });

  it("gives a text too short to tell the benefit of the doubt", () => {
    expect(readsAsEnglish("Velmar terminal cerrado")).toBe(true);
  });
});
