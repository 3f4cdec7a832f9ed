import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, gzip, constants as zlibConstants } from "node:zlib";
import type { StoryReport } from "../../model/index.js";
import { renderStoryPage } from "./story-page.js";

/**
 * Names the story page's renderer in the pages the store keeps (see {@link storyPageToStore}): a kept page
 * of another renderer is not served, it is rendered again. Raise it with every change to what
 * {@link renderStoryPage} writes; `stored-page.test.ts` pins a rendering of a fixed report to it and fails
 * until it is raised.
 */
export const STORY_PAGE_RENDERER = "story-page/11";

/**
 * The oldest renderer whose kept pages are served while they are rendered again: a page of the story's
 * current report in an earlier layout is sent at once (a read, where rendering costs some 5 ms of CPU), and
 * the story goes first in the queue of pages to render again. Every renderer so far changed layout and
 * wording only. Raise it to the current renderer with a change no reader may be shown an older page
 * without (an escaping fix): pages of older renderers are then rendered on request again.
 */
export const OLDEST_SERVED_RENDERER = 1;

/** Whether a kept page of `renderer` may be served while it is rendered again (see {@link OLDEST_SERVED_RENDERER}). */
export function servedWhileStale(renderer: string): boolean {
  const m = renderer.match(/^story-page\/(\d+)$/);
  return m !== null && Number(m[1]) >= OLDEST_SERVED_RENDERER;
}

/**
 * Brotli quality for kept bodies: 5 makes a story page about as small as gzip's best in a few
 * milliseconds, where 11 (the default) takes a hundred times longer for a few percent less.
 */
export const BROTLI_QUALITY = 5;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bytes as Hono sends them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Compressions off the main thread (libuv's pool), as a server sends them. */
export const compressors: Record<"br" | "gzip", (body: Uint8Array) => Promise<Bytes>> = {
  br: async (body) =>
    (await brotliAsync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })) as Bytes,
  gzip: async (body) => (await gzipAsync(body)) as Bytes,
};

/** A story's page as the store keeps it (the store's `StoredPage`): rendered from its report at `reportVersion`. */
export interface RenderedPage {
  storyId: number;
  reportVersion: number;
  /** {@link STORY_PAGE_RENDERER}. */
  renderer: string;
  /** The entity tag of the page's uncompressed bytes. */
  etag: string;
  br: Uint8Array;
  gzip: Uint8Array;
}

/** A body's weak entity tag: it stands for the body in every encoding. */
export function entityTag(body: Uint8Array): string {
  return `W/"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** Where a story's page and JSON are served, which its page links to. */
export function storyHref(storyId: number | string): string {
  return `/stories/${storyId}`;
}

/** A story's page as served at {@link storyHref} without filters: the page the store keeps. */
export function renderServedStoryPage(report: StoryReport, storyId: number | string): string {
  return renderStoryPage(report, {
    outlets: [],
    kinds: [],
    jsonHref: `/api/stories/${storyId}`,
    claimsHref: `${storyHref(storyId)}/claims`,
  });
}

/**
 * A story's page rendered from its report and compressed, for the store to keep beside the report
 * (render on write): the server then sends a stored story's page without reading, parsing and rendering
 * its report.
 *
 * @example await store.savePage(await storyPageToStore(id, version, report))
 */
export async function storyPageToStore(
  storyId: number,
  reportVersion: number,
  report: StoryReport,
): Promise<RenderedPage> {
  const body = Buffer.from(renderServedStoryPage(report, storyId), "utf8");
  const [br, gzipped] = await Promise.all([compressors.br(body), compressors.gzip(body)]);
  return { storyId, reportVersion, renderer: STORY_PAGE_RENDERER, etag: entityTag(body), br, gzip: gzipped };
}
