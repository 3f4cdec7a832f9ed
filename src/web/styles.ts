/** The colour a highlighted span takes when a link lands on it; the browser test checks for it. */
export const TARGET_BACKGROUND = "rgb(255, 214, 10)";

/**
 * The page's stylesheet. Only local font families (the page fetches nothing), one column that reads
 * comfortably, tables that scroll sideways instead of squeezing, and a print layout without navigation.
 */
export const REPORT_CSS = `
:root {
  --ink: #1d1d1f; --muted: #5f6368; --line: #d9d6cc; --paper: #fbfaf6; --card: #ffffff;
  --accent: #1a4f8b; --good: #1e6b34; --good-bg: #e3f3e6; --bad: #9b1c1c; --bad-bg: #fbe3e1;
  --warn: #8a4b00; --warn-bg: #fdf0d8; --info-bg: #e7eef8; --mute-bg: #eeede8;
  --target: ${TARGET_BACKGROUND};
}
* { box-sizing: border-box; }
html { scroll-behavior: auto; }
body {
  margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
header.page { background: #14283f; color: #f4f1e8; padding: 1.6rem 1.5rem 1.2rem; }
header.page h1 { margin: 0 0 .3rem; font: 600 1.9rem/1.2 Georgia, "Noto Serif", "DejaVu Serif", serif; }
header.page p { margin: 0; color: #c9d3df; }
nav.toc { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .15rem 1rem; background: #eae6da; border-bottom: 1px solid var(--line); padding: .45rem 1.5rem; font-size: .9rem; }
nav.toc a { white-space: nowrap; color: var(--accent); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
nav.toc .n { color: var(--muted); font-variant-numeric: tabular-nums; }
main { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem 4rem; }
section { margin-top: 2.4rem; }
section > h2 { font: 600 1.45rem/1.25 Georgia, "Noto Serif", "DejaVu Serif", serif; border-bottom: 2px solid var(--ink); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
a { color: var(--accent); }
.lede { color: var(--muted); margin-top: -.4rem; }
.none { color: var(--muted); font-style: italic; }
[id] { scroll-margin-top: 4rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .9rem 1.1rem; margin: .9rem 0; }
.card:target, tr:target, li:target { outline: 3px solid var(--target); }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; letter-spacing: .02em; padding: .05rem .45rem; border-radius: 999px; background: var(--mute-bg); color: var(--ink); vertical-align: .1em; white-space: nowrap; }
.badge.good { background: var(--good-bg); color: var(--good); }
.badge.bad { background: var(--bad-bg); color: var(--bad); }
.badge.warn { background: var(--warn-bg); color: var(--warn); }
.badge.info { background: var(--info-bg); color: var(--accent); }
.cite { font-size: .8rem; }
.cite a { text-decoration: none; border-bottom: 1px dotted; white-space: nowrap; }
a.ev { color: #24364f; text-decoration: underline dotted #7f8ea3; text-underline-offset: .2em; }
a.ev:hover { color: var(--accent); text-decoration-style: solid; }
a.ev strong { background: var(--warn-bg); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--card); font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left; vertical-align: top; }
thead th { background: #f1efe7; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ol.brief li { margin: .45rem 0; font-family: Georgia, "Noto Serif", "DejaVu Serif", serif; font-size: 1.06rem; }
table.matrix td.cell { text-align: center; width: 4.5rem; }
table.matrix td.cell a { text-decoration: none; font-size: 1.1rem; }
table.matrix td.against, table.matrix td.against a { color: var(--bad); background: var(--bad-bg); }
table.matrix td.miss { background: #f6f5f0; color: #b8b4a8; text-align: center; }
table.matrix.many thead th.outlet { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 12rem; }
tr.unique th, tr.unique td.fact { background: #fcfbf7; }
.values td:first-child { white-space: nowrap; }
.value { font-weight: 600; }
blockquote { margin: .4rem 0 .8rem; padding: .2rem 0 .2rem .9rem; border-left: 4px solid var(--line); font-family: Georgia, "Noto Serif", "DejaVu Serif", serif; font-size: 1.05rem; }
.renderings { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: .7rem; }
.rendering { border: 1px solid var(--line); border-radius: 5px; padding: .55rem .7rem; background: #fdfdfb; }
.rendering .said { font-family: Georgia, "Noto Serif", "DejaVu Serif", serif; margin: .35rem 0; }
.rendering .attr { color: var(--muted); font-size: .85rem; }
ins { background: #cdeccf; color: #0f4d1d; text-decoration: none; border-radius: 2px; }
del { background: #f8d4d2; color: #8a1c1c; text-decoration: line-through; border-radius: 2px; }
.fid-exact { background: var(--good-bg); color: var(--good); }
.fid-minor-edit { background: var(--info-bg); color: var(--accent); }
.fid-altered { background: var(--bad-bg); color: var(--bad); }
.fid-expanded { background: var(--warn-bg); color: var(--warn); }
.fid-truncated { background: #efe4f6; color: #5b2a7a; }
.ladder { display: inline-flex; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; font-size: .78rem; }
.ladder span { padding: .05rem .45rem; color: #9a968c; border-right: 1px solid var(--line); }
.ladder span:last-child { border-right: 0; }
.ladder span.on { background: var(--accent); color: #fff; font-weight: 600; }
meter { width: 7rem; vertical-align: middle; }
.arrow { color: var(--muted); padding: 0 .3rem; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
ol.timeline li { position: relative; padding: .25rem 0 .55rem 1.1rem; }
ol.timeline li::before { content: ""; position: absolute; left: -.5rem; top: .65rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--accent); }
ol.timeline time { font-weight: 600; font-variant-numeric: tabular-nums; margin-right: .5rem; }
svg.graph { display: block; max-width: 100%; height: auto; margin: .5rem auto; background: var(--card); border: 1px solid var(--line); border-radius: 6px; font: 13px system-ui, sans-serif; }
svg.graph .node circle { fill: var(--accent); stroke: #fff; stroke-width: 2; }
svg.graph .node text { fill: var(--ink); }
svg.graph a.node:hover text { text-decoration: underline; }
svg.graph .edge path { fill: none; stroke: #8d8a80; stroke-width: 1.4; }
svg.graph .arrowhead { fill: #8d8a80; }
svg.graph .edge-label { fill: #6b3d00; font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.aliases { color: var(--muted); }
.mentions a { text-decoration: none; font-size: .85rem; padding: 0 .2rem; }
article.source { max-width: 50rem; background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.4rem 1.2rem; margin: 1.2rem 0; }
article.source header h3 { font: 600 1.2rem/1.3 Georgia, "Noto Serif", "DejaVu Serif", serif; margin: 0; }
article.source header .meta { color: var(--muted); font-size: .85rem; margin: .15rem 0 .6rem; overflow-wrap: anywhere; }
.article-text { white-space: pre-wrap; overflow-wrap: break-word; font: 1.04rem/1.7 Georgia, "Noto Serif", "DejaVu Serif", serif; max-width: 44rem; }
.mark.k-mention { border-bottom: 1px dotted #7f8ea3; }
.mark.k-reuse { background: #e6eef8; }
.mark.k-quote { background: #f4efe0; }
.mark.k-speech { background: #eceff6; }
.mark.k-value, .mark.k-claim { text-decoration: underline 2px #e4b860; text-underline-offset: .2em; }
.mark.k-disputed { background: #fbe1bd; box-shadow: 0 0 0 1px #e4b860; border-radius: 2px; font-weight: 600; }
.article-text .mark { scroll-margin-top: 35vh; }
.article-text .mark:target { background: var(--target); box-shadow: 0 0 0 2px var(--target); border-radius: 2px; }
.legend { font-size: .85rem; color: var(--muted); }
.legend .mark { padding: 0 .2rem; }
details { margin-top: .6rem; font-size: .88rem; color: var(--muted); }
footer.page { text-align: center; color: var(--muted); font-size: .8rem; padding: 2rem 0; }
@media (max-width: 40rem) { main { padding: 0 .8rem 3rem; } nav.toc { position: static; } }
@media print {
  body { background: #fff; font-size: 11pt; }
  header.page { background: none; color: #000; padding: 0 0 .5rem; border-bottom: 2px solid #000; }
  header.page p { color: #333; }
  nav.toc { display: none; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  thead th { position: static; }
  .card, tr, .rendering, ol.timeline li, svg.graph { break-inside: avoid; }
  article.source { break-before: page; border: 0; padding: 0; }
  .scroll { overflow: visible; }
}
`;
