import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TriangulateError } from "../../model/index.js";
import { readArticleFiles } from "../files.js";
import { fetchPage, USER_AGENT } from "./index.js";

const paragraph =
  "The coastal path reopened on Saturday after a landslide had closed it for six weeks, the park rangers said.";
const page = `<html><head><title>Coastal path reopens | Shore News</title><meta property="og:site_name" content="Shore News"></head><body><article><h1>Coastal path reopens</h1><p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;
let server: Server;
let base = "";
let lastAgent = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    lastAgent = req.headers["user-agent"] ?? "";
    if (req.url === "/story") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(page);
    } else if (req.url === "/moved") {
      res.writeHead(301, { location: "/story" });
      res.end();
    } else if (req.url === "/slow") {
      setTimeout(() => res.end(page), 2000).unref();
    } else if (req.url === "/huge") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("x".repeat(50_000));
    } else if (req.url === "/pdf") {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.4");
    } else {
      res.writeHead(404);
      res.end("gone");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<TriangulateError> {
  try {
    await promise;
  } catch (err) {
    return err as TriangulateError;
  }
  throw new Error("expected a failure");
}

describe("fetchPage against a local server", () => {
  it("fetches a page with our user agent, following redirects", async () => {
    const got = await fetchPage(`${base}/moved`);
    expect(got.url).toBe(`${base}/story`);
    expect(got.contentType).toMatch(/text\/html/);
    expect(Buffer.from(got.bytes).toString()).toContain("Coastal path reopens");
    expect(lastAgent).toBe(USER_AGENT);
  });

  it("gives up after the timeout", async () => {
    const err = await failure(fetchPage(`${base}/slow`, { timeoutMs: 200 }));
    expect(err.code).toBe("UNREADABLE");
    expect(err.message).toBe("no complete answer within 0.2 s");
  });

  it("refuses a body over the size cap", async () => {
    const err = await failure(fetchPage(`${base}/huge`, { maxBytes: 10_000 }));
    expect(err.message).toMatch(/at most 10000 bytes/);
  });

  it("names the HTTP status of a missing page", async () => {
    const err = await failure(fetchPage(`${base}/nothing`));
    expect(err.message).toMatch(/expected HTTP 200, found 404/);
    expect(err.subject).toBe(`${base}/nothing`);
  });

  it("refuses other schemes", async () => {
    const err = await failure(fetchPage("file:///etc/hostname"));
    expect(err.message).toMatch(/expected an http or https URL/);
  });
});

describe("URLs among the inputs of readArticleFiles", () => {
  it("reads a page by URL and reports the ones it cannot read, going on", async () => {
    const { articles, problems } = await readArticleFiles([`${base}/story`, `${base}/pdf`, `${base}/nothing`]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.id).toBe("story");
    expect(articles[0]?.outlet).toBe("Shore News");
    expect(articles[0]?.source).toBe(`${base}/story`);
    expect(problems.map((p) => p.message)).toEqual([
      "expected a web page or a feed, found application/pdf",
      "expected HTTP 200, found 404 Not Found",
    ]);
  });
});
