import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "..", "src");

/**
 * Which parts of src/ each part may import, besides itself. A part is a folder of src/ or a file at its root.
 * Stages read only the document model and the shared word lists and lexicon, and are composed by the pipeline;
 * a stage that needs another stage's knowledge gets it passed in (the comparison stages get the lexicon's
 * lookups through `CompareOptions`). The shells (CLI, server, store, evaluation) wire everything.
 */
const ALLOWED: Record<string, readonly string[] | "anything"> = {
  model: [],
  words: [],
  lexicon: ["words"],
  ingest: ["model", "words"],
  annotate: ["model", "words", "lexicon"],
  cluster: ["model", "words", "lexicon"],
  resolve: ["model", "words", "lexicon"],
  compare: ["model", "words"],
  brief: ["model", "words"],
  // The report is built from the findings, the brief among them (`buildReport` writes it last).
  report: ["model", "words", "brief"],
  web: ["model", "words", "report"],
  "pipeline.ts": "anything",
  "index.ts": "anything",
  cli: "anything",
  server: "anything",
  store: "anything",
  // The running system: the newsroom's ingest and the workers' jobs wire stages to the store, as the shells do.
  newsroom: "anything",
  jobs: "anything",
  eval: "anything",
};

/** Source files of src/, tests left out: a test may run the whole pipeline to check its stage. */
function sourceFiles(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

const partOf = (file: string): string => relative(SRC, file).split(sep)[0] as string;

/** Every relative module a file's text imports or re-exports, type-only and dynamic imports included, resolved. */
function importsOf(file: string, source: string = readFileSync(file, "utf8")): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => resolve(dirname(file), name));
}

/** The imports of a file (given its text) into another part of src/ that the table does not allow. */
function forbiddenImports(file: string, source?: string): string[] {
  const from = partOf(file);
  const allowed = ALLOWED[from];
  if (allowed === undefined) return [`${relative(SRC, file)}: src/${from} has no row in the table of allowed imports`];
  if (allowed === "anything") return [];
  return importsOf(file, source)
    .filter((target) => {
      const to = relative(SRC, target).startsWith("..") ? "outside src" : partOf(target).replace(/\.js$/, ".ts");
      return to !== from && !allowed.includes(to);
    })
    .map((target) => `${relative(SRC, file)} -> ${relative(SRC, target)}`);
}

describe("imports between the parts of src/", () => {
  const files = sourceFiles();

  it("finds the source files and their imports", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map(partOf)).toEqual(expect.arrayContaining(["annotate", "compare", "pipeline.ts", "words"]));
    expect(importsOf(join(SRC, "pipeline.ts"))).toContain(join(SRC, "lexicon", "index.js"));
  });

  it("follow the table: stages import only the model, the shared word lists and the lexicon", () => {
    expect(files.flatMap((f) => forbiddenImports(f))).toEqual([]);
  });

  it("would catch a later stage importing an earlier one, a sibling, or a stage importing a shell", () => {
    const probe = (part: string, source: string) => ({ file: join(SRC, part, "probe.ts"), source });
    const cases = [
      probe("compare", 'import { tokenize } from "../annotate/tokens/index.js";'),
      probe("resolve", 'export { lookupPlace } from "../annotate/mentions/lexicon.js";'),
      probe("web", 'import type { Article } from "../ingest/index.js";'),
      probe("annotate", 'const later = await import("../compare/index.js");'),
      probe("compare", 'import { defaultLexicon } from "../lexicon/index.js";'),
      probe("model", 'import { NUMBER_WORD } from "../words/numbers.js";'),
      probe("brief", 'import { analyzeStory } from "../pipeline.js";'),
      probe("unlisted", 'import { analyzeStory } from "../pipeline.js";'),
    ];
    for (const { file, source } of cases) {
      expect(forbiddenImports(file, source), source).toHaveLength(1);
    }
    expect(forbiddenImports(join(SRC, "compare", "probe.ts"), 'import { SCALES } from "../words/numbers.js";')).toEqual(
      [],
    );
    expect(
      forbiddenImports(join(SRC, "cli", "probe.ts"), 'import { tokenize } from "../annotate/tokens/index.js";'),
    ).toEqual([]);
  });
});

/**
 * Module-level `let`s that are allowed: each holds something loaded once on first use and never replaced or
 * changed after, so no analysis can see another's work through it.
 */
const LAZY_LOADS: Record<string, string> = {
  "lexicon/index.ts shippedLexicon": "the default lexicon, immutable",
  "ingest/html/page.ts detect": "tinyld's detect function",
  "ingest/html/readability.ts fallback": "the Readability and linkedom modules",
};

/** Methods that change a collection or an array in place. */
const MUTATORS = new Set([
  "set",
  "add",
  "delete",
  "clear",
  "push",
  "pop",
  "shift",
  "unshift",
  "splice",
  "sort",
  "fill",
]);

/**
 * State a module keeps between calls: a module-level `let` or `var` not listed in LAZY_LOADS, and any change,
 * inside a function, to a module-level constant (a collection's mutating method, a property or element written).
 * Filling a table while the module loads is initialisation, not state; a regular expression's `lastIndex` is set
 * before each scan that reads it, so it carries nothing from one call to the next.
 */
function moduleState(file: string, source: string = readFileSync(file, "utf8")): string[] {
  const rel = relative(SRC, file).split(sep).join("/");
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const constants = new Set<string>();
  for (const statement of tree.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      if (isConst) constants.add(d.name.text);
      else if (!LAZY_LOADS[`${rel} ${d.name.text}`]) out.push(`${rel}: module-level let ${d.name.text}`);
    }
  }
  const rootOf = (e: ts.Expression): string | undefined => {
    let at = e;
    while (ts.isPropertyAccessExpression(at) || ts.isElementAccessExpression(at)) at = at.expression;
    return ts.isIdentifier(at) && constants.has(at.text) ? at.text : undefined;
  };
  const written = (target: ts.Expression): string | undefined => {
    if (ts.isPropertyAccessExpression(target) && target.name.text === "lastIndex") return undefined;
    return ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) ? rootOf(target) : undefined;
  };
  const visit = (node: ts.Node, inFunction: boolean): void => {
    const inside = inFunction || ts.isFunctionLike(node);
    if (inside) {
      let name: string | undefined;
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        if (MUTATORS.has(node.expression.name.text)) name = rootOf(node.expression.expression);
      } else if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      ) {
        name = written(node.left);
      } else if (
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
      ) {
        name = written(node.operand);
      }
      if (name) out.push(`${rel}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1} changes ${name}`);
    }
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  visit(tree, false);
  return out;
}

describe("module-level state in src/", () => {
  it("is none: no module keeps what one analysis did for the next", () => {
    const found = sourceFiles().flatMap((f) => moduleState(f));
    expect(found).toEqual([]);
  });

  it("would catch a cache, a counter or a swapped table, and allows loading and lookups", () => {
    const file = join(SRC, "compare", "probe.ts");
    const rows: [string, number][] = [
      ["const seen = new Map();\nexport function f(k) { seen.set(k, 1); }", 1],
      ["const seen = new WeakMap();\nexport const f = (k) => { if (!seen.has(k)) seen.set(k, 1); };", 1],
      ["let calls = 0;\nexport function f() { return 1; }", 1],
      ["const state = { n: 0 };\nexport function f() { state.n++; }", 1],
      ["const tables = {};\nexport function swap(t) { tables.words = t; }", 1],
      ["const list = [];\nexport function f(x) { list.push(x); }", 1],
      ["const TABLE = new Map();\nfor (const k of ['a']) TABLE.set(k, 1);\nexport const f = (k) => TABLE.get(k);", 0],
      ["const RE = /a/g;\nexport function f(s) { RE.lastIndex = 0; return RE.exec(s); }", 0],
      ["export function f() { const local = new Map(); local.set(1, 2); return local; }", 0],
    ];
    for (const [source, count] of rows) expect(moduleState(file, source), source).toHaveLength(count);
  });
});
