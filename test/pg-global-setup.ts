import type { TestProject } from "vitest/node";
import { NoServer, startTestServer } from "../scripts/pg-test-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The URL of the throwaway PostgreSQL server's `postgres` database; empty when there is none. */
    pgUrl: string;
    /** Why there is no server, when there is none. */
    pgMissing: string;
  }
}

/**
 * Starts one throwaway PostgreSQL server for the whole run (installing PostgreSQL when missing, see
 * scripts/pg-test-server.ts) and removes it afterwards. `TRIANGULATE_TEST_PG` set to a URL uses that server
 * instead; set to `off` it starts none, and the PostgreSQL tests skip saying so.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TRIANGULATE_TEST_PG;
  if (given === "off") {
    project.provide("pgUrl", "");
    project.provide("pgMissing", "TRIANGULATE_TEST_PG=off");
    return async () => {};
  }
  if (given) {
    project.provide("pgUrl", given);
    project.provide("pgMissing", "");
    return async () => {};
  }
  try {
    const server = await startTestServer((line) => process.stderr.write(`pg-test-server: ${line}\n`));
    project.provide("pgUrl", server.url);
    project.provide("pgMissing", "");
    return () => server.remove();
  } catch (err) {
    if (!(err instanceof NoServer)) throw err;
    process.stderr.write(`pg-test-server: PostgreSQL tests skip: ${err.message}\n`);
    project.provide("pgUrl", "");
    project.provide("pgMissing", err.message);
    return async () => {};
  }
}
