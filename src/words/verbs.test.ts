import { describe, expect, it } from "vitest";
import { isPastForm } from "./verbs.js";

describe("isPastForm", () => {
  it("reads irregular and regular past forms", () => {
    for (const w of ["fell", "taken", "said", "raised", "closed"]) expect(isPastForm(w), w).toBe(true);
  });
  it("reads no past in words that only end like one, nor in present forms (negative rows)", () => {
    for (const w of ["hundred", "sacred", "needed", "speed", "red", "falls", "says", "rise"])
      expect(isPastForm(w), w).toBe(false);
  });
});
