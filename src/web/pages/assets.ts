import { REPORT_CSS } from "../styles.js";

/**
 * The pages' stylesheet: the one-file report's rules, then the server pages' own (site header, filters,
 * story list charts, the claim table in its own scrolling box, articles in a grid of columns). Served as
 * a file so that the CSP needs no 'unsafe-inline'.
 */
export const SITE_CSS = `${REPORT_CSS}
main#main { max-width: none; margin: 0; padding: 0; }
main#main > .content { max-width: 110rem; margin: 0 auto; padding: 0 1.5rem 4rem; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; z-index: 9; background: #fff; padding: .3rem .6rem; }
header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; justify-content: space-between; align-items: center; background: #0e1e30; padding: .5rem 1.5rem; }
header.site a { color: #fff; margin-right: 1rem; text-decoration: none; }
header.site a:hover, header.site a:focus { text-decoration: underline; }
header.site .brand { font-weight: 700; letter-spacing: .02em; }
header.site label { color: #dfe6ee; font-size: .9rem; }
header.page a { color: #cfe0ff; }
input, select, button { font: inherit; font-size: .9rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: 1.2rem 0 0; padding: .6rem .8rem; background: var(--card); border: 1px solid var(--line); border-radius: 6px; font-size: .9rem; }
form.filters fieldset { border: 0; padding: 0; margin: 0; }
form.filters legend { font-weight: 600; padding: 0; }
form.filters label { white-space: nowrap; margin-right: .4rem; }
ol.stories { list-style: none; padding: 0; }
li.story { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1.1rem; margin: .8rem 0; }
li.story.new { border-left: 5px solid var(--accent); }
li.story h2 { font: 600 1.2rem/1.3 Georgia, "Noto Serif", "DejaVu Serif", serif; margin: 0 0 .2rem; }
li.story .meta, .meta { color: var(--muted); font-size: .88rem; margin: .1rem 0; }
li.story .outlets { margin: .2rem 0; font-size: .9rem; }
.coverage { display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; align-items: center; font-size: .8rem; color: var(--muted); }
.coverage figure.chart { margin: 0; display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .6rem; }
.coverage figcaption { font-weight: 600; }
ul.figures { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 .7rem; }
ul.figures .n { font-weight: 600; color: var(--ink); }
svg.bars rect { fill: var(--accent); }
nav.pages { display: flex; gap: 2rem; margin: 1rem 0; }
form.filters + .lede { margin-top: .8rem; font-size: .9rem; }
.scroll.boxed { max-height: 75vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
table caption { text-align: left; color: var(--muted); font-size: .85rem; padding: .2rem 0; }
/* As wide as the page while the columns fit at their least width, wider (scrolled) past that: five outlets fit at 1400 px. */
table.claims { width: 100%; }
table.claims th.claim { position: sticky; left: 0; z-index: 1; background: #fdfcf8; min-width: 16rem; max-width: 24rem; font-weight: 500; }
table.claims thead th { z-index: 2; }
table.claims thead th.claim { z-index: 3; }
table.claims td { min-width: 12rem; max-width: 21rem; font-size: .86rem; }
table.claims td.support { background: #f3faf4; }
table.claims td.against { background: var(--bad-bg); }
table.claims td.silent { background: #f6f5f0; color: #77736a; }
table.claims tr.disputed th.claim { border-left: 4px solid var(--bad); }
.stance { display: block; font-size: .72rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
table.divergence td.num { width: 8rem; }
.sides li { margin: .35rem 0; }
ol.passages { margin: .3rem 0 .6rem; padding-left: 1.4rem; font-size: .9rem; }
ol.passages li { margin: .2rem 0; }
ul.flagged li, ul.entities li, ul.relations li { margin: .3rem 0; }
.article-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr)); gap: 1rem; align-items: start; }
.article-grid article.source { max-width: none; margin: 0; }
.article-grid .article-text { max-width: none; max-height: 85vh; overflow: auto; font-size: .98rem; }
.mark.k-fact { border-bottom: 2px solid #c9dcc9; }
.mark.frag-on { background: var(--target); }
.results li { margin: .6rem 0; }
.results .snippet { color: var(--ink); font-size: .92rem; }
.profile td.num { width: 9rem; }
@media (max-width: 40rem) { header.page h1 { font-size: 1.4rem; } header.site { padding: .5rem .8rem; } main#main > .content { padding: 0 .8rem 3rem; } }
@media print { main#main > .content { max-width: none; padding: 0; } }
`;

/**
 * The pages' one script, an enhancement only: a highlighted span that crosses another is drawn in
 * pieces, and the pieces after the first are lit with it when a link lands on it.
 */
export const SITE_JS = `"use strict";
(function () {
  function mark() {
    var lit = document.querySelectorAll(".frag-on");
    for (var i = 0; i < lit.length; i++) lit[i].classList.remove("frag-on");
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) return;
    var parts = document.querySelectorAll("[data-frag]");
    for (var j = 0; j < parts.length; j++) if (parts[j].getAttribute("data-frag") === id) parts[j].classList.add("frag-on");
  }
  window.addEventListener("hashchange", mark);
  document.addEventListener("DOMContentLoaded", mark);
})();
`;

/** The site's icon: three points joined, drawn as a file so that the browser asks for nothing missing. */
export const SITE_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#14283f"/><path d="M7 24 16 7l9 17z" fill="none" stroke="#f4f1e8" stroke-width="2.5" stroke-linejoin="round"/><circle cx="16" cy="7" r="2.6" fill="#ffd60a"/><circle cx="7" cy="24" r="2.6" fill="#ffd60a"/><circle cx="25" cy="24" r="2.6" fill="#ffd60a"/></svg>
`;
