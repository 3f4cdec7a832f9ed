/** Help for `triangulate extract`. */
export const EXTRACT_HELP = `triangulate extract PAGES... [--url URL]... [--json]

Extracts the article of each web page (.html, .htm, or either gzip-compressed as .gz; an http(s) URL is
fetched) and prints one result per page, in the order given. With --json each result is one JSON object
on its own line: id, source, kind ("article" or "not-article"), url, title, outlet, author, published (ISO),
language, text, removedBoilerplate, and the reasons when the page is not an article.

  --url URL   the address the page was saved from (dates and the outlet may be read from it); give it once
              per page, in the same order, or once for a single page
  --json      print JSON Lines instead of a readable summary

A page that cannot be read (missing, binary, a truncated gzip stream) is named on standard error; the exit
code is 1 only when no page could be read.
`;
