import { randomBytes } from "node:crypto";
import { inject } from "vitest";

/**
 * The throwaway PostgreSQL server the run started (test/pg-global-setup.ts): its URL, or why there is none.
 * Tests of PostgreSQL skip with that reason in their name when there is none.
 */
export function pgServer(): { url: string; missing?: undefined } | { url?: undefined; missing: string } {
  const url = inject("pgUrl");
  return url ? { url } : { missing: inject("pgMissing") || "no PostgreSQL server" };
}

/** A new empty database on the server; its URL. Each test gets its own, so test files run side by side. */
export async function freshDatabase(serverUrl: string, prefix = "t"): Promise<string> {
  const pg = (await import("pg")).default;
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
