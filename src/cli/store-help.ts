/** Help for the commands that work on the store: `ingest`, `stories`, `story`, `search`, `worker`. */

const DB = `  --db PATH     the store: a SQLite file, made on first ingest, or a postgres:// URL; default
                TRIANGULATE_DB, else ./triangulate.db`;

const EXIT_CODES = `Exit codes
  0   done (items that could not be read were named on standard error and skipped)
  1   nothing could be done: no article could be read, no store at --db, no such story, an output file
      cannot be written
  2   the command line is wrong (unknown option, missing argument, a bad value)
  70  internal error: a bug in triangulate; the message and its trace are on standard error`;

export const STORE_HELP: Record<string, string> = {
  worker: `triangulate worker [--db postgres://...] [--concurrency N] [--job-timeout S] [--verbose]

Takes jobs from the queue in a PostgreSQL store until stopped with Ctrl-C or SIGTERM, then finishes the
jobs in hand. "triangulate ingest SOURCES... --queue --db postgres://..." queues one ingest job per
source; a worker reads it and stores its new articles, a cluster job places them in stories (one at a
time across all workers, under a lock in the database), and each story that changed is analysed once
its articles stop arriving (an analysis waits 2 s, and articles that join meanwhile ride on it).
Run any number of workers on any number of machines: the database is the only shared state. A worker
that is killed loses nothing: its jobs go to another worker once they time out. While the database is
unreachable workers wait and go on when it is back.

  --db URL            the store's postgres:// URL; default TRIANGULATE_DB
  --concurrency N     ingest and analyse jobs run at once in this process; default 2
  --job-timeout S     seconds after which a job whose worker went silent is run again; default 30
  --verbose           one line per job done on standard error

${EXIT_CODES}
`,
  ingest: `triangulate ingest SOURCES... [--db PATH] [--no-analyze] [--queue] [--json] [--max-article-bytes N]

Reads articles into the store and keeps the stories they form up to date. SOURCES are everything
"analyze" reads: text files, web pages (.html, .html.gz), RSS and Atom feeds, JSON Lines, WARC crawls,
http(s) URLs; a folder stands for the article files in it and its subfolders (by name: .txt, .html,
.xml, .rss, .atom, .jsonl, .warc, also .gz; others such as README.md are passed over); a quoted pattern
("crawl/**/*.warc.gz") for the files it matches; "-" for JSON Lines on standard input.

An article's identity is its canonical URL (tracking parameters and fragments removed), else the hash of
its outlet and text: ingesting the same input again adds nothing. Each new article joins the story it
belongs to or starts one (online clustering over names, rare words and time). A near-duplicate, such as
a syndicated copy of a wire report, is kept and linked to the article it copies, and counts once as a
voice in the analysis. When the input ends, every story that gained articles is analysed once and its
report stored with a version and the time; other stories are not touched. A run that is killed loses
nothing: run it again and it adds what is missing and analyses what still waits.

On a terminal a progress line is drawn on standard error. The last line says what was read, what was new,
how many were copies or already stored, what was skipped and why, how many stories were touched, and
the time taken.

${DB}
  --no-analyze  store and cluster only; the changed stories wait and the next ingest analyses them
  --queue       with a postgres:// store: queue one ingest job per source for "triangulate worker"
                processes and return at once
  --json        print the closing counts as JSON
  --max-article-bytes N   skip an article with more than N bytes of text

${EXIT_CODES}
`,
  stories: `triangulate stories [--db PATH] [--sort newest|biggest] [--limit N] [--json]

Lists the stories of the store, most recently updated first (or with the most articles first): title,
number of articles and copies, outlets, first and last publication dates, disputed facts and
discrepancies of its report, and whether the report is current.

${DB}
  --sort ORDER  newest (default: last updated first) or biggest (most articles first)
  --limit N     at most N stories; default 50
  --json        print {"stories": [...]} as JSON

Works while an ingest runs: it reads the last committed state.

${EXIT_CODES}
`,
  story: `triangulate story ID [--db PATH] [--json | --html FILE] [--out FILE]

Shows one story of the store (ID as listed by "triangulate stories") as "analyze" shows a story: a
readable summary, the triangulate.story/1 report as JSON, or one HTML page. A story whose report is
older than its articles (an ingest is running, or ran with --no-analyze) is shown with its stored report
and a note; a story with no report yet is analysed for display (nothing is written).

${DB}
  --json        print the report as JSON
  --html FILE   write the report as one self-contained HTML page
  --out FILE    write the summary or the JSON to FILE

${EXIT_CODES}
`,
  search: `triangulate search QUERY... [--db PATH] [--outlet NAME] [--since DATE] [--until DATE] [--limit N] [--json]

Finds the articles whose title or text holds every word of the query ("quoted words" as a phrase), best
first, each with the words around the match (marked « ») and the story it belongs to. Anything else in
the query (operators, stars, brackets) is read as a separator, never as search syntax.

${DB}
  --outlet NAME  only articles of this outlet (any case)
  --since DATE   only articles published on or after DATE (YYYY-MM-DD or an ISO date-time)
  --until DATE   only articles published on or before DATE (a date means the whole day)
  --limit N      at most N hits; default 20
  --json         print {"query", "hits": [...]} as JSON

${EXIT_CODES}
`,
};
