import { html, type SafeHtml } from "./escape.js";

/** A node of a drawn graph: an actor, or an article in the reuse graph. */
export interface GraphNode {
  id: string;
  label: string;
  /** An in-page anchor (without "#") the node links to. */
  anchor?: string;
}

/** A directed, labelled edge between two node ids. */
export interface GraphEdge {
  from: string;
  to: string;
  label: string;
}

/** How a graph is labelled on the page. */
export interface GraphOptions {
  /** The accessible name of the drawing. */
  title: string;
  /** Prefix of the ids inside the SVG, unique on the page (markers are looked up by id). */
  idPrefix: string;
}

/**
 * More nodes than this make a circle whose labels overlap; the rest stay in the table under the drawing.
 * 24 nodes still leave about 15° of arc per label at the radius used below.
 */
export const MAX_GRAPH_NODES = 24;

/** Labels are cut to this many characters so that they stay inside the drawing's margin. */
const MAX_LABEL = 28;

const NODE_RADIUS = 7;

/**
 * Draws nodes on a circle (in the order given, the first at the top, clockwise) with curved arrows
 * for the edges, bent to their right so that A→B and B→A stay apart. Deterministic: the same input
 * draws the same picture. Edges between the same ordered pair are drawn once with their labels joined.
 *
 * @example renderGraphSvg([{id:"a",label:"A"},{id:"b",label:"B"}], [{from:"a",to:"b",label:"backs"}], {title:"actors", idPrefix:"g"})
 */
export function renderGraphSvg(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  options: GraphOptions,
): SafeHtml {
  const shown = nodes.slice(0, MAX_GRAPH_NODES);
  const n = shown.length;
  const radius = n <= 1 ? 0 : n === 2 ? 90 : Math.max(140, n * 16);
  const marginX = 190;
  const marginY = 50;
  const width = 2 * (radius + marginX);
  const height = 2 * (radius + marginY);
  const cx = width / 2;
  const cy = height / 2;
  const pos = new Map<string, { x: number; y: number; angle: number }>();
  shown.forEach((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    pos.set(node.id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle });
  });

  const merged = new Map<string, GraphEdge>();
  for (const e of edges) {
    if (e.from === e.to || !pos.has(e.from) || !pos.has(e.to)) continue;
    const key = JSON.stringify([e.from, e.to]);
    const had = merged.get(key);
    if (!had) merged.set(key, { ...e });
    else if (!had.label.split("; ").includes(e.label)) had.label += `; ${e.label}`;
  }

  const arrow = `${options.idPrefix}-arrow`;
  const edgeMarkup = [...merged.values()].map((e) => {
    // A pair linked both ways bends further apart and labels each arrow nearer its tail, so the labels do not collide.
    const mutual = merged.has(JSON.stringify([e.to, e.from]));
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) return "";
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const bend = (mutual ? 0.22 : 0.14) * length;
    const c = { x: (a.x + b.x) / 2 - (dy / length) * bend, y: (a.y + b.y) / 2 + (dx / length) * bend };
    const from = toward(a, c, NODE_RADIUS + 1);
    const to = toward(b, c, NODE_RADIUS + 3);
    const t = mutual ? 0.3 : 0.5;
    const mid = {
      x: (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * c.x + t * t * b.x,
      y: (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * c.y + t * t * b.y,
    };
    const d = `M${f(from.x)},${f(from.y)} Q${f(c.x)},${f(c.y)} ${f(to.x)},${f(to.y)}`;
    return html`<g class="edge"><path d="${d}" marker-end="url(#${arrow})"/><text x="${f(mid.x)}" y="${f(mid.y)}" text-anchor="middle" dy="0.35em" class="edge-label">${cut(e.label)}</text></g>`;
  });

  const nodeMarkup = shown.map((node) => {
    const p = pos.get(node.id);
    if (!p) return "";
    const right = Math.cos(p.angle) > 0.2;
    const left = Math.cos(p.angle) < -0.2;
    const lx = p.x + (right ? 12 : left ? -12 : 0);
    const ly = p.y + (right || left ? 0 : Math.sin(p.angle) < 0 ? -14 : 20);
    const anchor = right ? "start" : left ? "end" : "middle";
    const body = html`<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${NODE_RADIUS}"/><text x="${f(lx)}" y="${f(ly)}" dy="0.35em" text-anchor="${anchor}">${cut(node.label)}</text><title>${node.label}</title>`;
    return node.anchor ? html`<a class="node" href="#${node.anchor}">${body}</a>` : html`<g class="node">${body}</g>`;
  });

  return html`<svg class="graph" viewBox="0 0 ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}" role="img" aria-label="${options.title}"><title>${options.title}</title><defs><marker id="${arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>${edgeMarkup}${nodeMarkup}</svg>`;
}

function toward(p: { x: number; y: number }, q: { x: number; y: number }, by: number): { x: number; y: number } {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: p.x + (dx / length) * by, y: p.y + (dy / length) * by };
}

function f(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

function cut(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}
