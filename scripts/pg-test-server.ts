import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The PostgreSQL major version installed from Debian when none is found. */
export const PG_MAJOR = 15;

/** How long `pg_ctl` waits for the server to accept connections; a cold start on a busy machine takes seconds. */
const START_TIMEOUT_S = 60;

/** The role the throwaway cluster is made with; it owns every database in it and logs in without a password. */
const ROLE = "triangulate";

/**
 * A throwaway PostgreSQL server: its own cluster in a temporary folder, owned by an unprivileged user,
 * listening on 127.0.0.1 at a free port and on a socket in the same folder.
 */
export interface TestServer {
  /** A URL of the `postgres` database, as the superuser `triangulate`. */
  url: string;
  port: number;
  /** The folder holding the cluster, the socket and the log. */
  dir: string;
  /** Stops the server (a fast shutdown) and keeps the folder, so that `start` can bring it back. */
  stop(): Promise<void>;
  /** Starts it again on the same port after `stop`. */
  start(): Promise<void>;
  /** Stops it and removes the folder. */
  remove(): Promise<void>;
}

/** Why a server could not be started: said to the tests that skip. */
export class NoServer extends Error {}

/**
 * Starts a throwaway PostgreSQL server, installing PostgreSQL 15 from Debian first when it is missing
 * (only as root, after `apt-get update`). As root the cluster is made and run by the `postgres` user,
 * since `initdb` refuses root.
 *
 * @example const server = await startTestServer(); use(server.url); await server.remove();
 */
export async function startTestServer(log: (line: string) => void = () => {}): Promise<TestServer> {
  const bin = await findBinaries(log);
  const root = process.getuid?.() === 0;
  const owner = root ? await postgresUser() : undefined;
  const dir = mkdtempSync(join(tmpdir(), "triangulate-pg-"));
  const data = join(dir, "data");
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const as = async (command: string, args: string[]) => {
    const [file, argv] = owner ? ["runuser", ["-u", owner.name, "--", command, ...args]] : [command, args];
    try {
      return await run(file, argv, { cwd: dir, timeout: (START_TIMEOUT_S + 30) * 1000 });
    } catch (err) {
      const e = err as Error & { stderr?: string };
      throw new NoServer(`${command} failed: ${(e.stderr || e.message).trim().split("\n").slice(-3).join(" ")}`);
    }
  };
  try {
    await as(join(bin, "initdb"), ["-D", data, "-U", ROLE, "-A", "trust", "-E", "UTF8", "--no-sync", "--no-locale"]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const port = await freePort();
  // A test server: losing its data on a power cut costs nothing, and fsync off makes each commit cheap.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const pgCtl = (action: string[]) => as(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "log"), ...action]);
  const start = async () => {
    await pgCtl(["-w", "-t", String(START_TIMEOUT_S), "-o", settings, "start"]);
  };
  const stop = async () => {
    await pgCtl(["-w", "-m", "fast", "stop"]);
  };
  try {
    await start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://${ROLE}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start,
    stop,
    async remove() {
      await pgCtl(["-w", "-m", "immediate", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The folder of `initdb` and `pg_ctl`: on the PATH, in Debian's versioned folder, or installed now. */
async function findBinaries(log: (line: string) => void): Promise<string> {
  const found = locate();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new NoServer(
      `PostgreSQL is not installed and installing it needs root (apt-get install postgresql-${PG_MAJOR})`,
    );
  }
  log(`installing postgresql-${PG_MAJOR} from Debian (apt-get update, then apt-get install)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    await run("apt-get", ["update"], { env, maxBuffer: 64 << 20 });
    await run("apt-get", ["install", "-y", "--no-install-recommends", `postgresql-${PG_MAJOR}`], {
      env,
      maxBuffer: 64 << 20,
    });
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new NoServer(
      `could not install postgresql-${PG_MAJOR}: ${(e.stderr || e.message).trim().split("\n").at(-1)}`,
    );
  }
  const installed = locate();
  if (!installed) throw new NoServer(`postgresql-${PG_MAJOR} was installed but initdb is not to be found`);
  return installed;
}

function locate(): string | undefined {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v) && existsSync(join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    const preferred = versions.includes(String(PG_MAJOR)) ? String(PG_MAJOR) : versions[0];
    if (preferred) return join(debian, preferred, "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  return undefined;
}

/** The `postgres` user Debian's package makes (created here when the binaries came without it). */
async function postgresUser(): Promise<{ name: string; uid: number; gid: number }> {
  const lookup = async () => {
    const { stdout } = await run("id", ["-u", "postgres"]).catch(() => ({ stdout: "" }));
    if (!stdout.trim()) return undefined;
    const gid = (await run("id", ["-g", "postgres"])).stdout.trim();
    return { name: "postgres", uid: Number(stdout.trim()), gid: Number(gid) };
  };
  const user = await lookup();
  if (user) return user;
  await run("useradd", ["--system", "--no-create-home", "postgres"]).catch((err: Error) => {
    throw new NoServer(`no unprivileged user to run PostgreSQL as: ${err.message}`);
  });
  const made = await lookup();
  if (!made) throw new NoServer("no unprivileged user to run PostgreSQL as");
  return made;
}

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

// `tsx scripts/pg-test-server.ts`: starts a server, prints its URL, removes it on Ctrl-C.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startTestServer((line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(
    `PostgreSQL running as ${userInfo().username === "root" ? "postgres" : userInfo().username} in ${server.dir}; Ctrl-C removes it\n`,
  );
  const end = async () => {
    await server.remove();
    process.exit(0);
  };
  process.on("SIGINT", end);
  process.on("SIGTERM", end);
}
