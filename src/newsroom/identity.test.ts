import { describe, expect, it } from "vitest";
import type { Article } from "../model/index.js";
import { canonicalUrl, contentHash, identityOf } from "./identity.js";

const article = (over: Partial<Article> = {}): Article => ({
  id: "a",
  source: "a.txt",
  outlet: "Lowland Courier",
  text: "The ferry ran again on Tuesday.",
  removedBoilerplate: [],
  diagnostics: [],
  ...over,
});

describe("canonicalUrl", () => {
  it.each([
    ["https://news.example/a/b", "https://news.example/a/b"],
    ["HTTP://News.Example/a/b/", "https://news.example/a/b"],
    ["https://news.example:443/a#comments", "https://news.example/a"],
    ["https://news.example/a?utm_source=feed&utm_medium=rss&fbclid=x", "https://news.example/a"],
    ["https://news.example/a?b=2&a=1&gclid=9", "https://news.example/a?a=1&b=2"],
    ["https://news.example/", "https://news.example"],
    ["https://news.example:8080/a", "https://news.example:8080/a"],
  ])("%s -> %s", (url, canonical) => {
    expect(canonicalUrl(url)).toBe(canonical);
  });

  it.each([["ftp://news.example/a"], ["not a url"], ["mailto:desk@news.example"], ["file:///tmp/a.html"], [""]])(
    "%j has no canonical form",
    (url) => {
      expect(canonicalUrl(url)).toBeUndefined();
    },
  );

  it("keeps apart what differs: path, case of the path, a meaningful parameter", () => {
    expect(canonicalUrl("https://news.example/a")).not.toBe(canonicalUrl("https://news.example/b"));
    expect(canonicalUrl("https://news.example/A")).not.toBe(canonicalUrl("https://news.example/a"));
    expect(canonicalUrl("https://news.example/a?id=1")).not.toBe(canonicalUrl("https://news.example/a?id=2"));
  });
});

describe("contentHash", () => {
  it("is the same for the same words and outlet, however spaced or composed", () => {
    expect(contentHash(article())).toBe(contentHash(article({ text: "  The ferry ran\n\nagain on Tuesday. " })));
    expect(contentHash(article({ text: "Caf\u00e9 reopened." }))).toBe(
      contentHash(article({ text: "Cafe\u0301 reopened." })),
    );
    expect(contentHash(article())).toBe(contentHash(article({ outlet: "lowland courier ", title: "Another title" })));
  });

  it("differs for other words, another outlet, or no outlet", () => {
    expect(contentHash(article())).not.toBe(contentHash(article({ text: "The ferry ran again on Wednesday." })));
    expect(contentHash(article())).not.toBe(contentHash(article({ outlet: "Tidewater Post" })));
    const { outlet: _, ...noOutlet } = article();
    expect(contentHash(article())).not.toBe(contentHash(noOutlet));
  });
});

describe("identityOf", () => {
  it("is the canonical URL when there is one, from the page or from an http source", () => {
    expect(identityOf(article(), "https://news.example/a?utm_source=x").key).toBe("url:https://news.example/a");
    expect(identityOf(article({ source: "http://news.example/b/" })).key).toBe("url:https://news.example/b");
  });

  it("is the content hash otherwise", () => {
    const id = identityOf(article());
    expect(id.key).toBe(`hash:${contentHash(article())}`);
    expect(id.url).toBeUndefined();
    expect(identityOf(article(), "not a url").key).toMatch(/^hash:[0-9a-f]{64}$/);
  });
});
