import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { namesWithParticles } from "./particles.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  namesWithParticles(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);

describe("namesWithParticles", () => {
  it("takes the particles and the surname after a given name into the person's name", () => {
    expect(
      run("Velmar 's Frank de Velde ( 12th ) scored", [
        ["Velmar", "organization"],
        ["Frank", "person"],
        ["Velde", "organization"],
      ]),
    ).toEqual(["Velmar/organization", "Frank de Velde/person"]);
    expect(run("keeper Edwin van der Orrin saved", [["Edwin", "person"]])).toEqual(["Edwin van der Orrin/person"]);
  });
  it("takes particles opening a surname after a word in lower case", () => {
    expect(run("the talks with de Kestro ended", [["Kestro", "person"]])).toEqual(["de Kestro/person"]);
  });
  it("leaves particles after a capitalised word, articles and names of other kinds alone (negative rows)", () => {
    expect(run("Rosa Ruiz de Kestro", [["Kestro", "person"]])).toEqual(["Kestro/person"]);
    expect(run("Ana Ruiz la Portavel", [["Ana Ruiz", "person"]])).toEqual(["Ana Ruiz/person"]);
    expect(run("against de Velmar Rovers", [["Velmar Rovers", "organization"]])).toEqual([
      "Velmar Rovers/organization",
    ]);
    expect(run("Ana Ruiz of Portavel", [["Ana Ruiz", "person"]])).toEqual(["Ana Ruiz/person"]);
  });
});
