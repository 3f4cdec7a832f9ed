import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV3 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { jsonlRecord } from "../ingest/jsonl/index.js";
import { storyReportSchema } from "../model/report-schema.js";

extendZodWithOpenApi(z);

/** Stories on one page of the list at most; a larger `limit` is a 400, not a slow answer. */
export const MAX_PAGE_SIZE = 100;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/, "expected an ISO date such as 2026-03-09 or a date-time");

/** The query of GET /api/stories and of the story list page. */
export const storyListQuery = z
  .object({
    text: z.string().trim().min(1).max(200).optional(),
    outlet: z.string().trim().min(1).max(200).optional(),
    entity: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("an entity's id, or its name or one of its aliases (case, accents and punctuation aside)"),
    from: isoDate.optional(),
    to: isoDate.optional(),
    sort: z.enum(["newest", "biggest"]).default("newest"),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export type StoryListQuery = z.infer<typeof storyListQuery>;

/** A story id as a path holds it; the story routes check it without zod, the OpenAPI document shows it. */
export const STORY_ID_PATTERN = /^\d{1,15}$/;
export const STORY_ID_EXPECTED = "expected a story id, a whole number";
export const storyIdParam = z.object({ id: z.string().regex(STORY_ID_PATTERN, STORY_ID_EXPECTED) });
export const articleIdParam = z.object({
  id: z.string().regex(/^\d{1,15}$/, "expected an article id, a whole number"),
});
export const entityIdParam = z.object({ id: z.string().min(1).max(300) });
export const outletNameParam = z.object({ name: z.string().min(1).max(300) });
/** A page of an entity's or an outlet's stories, most recently updated first. */
export const profilePageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export const searchQuery = z
  .object({
    q: z.string().trim().min(1, "expected words to search for").max(200),
    outlet: z.string().trim().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  })
  .strict();

export type ProfilePageQuery = z.infer<typeof profilePageQuery>;

export const storySummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    articleCount: z.number().int(),
    copyCount: z.number().int(),
    outletCount: z.number().int().describe("distinct outlets its articles name"),
    articlesWithoutOutlet: z.number().int().describe("its articles (copies included) that name no outlet"),
    outlets: z.array(z.string()),
    firstPublished: z.string().optional(),
    lastPublished: z.string().optional(),
    version: z.number().int(),
    reportVersion: z.number().int().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    disputedFacts: z.number().int(),
    discrepancies: z.number().int(),
  })
  .openapi("StorySummary");

export const storyListSchema = z
  .object({
    stories: z.array(storySummarySchema),
    offset: z.number().int(),
    limit: z.number().int(),
    /** The offset of the next page, when there may be one. */
    next: z.number().int().optional(),
  })
  .openapi("StoryList");

export const storedReportSchema = z
  .object({
    storyId: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
    report: storyReportSchema.openapi("StoryReport"),
  })
  .openapi("StoredReport");

export const articleSchema = z
  .object({
    id: z.number().int(),
    storyId: z.number().int(),
    copyOf: z.number().int().optional(),
    url: z.string().optional(),
    language: z.string().optional(),
    ingestedAt: z.string(),
    article: z.object({
      id: z.string(),
      source: z.string(),
      outlet: z.string().optional(),
      title: z.string().optional(),
      published: z.string().optional(),
      author: z.string().optional(),
      text: z.string(),
      removedBoilerplate: z.array(z.string()),
    }),
  })
  .openapi("Article");

/** A profile's page of stories: how many it has in all, where this page starts, and where the next does. */
const paging = {
  storyCount: z.number().int().describe("stories in all"),
  offset: z.number().int(),
  limit: z.number().int(),
  next: z.number().int().optional().describe("the offset of the next page of stories, when there is one"),
};

export const entitySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    aliases: z.array(z.string()),
    stories: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        mentions: z.number().int(),
        outlets: z.array(z.string()).describe("outlets whose articles mention it"),
        articlesWithoutOutlet: z.number().int().describe("articles naming no outlet that mention it"),
      }),
    ),
    quotes: z.array(
      z.object({
        story: z.string(),
        quote: z.string(),
        text: z.string(),
        outlet: z.string().describe("the article's name: its outlet, else its headline or its number in the story"),
        fidelity: z.string(),
        attribution: z.string(),
        words: z.string().optional().describe("the anchor of the quoted words on the story's page"),
      }),
    ),
    relations: z.array(
      z.object({
        story: z.string(),
        subject: z.string(),
        predicate: z.string(),
        object: z.string(),
        words: z
          .string()
          .optional()
          .describe("the anchor of the relation's words (else its article) on the story's page"),
      }),
    ),
    ...paging,
  })
  .openapi("Entity");

export const outletSchema = z
  .object({
    name: z.string(),
    articles: z.number().int(),
    stories: z.array(z.object({ id: z.string(), title: z.string(), articles: z.number().int() })),
    origin: z.number().int(),
    uniqueClaims: z.number().int(),
    contradicted: z.number().int(),
    overstatedHeadlines: z.number().int(),
    alteredQuotes: z.number().int(),
    quotes: z.number().int(),
    copiedBy: z.number().int().describe("copies of its articles other outlets ran"),
    copiesRun: z.number().int().describe("its stored articles that copy another outlet's report, not in articles"),
    ...paging,
  })
  .openapi("Outlet");

export const searchResultSchema = z
  .object({
    hits: z.array(
      z.object({
        articleId: z.number().int(),
        name: z.string(),
        title: z.string().optional(),
        outlet: z.string().optional(),
        published: z.string().optional(),
        opening: z.string().optional().describe("the first words of its text, naming an untitled article"),
        storyId: z.number().int(),
        storyTitle: z.string(),
        snippet: z.string(),
      }),
    ),
  })
  .openapi("SearchResult");

export const ingestResultSchema = z
  .object({
    received: z.number().int(),
    added: z.number().int(),
    duplicates: z.number().int(),
    stories: z.array(z.number().int()),
    problems: z.array(z.object({ item: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi("IngestResult");

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi("Error");

/**
 * The OpenAPI 3.0 description of the JSON API, generated from the same zod schemas that check requests,
 * so the document cannot drift from what the server accepts.
 */
export function openApiDocument(): object {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  const json = (schema: z.ZodTypeAny, description: string) => ({
    description,
    content: { "application/json": { schema } },
  });
  const errors = {
    400: json(errorSchema, "Bad input; the message says what was expected"),
    404: json(errorSchema, "Not found"),
  };
  registry.registerPath({
    method: "get",
    path: "/api/stories",
    summary: "Stories, a page at a time, filtered by words, outlet, entity and dates",
    request: { query: storyListQuery },
    responses: { 200: json(storyListSchema, "A page of stories"), 400: errors[400] },
  });
  registry.registerPath({
    method: "get",
    path: "/api/stories/{id}",
    summary: "A story's triangulate.story/1 report",
    request: { params: storyIdParam },
    responses: { 200: json(storedReportSchema, "The report"), ...errors },
  });
  registry.registerPath({
    method: "get",
    path: "/api/articles/{id}",
    summary: "A stored article",
    request: { params: articleIdParam },
    responses: { 200: json(articleSchema, "The article"), ...errors },
  });
  registry.registerPath({
    method: "get",
    path: "/api/entities/{id}",
    summary:
      "An entity across the stored stories: its names, and a page of its stories (most recent first) with what it said there",
    request: { params: entityIdParam, query: profilePageQuery },
    responses: { 200: json(entitySchema, "The entity"), ...errors },
  });
  registry.registerPath({
    method: "get",
    path: "/api/outlets/{name}",
    summary: "An outlet's profile from the text of its articles in every stored story, and a page of its stories",
    request: { params: outletNameParam, query: profilePageQuery },
    responses: { 200: json(outletSchema, "The profile"), ...errors },
  });
  registry.registerPath({
    method: "get",
    path: "/api/search",
    summary: "Full-text search over articles' titles and texts",
    request: { query: searchQuery },
    responses: { 200: json(searchResultSchema, "Hits, best first"), 400: errors[400] },
  });
  registry.registerPath({
    method: "post",
    path: "/api/articles",
    summary: "Ingest articles: a JSON record or array, JSON Lines, or an HTML page with ?url=",
    security: [{ [bearer.name]: [] }],
    request: {
      query: z.object({ url: z.string().url().optional() }),
      body: {
        content: {
          "application/json": { schema: z.union([jsonlRecord, z.array(jsonlRecord)]) },
          "application/x-ndjson": { schema: z.string() },
          "text/html": { schema: z.string() },
        },
      },
    },
    responses: {
      200: json(ingestResultSchema, "What was added and to which stories"),
      400: errors[400],
      401: json(errorSchema, "No or wrong bearer token"),
      403: json(errorSchema, "Writes are disabled: the server has no token"),
      413: json(errorSchema, "The body is over the size limit"),
      415: json(errorSchema, "A media type the API does not read"),
      429: json(errorSchema, "Over the rate limit on writes"),
    },
  });
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: "3.0.3",
    info: {
      title: "Triangulate",
      version: "0.1.0",
      description: "Stories compared across outlets, every finding pointing at its words.",
    },
  });
}
