import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { MentionInput } from "../src/annotate/mentions/index.js";
import { detectMentionsByRules, detectMentionsWithTagger } from "../src/annotate/mentions/index.js";
import { tokenize } from "../src/annotate/tokens/index.js";
import { hasData, SHARED_DATA } from "./data.js";

/**
 * Speed of the entity tagger against the rule detector alone (which the tagger runs for its features), on
 * the same documents in the same run, on one core: tokens per second and their ratio. Then the model's load
 * time from the built package (dist/, after `npm run build`), beside the rule lexicon's load time.
 *
 * Documents: CoNLL-2003 dev rebuilt as text (../shared/data/ner/conllpp), tokenized as articles are.
 *
 * @example npx tsx bench/ner.ts [--rounds N]
 */
export async function benchNer(args: string[]): Promise<void> {
  const at = args.indexOf("--rounds");
  const rounds = at >= 0 ? Number(args[at + 1]) : DEFAULT_ROUNDS;
  if (!hasData("ner/conllpp/conllpp_dev.txt")) {
    console.log("ner speed: skipped, ../shared/data/ner/conllpp/conllpp_dev.txt is absent");
  } else {
    const inputs = conllDocuments(readFileSync(join(SHARED_DATA, "ner/conllpp/conllpp_dev.txt"), "utf8"));
    const tokens = inputs.reduce((n, d) => n + d.tokens.length, 0);
    console.log(`\nCoNLL-2003 dev as text: ${inputs.length} documents, ${tokens} tokens, best of ${rounds} rounds`);
    const rules = timeDetector(inputs, detectMentionsByRules, rounds);
    const tagger = timeDetector(inputs, detectMentionsWithTagger, rounds);
    const rate = (ms: number) => Math.round((tokens / ms) * 1000).toLocaleString("en");
    const line = (name: string, t: Timing) =>
      console.log(`${name}${rate(t.wall)} tokens/s (${rate(t.cpu)} tokens per CPU second)`);
    line("rules alone (reference)  ", rules);
    line("tagger (rules + model)   ", tagger);
    console.log(
      `tagger / rules speed     ${(rules.wall / tagger.wall).toFixed(2)} (CPU time: ${(rules.cpu / tagger.cpu).toFixed(2)})`,
    );
  }
  const dist = resolve(import.meta.dirname, "..", "dist", "lexicon");
  if (!existsSync(join(dist, "index.js"))) {
    console.log("load time: skipped, dist/ is absent (run `npm run build`)");
    return;
  }
  const lexicon = loadTime(join(dist, "index.js"), "defaultLexicon().lookupPlace('Paris')");
  const tagger = loadTime(join(dist, "index.js"), "defaultLexicon().taggerWeights()");
  console.log(`\nload from dist/ in a fresh process (import, then first use), median of ${LOAD_RUNS}:`);
  console.log(`rule lexicon (reference)  ${lexicon.toFixed(1)} ms`);
  console.log(`tagger model              ${tagger.toFixed(1)} ms  (includes the rule lexicon)`);
}

/** Rounds of tagging the whole set; the fastest is reported, the others absorb warm-up and collection. */
const DEFAULT_ROUNDS = 3;
/** Fresh processes timed per load measurement. */
const LOAD_RUNS = 5;

/** Milliseconds of the fastest round: wall time, and CPU time (user and system), which suffers less from other processes. */
interface Timing {
  wall: number;
  cpu: number;
}

function timeDetector(inputs: MentionInput[], detect: (input: MentionInput) => unknown, rounds: number): Timing {
  const best = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const input of inputs) detect(input);
    const used = process.cpuUsage(cpu);
    best.wall = Math.min(best.wall, performance.now() - started);
    best.cpu = Math.min(best.cpu, (used.user + used.system) / 1000);
  }
  return best;
}

/** Milliseconds from importing a module of dist/ to the end of its first use, in a fresh Node process. */
function loadTime(module: string, use: string): number {
  const name = use.slice(0, use.indexOf("("));
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(module).href)}); m.${use}; console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    times.push(Number(out.trim()));
  }
  if (times.some((t) => !Number.isFinite(t))) throw new Error(`could not time ${name} in ${module}`);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

/** CoNLL documents rebuilt as article text (words joined by spaces, a sentence a line) and tokenized. */
function conllDocuments(conll: string): MentionInput[] {
  const texts: string[] = [];
  let sentences: string[] = [];
  let words: string[] = [];
  const endSentence = () => {
    if (words.length > 0) sentences.push(words.join(" "));
    words = [];
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length > 0) texts.push(sentences.join("\n"));
    sentences = [];
  };
  for (const line of conll.split("\n")) {
    if (line.startsWith("-DOCSTART-")) endDocument();
    else if (line.trim() === "") endSentence();
    else words.push(line.split(" ")[0] as string);
  }
  endDocument();
  return texts.map((text) => ({ text, ...tokenize(text) }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchNer(process.argv.slice(2));
