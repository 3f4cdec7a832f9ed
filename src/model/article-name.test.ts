import { describe, expect, it } from "vitest";
import {
  articleNames,
  hitNames,
  type LoneArticle,
  MAX_NAME_HEADLINE_WORDS,
  MAX_NAME_OPENING_WORDS,
  type NamedArticle,
  nameArticle,
  openingWords,
  UNTITLED_TITLE_CHARS,
  untitledStoryTitle,
  voiceOf,
} from "./article-name.js";

const article = (id: string, rest: Partial<NamedArticle> = {}): NamedArticle => ({
  id,
  source: `${id}.txt`,
  ...rest,
});

describe("voiceOf", () => {
  it.each([
    [{ source: "a.txt", outlet: "The Daily Example" }, "The Daily Example"],
    [{ source: "a.txt", outlet: "  Harbour Times " }, "Harbour Times"],
    [{ source: "https://www.example.org/news/1" }, "example.org"],
    [{ source: "http://news.example.net/x", outlet: "" }, "news.example.net"],
    // Negative rows: a file path, a broken URL and a blank outlet name no one.
    [{ source: "stories/003_draft.txt" }, undefined],
    [{ source: "https://" }, undefined],
    [{ source: "a.txt", outlet: "   " }, undefined],
  ])("%j speaks as %j", (a, voice) => {
    expect(voiceOf(a)).toBe(voice);
  });
});

describe("articleNames", () => {
  it("names an article by its outlet, numbering the articles of an outlet that has several", () => {
    const names = articleNames([
      article("001_a", { outlet: "Harbour Times" }),
      article("002_b", { outlet: "Valley Post" }),
      article("003_c", { outlet: "Harbour Times" }),
    ]);
    expect([...names.values()]).toEqual(["Harbour Times (article 1)", "Valley Post", "Harbour Times (article 3)"]);
  });

  it("names an article without an outlet by its short headline, else by its first words, never by its file id", () => {
    const names = articleNames([
      article("000_first", { title: "Ferry Runs Aground Off the Cape in Fog." }),
      article("001_second", { text: "Two hundred passengers waited on the deck of the ferry for the tug." }),
      article("002_third", {
        title: "A ferry carrying two hundred passengers ran aground off the cape on Sunday night, the coastguard said",
        text: "The coastguard said the ferry was refloated at dawn.",
      }),
      article("003_fourth", { outlet: "Cape Herald", title: "Ferry aground" }),
      article("004_fifth"),
    ]);
    expect(names.get("000_first")).toBe("“Ferry Runs Aground Off the Cape in Fog”");
    expect(names.get("001_second")).toBe("“Two hundred passengers waited on the…”");
    // A first paragraph standing in for a headline, or a long headline, is cut to its first words.
    expect(names.get("002_third")).toBe("“A ferry carrying two hundred passengers…”");
    expect(names.get("003_fourth")).toBe("Cape Herald");
    // Negative: an article with neither a headline nor words of its own has only its number.
    expect(names.get("004_fifth")).toBe("article 5 (no outlet named)");
    for (const [id, name] of names) expect(name).not.toContain(id);
  });

  it(`names by a headline of at most ${MAX_NAME_HEADLINE_WORDS} words, not one word more`, () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `Word${i + 1}`).join(" ");
    const names = articleNames([
      article("short", { title: words(MAX_NAME_HEADLINE_WORDS) }),
      article("long", { title: words(MAX_NAME_HEADLINE_WORDS + 1) }),
    ]);
    expect(names.get("short")).toBe(`“${words(MAX_NAME_HEADLINE_WORDS)}”`);
    expect(names.get("long")).toBe(`“${words(MAX_NAME_OPENING_WORDS)}…”`);
  });

  it("does not name two articles alike: a headline or opening two articles share takes their numbers", () => {
    const names = articleNames([
      article("x", { title: "Ferry aground" }),
      article("y", { title: "ferry aground" }),
      article("z", { title: "Tug frees ferry" }),
      article("u", { text: "The tug freed the ferry at dawn, the coastguard said." }),
      article("v", { text: "The tug freed the ferry at dawn on Monday." }),
    ]);
    expect([...names.values()]).toEqual([
      "“Ferry aground” (article 1)",
      "“ferry aground” (article 2)",
      "“Tug frees ferry”",
      "“The tug freed the ferry at…” (article 4)",
      "“The tug freed the ferry at…” (article 5)",
    ]);
    expect(new Set(names.values()).size).toBe(5);
  });
});

describe("openingWords", () => {
  it.each([
    [
      "the first words, cut with an ellipsis",
      "Ana Ruiz, the mayor, said the bridge would reopen.",
      "Ana Ruiz, the mayor, said the…",
    ],
    ["a short line whole, without its full stop", "Ferry aground.", "Ferry aground"],
    ["the first line only", "Bridge closed\nThe bridge over the Ansel is closed.", "Bridge closed"],
    [
      "after a wire dateline with date and agency",
      "KESTREL BAY, May 3 (Velmar Wire) - Two crew members were hurt when a barge struck the bridge.",
      "Two crew members were hurt when…",
    ],
    ["after a dateline of a place alone", "PORTAVEL — The ferry is running again.", "The ferry is running again"],
    [
      "a cut word's comma left out",
      "Okafor, Ruiz, Velmar, Portavel, Kestrel, Bay, and others",
      "Okafor, Ruiz, Velmar, Portavel, Kestrel, Bay…",
    ],
    // Negative rows: capitals that open a sentence are no dateline; a text of spaces has no words.
    [
      "capitals opening a sentence",
      "UK, Velmar and Portavel said on Monday - in a joint statement - that talks resume.",
      "UK, Velmar and Portavel said on…",
    ],
    ["a text of spaces", "  \n  ", undefined],
  ])("%s", (_, text, words) => {
    expect(openingWords(text)).toBe(words);
  });
});

describe("untitledStoryTitle", () => {
  const long =
    "Divers from the Kestrel Bay harbour board spent Monday inspecting the foundations of the pier, which moved in the storm.";

  it("keeps a short opening whole, after a wire dateline", () => {
    expect(untitledStoryTitle("PORTAVEL, May 3 (Velmar Wire) - The ferry is running again.")).toBe(
      "The ferry is running again.",
    );
  });

  it("cuts a long one where a word ends, within the limit, with an ellipsis", () => {
    const title = untitledStoryTitle(long);
    expect(title).toBe("Divers from the Kestrel Bay harbour board spent Monday inspecting the…");
    expect(title.length).toBeLessThanOrEqual(UNTITLED_TITLE_CHARS + 1);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
  });

  it("gives the report's first sentence and the store's first line the same title", () => {
    expect(untitledStoryTitle(`${long}\nThe board said the pier would stay shut.`)).toBe(untitledStoryTitle(long));
  });
});

describe("nameArticle", () => {
  it.each<[string, LoneArticle, string]>([
    [
      "its outlet first",
      { id: "c1", outlet: " Kestrel Post ", title: "Ferry aground", url: "https://x.example/a" },
      "Kestrel Post",
    ],
    [
      "else its URL's host",
      { id: "c2", url: "https://www.portavel-times.example/a/b", title: "Ferry aground" },
      "portavel-times.example",
    ],
    [
      "else its headline, quoted",
      { id: "c3", source: "in/c3.txt", title: "Ferry aground off Portavel." },
      "“Ferry aground off Portavel”",
    ],
    [
      "a long headline by its first words",
      { id: "c4", title: "Ana Ruiz says the Kestrel Bay ferry will not sail again this winter" },
      "“Ana Ruiz says the Kestrel Bay…”",
    ],
    ["else its text's first words", { id: "c5", text: "The ferry ran aground.\nMore." }, "“The ferry ran aground”"],
    ["else its file's name", { id: "c6", source: "feeds/day one/c6_velmar.txt" }, "c6_velmar.txt"],
    // Negative rows: blank fields name nothing; a URL is never shown as a file name; an id is the last resort.
    ["blank outlet and title skipped", { id: "c7", outlet: "  ", title: " ", source: "c7.html" }, "c7.html"],
    ["an unparsable URL is no host and no file", { id: "c8", url: "https://" }, "c8"],
    ["nothing known but its id", { id: "okafor-03" }, "okafor-03"],
  ])("%s", (_, article, name) => {
    expect(nameArticle(article)).toBe(name);
  });
});

describe("hitNames", () => {
  it.each<[string, Parameters<typeof hitNames>[0], ReturnType<typeof hitNames>]>([
    [
      "headline, then outlet",
      { name: "f1", title: "Ferry aground", outlet: "Kestrel Post" },
      { headline: "Ferry aground", who: "Kestrel Post" },
    ],
    [
      "headline, then host",
      { name: "f2", title: "Ferry aground", url: "https://velmar.example/x" },
      { headline: "Ferry aground", who: "velmar.example" },
    ],
    [
      "untitled: first words quoted, then outlet",
      { name: "f3", opening: "The ferry ran aground", outlet: "Kestrel Post" },
      { headline: "“The ferry ran aground”", who: "Kestrel Post" },
    ],
    // Negative rows: a hit without outlet is not named by its headline twice; one with nothing by its id alone.
    [
      "headline, then the file, not the headline again",
      { name: "f4", title: "Ferry aground" },
      { headline: "Ferry aground", who: "f4" },
    ],
    ["nothing but its id", { name: "f5" }, { who: "f5" }],
  ])("%s", (_, hit, names) => {
    expect(hitNames(hit)).toEqual(names);
  });
});
