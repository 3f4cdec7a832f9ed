import { html, type SafeHtml } from "../escape.js";

/** Where the pages' stylesheet and script are served; the CSP allows only files from the same origin. */
export const ASSET_PATHS = { css: "/assets/site.css", js: "/assets/site.js", icon: "/assets/icon.svg" } as const;

/** What a page puts in the common frame. */
export interface LayoutOptions {
  /** The document title, before " — Triangulate". */
  title: string;
  /** The page's heading and the line under it. */
  heading: string | SafeHtml;
  subheading?: string | SafeHtml;
  /** In-page navigation (a story page's sections), shown under the header. */
  toc?: SafeHtml;
  /** The search box's current query. */
  query?: string;
  body: SafeHtml;
}

/**
 * The frame of every server-rendered page: landmarks (banner, navigation, search, main, contentinfo),
 * the stylesheet and script as files (no inline script or style, so a strict CSP holds), and a search
 * form that works without script.
 *
 * @example renderLayout({ title: "Stories", heading: "Stories", body: html`<p>…</p>` })
 */
export function renderLayout(options: LayoutOptions): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} — Triangulate</title>
<link rel="stylesheet" href="${ASSET_PATHS.css}">
<link rel="icon" href="${ASSET_PATHS.icon}" type="image/svg+xml">
<script src="${ASSET_PATHS.js}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<nav aria-label="Site"><a class="brand" href="/">Triangulate</a> <a href="/">Stories</a> <a href="/api/openapi.json">API</a></nav>
<form class="search" role="search" method="get" action="/search"><label for="site-q">Search articles</label> <input id="site-q" name="q" type="search" value="${options.query ?? ""}" maxlength="200"> <button type="submit">Search</button></form>
</header>
<main id="main">
<header class="page">
<h1>${options.heading}</h1>
${options.subheading ? html`<p>${options.subheading}</p>` : ""}
</header>
${options.toc ?? ""}
<div class="content">
${options.body}
</div>
</main>
<footer class="page">Triangulate: every finding links to the words it rests on. Article text is shown as text, never as markup.</footer>
</body>
</html>
`.value;
}
