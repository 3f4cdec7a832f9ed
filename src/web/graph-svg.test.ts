import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { MAX_GRAPH_NODES, renderGraphSvg } from "./graph-svg.js";

const OPTIONS = { title: "actors", idPrefix: "g" };

function parse(markup: string): Document {
  return new JSDOM(`<!DOCTYPE html><body>${markup}</body>`).window.document;
}

describe("renderGraphSvg", () => {
  const nodes = [
    { id: "a", label: "Alpha Council", anchor: "ent-0" },
    { id: "b", label: "Beta Union" },
    { id: "c", label: "Gamma Port" },
  ];

  it("draws one node per entity and one arrow per ordered pair, labels joined", () => {
    const doc = parse(
      renderGraphSvg(
        nodes,
        [
          { from: "a", to: "b", label: "backs" },
          { from: "a", to: "b", label: "funds" },
          { from: "a", to: "b", label: "backs" },
          { from: "b", to: "a", label: "rejects" },
        ],
        OPTIONS,
      ).value,
    );
    expect(doc.querySelectorAll("circle").length).toBe(3);
    expect([...doc.querySelectorAll(".edge text")].map((t) => t.textContent)).toEqual(["backs; funds", "rejects"]);
    expect(doc.querySelector("a.node")?.getAttribute("href")).toBe("#ent-0");
    expect(doc.querySelectorAll("marker#g-arrow").length).toBe(1);
  });

  it("leaves out self-loops and edges to nodes it does not draw", () => {
    const doc = parse(
      renderGraphSvg(
        nodes,
        [
          { from: "a", to: "a", label: "reforms" },
          { from: "a", to: "zz", label: "meets" },
        ],
        OPTIONS,
      ).value,
    );
    expect(doc.querySelectorAll(".edge").length).toBe(0);
  });

  it("is deterministic and draws at most MAX_GRAPH_NODES nodes", () => {
    const many = Array.from({ length: MAX_GRAPH_NODES + 5 }, (_, i) => ({ id: `n${i}`, label: `Node ${i}` }));
    const first = renderGraphSvg(many, [], OPTIONS).value;
    expect(renderGraphSvg(many, [], OPTIONS).value).toBe(first);
    expect(parse(first).querySelectorAll("circle").length).toBe(MAX_GRAPH_NODES);
  });

  it("escapes labels and keeps the full one in a tooltip", () => {
    const label = "</svg><script>alert(1)</script> and a very long name indeed";
    const doc = parse(renderGraphSvg([{ id: "x", label }], [], OPTIONS).value);
    expect(doc.querySelectorAll("script").length).toBe(0);
    expect(doc.querySelector(".node title")?.textContent).toBe(label);
    expect(doc.querySelector(".node text")?.textContent?.endsWith("…")).toBe(true);
  });
});
