// A worker thread on Node 20 does not inherit tsx's loader from the test runner: register it in the thread, then
// load the TypeScript module named in workerData.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
