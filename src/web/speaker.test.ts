import { describe, expect, it } from "vitest";
import { html } from "./escape.js";
import { bySpeaker, speakerHtml, speakerText } from "./speaker.js";

const named = (n: string) => html`<a href="#e1">${n}</a>`;

describe("speakerHtml", () => {
  it("links the name inside the phrase the articles use", () => {
    expect(speakerHtml("harbour spokesman Tomas Berg", "Tomas Berg", named).value).toBe(
      'harbour spokesman <a href="#e1">Tomas Berg</a>',
    );
    expect(speakerHtml("Ana Ruiz, a lawyer for the port", "Ana Ruiz", named).value).toBe(
      '<a href="#e1">Ana Ruiz</a>, a lawyer for the port',
    );
  });

  it("puts a phrase that does not contain the name in brackets after it", () => {
    expect(speakerHtml("the port's lawyer", "Ana Ruiz", named).value).toBe(
      '<a href="#e1">Ana Ruiz</a> <span class="aliases">(the port&#39;s lawyer)</span>',
    );
  });

  it("escapes the phrase and says when nobody is named", () => {
    expect(speakerHtml("<b>a guard</b>", undefined, named).value).toBe("&lt;b&gt;a guard&lt;/b&gt;");
    expect(speakerHtml("", undefined, named).value).toBe("unknown speaker");
    expect(speakerHtml("", "Okafor", named).value).toBe('<a href="#e1">Okafor</a>');
  });
});

describe("speakerText", () => {
  it("gives the phrase, and the resolved name only when the phrase lacks it", () => {
    expect(speakerText("harbour spokesman Tomas Berg", "Tomas Berg")).toBe("harbour spokesman Tomas Berg");
    expect(speakerText("he", "Tomas Berg")).toBe("he (Tomas Berg)");
    expect(speakerText("", "Tomas Berg")).toBe("Tomas Berg");
    expect(speakerText("a guard", undefined)).toBe("a guard");
  });
});

describe("bySpeaker", () => {
  it("groups by entity, else by description in any case, in the order speakers first come", () => {
    const said = (entity: string | undefined, description: string, text: string) => ({
      speaker: entity ? { entity, description } : { description },
      text,
    });
    const groups = bySpeaker([
      said("person:ana-ruiz", "Ana Ruiz", "a"),
      said(undefined, "the harbour board", "b"),
      said("person:ana-ruiz", "Ruiz, the port's lawyer", "c"),
      said(undefined, "The harbour board", "d"),
      said(undefined, "a guard", "e"),
    ]);
    expect(groups.map((g) => g.map((s) => s.text).join(""))).toEqual(["ac", "bd", "e"]);
  });
});
