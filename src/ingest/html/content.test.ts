import { describe, expect, it } from "vitest";
import { extractContent } from "./content.js";
import { parseHtmlTree } from "./tree.js";

const story = [
  "The harbour authority reopened the northern quay on Tuesday after divers had checked the wall for damage.",
  "Ferries will return to their usual berths from Thursday, and the temporary landing stage will be taken down.",
  "Repairs to the southern quay are to start in the spring and to last until the end of the summer season.",
];
const p = (s: string) => `<p>${s}</p>`;
const text = (html: string) => extractContent(parseHtmlTree(`<html><body>${html}</body></html>`)).paragraphs;

describe("extractContent and captions", () => {
  it("leaves out a caption under a picture in the picture's own holder", () => {
    const figure =
      '<div class="pic"><div class="frame"><img src="quay.jpg"></div><p><small>The northern quay on Tuesday. Photo: Harbour Post</small></p></div>';
    expect(text(`<article>${p(story[0] as string)}${figure}${story.slice(1).map(p).join("")}</article>`)).toEqual(
      story,
    );
  });

  it("leaves out a caption set below a picture by a line break in one paragraph", () => {
    const figure = '<p><img src="wall.jpg"><br><em>Figure 2: the wall where the divers worked.</em></p>';
    expect(text(`<article>${story.map(p).join(figure)}</article>`)).toEqual(story);
  });

  it("keeps a paragraph that starts beside a floated picture", () => {
    const lead = `<p><img src="logo.png" align="left">${story[0]}</p>`;
    expect(text(`<article>${lead}${story.slice(1).map(p).join("")}</article>`)).toEqual(story);
  });

  it("keeps a lead paragraph under a picture at the top of the article", () => {
    expect(text(`<article><img src="hero.jpg">${story.map(p).join("")}</article>`)).toEqual(story);
  });

  it("keeps a short paragraph after a picture when the holder has the article's other text", () => {
    const short = "Ferries return on Thursday.";
    expect(
      text(`<article>${p(story[0] as string)}<img src="x.jpg">${p(short)}${p(story[1] as string)}</article>`),
    ).toEqual([story[0], short, story[1]]);
  });

  it("leaves out a credit marked on an inline element inside a paragraph", () => {
    const credited = `<p><span class="caption">The quay at dawn.</span><span class="credits">Harbour Post / J. Doe</span></p>`;
    const paragraphs = text(`<article>${story.map(p).join(credited)}</article>`);
    expect(paragraphs.join(" ")).not.toContain("J. Doe");
    expect(paragraphs).toEqual(story);
  });
});

describe("extractContent and the container's tail", () => {
  const links = (n: number) =>
    `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/s/${i}">Headline number ${i} about another harbour story</a></li>`).join("")}</ul>`;
  const teaser = (i: number) =>
    `<p>Teaser ${i}: the council approved a new budget for the coastal road, with works to begin after the summer.</p>`;

  it("ends the text where a headline list with a teaser follows the article in one container", () => {
    const headlines = `<h3>More headlines</h3>${links(8)}${teaser(1)}${links(2)}`;
    expect(text(`<div id="main">${story.map(p).join("")}${headlines}</div>`)).toEqual(story);
  });

  it("keeps the article's end after a short inline link box", () => {
    const box = links(1);
    const paragraphs = text(`<div id="main">${story.slice(0, 2).map(p).join("")}${box}${p(story[2] as string)}</div>`);
    expect(paragraphs).toEqual(story);
  });
});

describe("extractContent and teaser lists", () => {
  const item = (i: number) =>
    `<dt><a href="/s/${i}">Council approves the budget for the coastal road, part ${i}</a></dt><dd>The council approved a new budget for the coastal road on Monday, with works to begin after the summer and to last two years.</dd>`;

  it("takes the article's own element, not a wrapper that adds a longer list of teasers", () => {
    const html = `<div id="main"><div id="story">${story.map(p).join("")}</div><h3>Headlines</h3><dl>${[1, 2, 3, 4, 5].map(item).join("")}</dl></div>`;
    expect(text(html)).toEqual(story);
  });

  it("keeps a paragraph that follows a headline link inside the article", () => {
    const link = '<p><a href="/s/9">Council approves the budget for the coastal road</a></p>';
    const html = `<div id="main"><div id="story">${story.slice(0, 2).map(p).join("")}${link}${p(story[2] as string)}</div></div>`;
    expect(text(html)).toEqual(story);
  });
});
