import { parentPort, workerData } from "node:worker_threads";
import type { Article } from "../../src/model/index.js";
import { analyzeStory } from "../../src/pipeline.js";

/** Analyses the story given in workerData and posts its report as JSON text. */
const { articles } = workerData as { articles: Article[] };
parentPort?.postMessage(JSON.stringify(analyzeStory(articles)));
