import { defaultLexicon, type Lexicon } from "../lexicon/index.js";
import { type DocumentFeatures, type EntityKind, entityKind, extractFeatures, YEAR } from "./features.js";
import { estimateJaccard, lshBands, minhashSignature } from "./minhash.js";
import { PRIOR_DOCUMENTS, type TermPriors, termPriors } from "./prior.js";
import {
  type ClusterDocument,
  FIELDS,
  type Field,
  type MemberRecord,
  type PackedVector,
  SPLIT_MAX_MEMBERS,
  type SparseVector,
  STORY_WINDOW_MS,
  type StoryIndex,
  type StoryState,
} from "./types.js";

/**
 * A document whose estimated shingle Jaccard with an earlier one reaches this is a copy of it: syndicated
 * copies with a changed headline, dateline or closing line stay above 0.6, while two outlets' own accounts of
 * one event share few three-word shingles (on the ECB+ development file, 99% of the pairs within a subtopic
 * are under 0.42; the 20 of 4,491 pairs at 0.6 or more are near-identical texts).
 */
export const COPY_JACCARD = 0.6;

/**
 * Field weights of the similarity. Body terms carry most: on the ECB+ development file (772 documents, 66
 * subtopics) body 0.65 with entities 0.35 scored best in file order, against 0.5/0.5 and 0.2/0.8 (0.005 and
 * 0.03 lower at one threshold). Names and figures tell apart two events of one kind that body words merge; since
 * they are compared kind by kind (see `ENTITY_KIND_SHARES`), they weigh 0.45. The title weighs nothing of
 * its own: its words count in the body (see `extractFeatures`), and its field only files stories in the candidate
 * index. A headline's cosine with a story's headlines is low even within one event (few words, other wordings),
 * so a title field of its own pulled titled articles below a threshold tuned on untitled ones: on the English
 * MMDS development articles (titled, recall 0.65 against precision 0.97) title weights 0.35, 0.2, 0.1 and 0 gave
 * B-cubed F1 0.778, 0.783, 0.785 and 0.789 over 16 orders, and 0 with the title in the body 0.790 (paired +0.0068
 * over 0.2, better in 16 of 16 orders). ECB+ has no titles. Fields (and entity kinds) missing on either side are
 * left out and the rest renormalised.
 */
export const FIELD_WEIGHTS: Record<Field, number> = { title: 0, body: 0.65, entities: 0.45 };

/**
 * How the entities field's weight is shared among the kinds of its terms, each compared by a cosine of its
 * own (see `entityKind`). In one cosine the names, which two events of one kind share (the team, the island,
 * the court), swamp the figures and years that tell the events apart (the toll, the score, the year); apart,
 * a match of figures counts as much as a match of names. Chosen on the pairs of ECB+ development documents within
 * one topic (two events each), by how well a score ranks same-event pairs above other-event pairs (area under
 * the curve, kinds missing on a side left out): body with one entity cosine 0.919; names alone 0.914; names,
 * figures and years at 0.15, 0.2 and 0.1 (of 0.45) 0.943, and at 0.15, 0.15 and 0.1 0.941. Online over 16 orders
 * (see `JOIN_THRESHOLD`), ECB+ B-cubed F1 rose from 0.895 to 0.906, by precision (0.886 to 0.904); on the English
 * MMDS development articles it fell from 0.790 to 0.783 (recall 0.667 to 0.657: reports of one event that give
 * other figures as a toll grows), and shares of 3/8, 3/8, 2/8 of 0.4 or 3/7, 2/7, 2/7 of 0.35 did no better on
 * either (0.904 and 0.783; 0.901 and 0.788).
 */
export const ENTITY_KIND_SHARES: Record<EntityKind, number> = { name: 1 / 3, number: 4 / 9, year: 2 / 9 };
const ENTITY_KINDS: readonly EntityKind[] = ["name", "number", "year"];

/**
 * A document joins the most similar candidate story when the weighted similarity reaches this, else it starts
 * a story. Swept from 0.1 to 0.35 on the ECB+ development file in file order and five shuffles, with the
 * English MMDS development articles as a check: at 0.25 the two events of a topic merge (B-cubed precision
 * 0.82), at 0.33 stories split (recall 0.79); 0.28 was best on ECB+ (F1 0.878 in file order) and within
 * 0.005 of the best on MMDS. With entity kinds compared apart (see `ENTITY_KIND_SHARES`) precision rose, and over
 * 16 orders 0.24, 0.25, 0.26 and 0.27 gave ECB+ F1 0.901, 0.905, 0.906 and 0.904 (spread 0.042, 0.037, 0.031,
 * 0.038) and MMDS 0.780, 0.782, 0.783 and 0.783.
 */
export const JOIN_THRESHOLD = 0.26;

/**
 * Similarity falls by a factor e for every this many milliseconds between a document and the time span of a
 * story: articles on one event mostly follow within two days of each other, and a story resumes after a
 * week only with new names.
 */
export const TIME_DECAY_MS = 3 * 24 * 3600 * 1000;

/**
 * A document that shares no name or figure with a story, when each has at least this many, tells of another
 * event however alike their words (two fires, two arrests): its similarity is 0. Three, so that a short text
 * naming one place is not shut out. It changed no assignment on the ECB+ and MMDS development files (their
 * candidates always share a name), and it keeps apart template-like reports of two events.
 */
export const DISJOINT_NAMES = 3;

/**
 * A document whose lede names years, none of which the story mentions, while the story's most mentioned year is
 * nowhere in the document, tells of an event of another year (the same kind of event again: a second
 * earthquake, the next year's ceremony): its similarity is multiplied by this. Soft, because a lede may also
 * name a past year as background. On the ECB+ development file (whose two events per topic lie years apart)
 * 0.7 raised B-cubed F1 from 0.880 to 0.884 in file order and from 0.881 to 0.890 on average over five
 * shuffles (0.878 to 0.887 over ten more), by precision; 0.8 and 0.6 gave 0.877 and 0.883 in file order
 * (0.890 and 0.888 over five shuffles). Requiring both sides to miss the other's year kept MMDS (articles of
 * one year) at 0.779, where a one-sided test cost 0.005 there.
 */
export const YEAR_CONFLICT = 0.7;

/**
 * Each undated document arrives this long after the stream's newest time, so that a stream of undated
 * documents moves its clock on: its stories age and leave the time window as documents go by (a week's window
 * is 10,080 undated documents) rather than lying at one time for ever, and the index stays the size of a
 * window. In a stream with dates the drift is small: a hundred undated documents between two dated ones move
 * the clock on by under two hours. In a stream that has told no date the clock measures only order: it moves
 * the window but not the time decay (see `DATED_FROM`).
 */
export const UNDATED_TICK_MS = 60 * 1000;

/**
 * Times before this (1 January 1980) are a stream's own clock of undated documents, not dates: once a
 * document is dated later, the stream has a calendar, and an undated document decays from its newest date
 * and joins a story without stretching it.
 */
export const DATED_FROM = Date.UTC(1980, 0, 1);

/** Terms kept per field in a story's centroid: enough for the words that recur; the tail barely moves a cosine. */
export const CENTROID_TERMS = 300;

/**
 * Stories scored in full per document, those sharing the most index keys with it: on the ECB+ and MMDS
 * development files 4, 8, 16 and 32 gave the same F1 (one shuffle within 0.004); 8 keeps each read small.
 */
export const CANDIDATE_LIMIT = 8;

/** Index keys per field of a document (see `selectKeys`). */
export const KEYS_PER_FIELD = 12;

/**
 * A term is a key only if fewer than this share of documents hold it: common words find every story. Once
 * fewer than `MIN_DOCUMENTS_FOR_RARITY` documents are known every term counts as rare.
 */
export const RARE_SHARE = 0.05;
const MIN_DOCUMENTS_FOR_RARITY = 200;

/**
 * A story is checked for a split each time it grows, from this many documents on: two documents of a story
 * of three can hardly tell two events from a stray one. It is split in two when average linkage over its
 * members' pairwise similarities ends with two groups of at least `SPLIT_MIN_PART` each whose mean similarity
 * across is below the join threshold (a document of one group would on average not have joined the other)
 * and below each group's cohesion (see `twoGroups`). Most of the loss on the ECB+ development file was two
 * events of one topic merged by an early join no weaker than right joins; as the story grows, its two groups
 * stand apart. Chosen on the odd topics (387 documents) over 16 orders, checked on the even ones (385): B-cubed
 * F1 0.891 to 0.920 on the odd and 0.917 to 0.934 on the even topics (with `MEMBER_TERMS`). Tried on the odd
 * topics: across below a fixed 0.24 with no cohesion test 0.909; below 0.26 or 0.28 and below 0.9 of the
 * lower group's cohesion 0.916 and 0.917; checking from 3 documents, or `SPLIT_MIN_PART` 3, changed nothing.
 */
export const SPLIT_MIN_SIZE = 4;

/**
 * Terms kept per field of a member's vectors for a split check: the index keeps every member of a story of up
 * to `SPLIT_MAX_MEMBERS`, and the tail of a text's words barely moves a cosine. On the odd ECB+ topics 40, 64,
 * 80, 120 and all gave B-cubed F1 0.906, 0.914, 0.918, 0.920 and 0.917 over 16 orders (0.934 on the even ones at 120).
 */
export const MEMBER_TERMS = 120;

/** Stories whose members' pairwise similarities are kept between checks: 32 by 32 numbers each at most. */
export const PAIR_CACHE_STORIES = 1024;

/**
 * A story joined is merged with another candidate of the document, the mirror of a split, when the mean
 * similarity across of their members before the document reaches the join threshold (a member of one would on
 * average have joined the other), while both keep their members (together at most `SPLIT_MAX_MEMBERS`). What is
 * left of the loss on the ECB+ development file after the split is recall: one event begun as two stories by early
 * documents that fit neither well, which no later document joins again. The document just joined is left out: a
 * report of two events of one kind bridges them as well as it bridges two starts of one event. Only candidates
 * the document scored at this share of the join threshold or more are compared, which keeps the cost of a join
 * small. Chosen on the odd topics (387 documents) over 16 orders, checked on the even ones (385): F1 0.920 to
 * 0.931 (spread 0.050 to 0.023) on the odd and 0.934 to 0.944 (spread 0.022 to 0.016) on the even topics; MMDS
 * unchanged at 0.783. Tried on the odd topics: with the document counted among its story's members 0.930
 * (spread 0.029), but MMDS fell to 0.781 (two stories of one airline merged); so counted, merging at a mean
 * across of 0.24, 0.22 or 0.28 gave 0.921, 0.916 and 0.930 (spread 0.037, 0.043, 0.042), a share of 0, 0.5 or 0.8
 * here one F1, and asking the mean across to reach the lower cohesion of the two (as a split asks it to fall
 * below both) 0.932 with a spread of 0.058. With the document left out: at 0.25 or 0.27 0.926 and 0.930 (spread
 * 0.036, 0.024); only when the smaller story holds at most 3 documents 0.933 (0.023), but 0.944 (0.020) on the
 * even topics. Beside it, none of these raised the odd topics' F1 (0.931, spread 0.023) or brought the spread
 * near 0.01: moving one of the last 1, 2 or 3 members of another such candidate into the story joined when its
 * mean similarity with that story's members reaches the join threshold and exceeds that with its own story's
 * (0.931, 0.931, 0.930; spreads 0.023, 0.027, 0.024; with a margin of 0.03, 0.930 and 0.027; any member, of any
 * candidate, after a merge too, 0.930 and 0.020), the mirror of that out of the story joined (0.931, 0.024), up
 * to three merges per document (0.930, 0.023), and holding back for up to 10 to 100 documents one whose best
 * score lies near the threshold (0.923 to 0.933, spreads 0.023 to 0.036). What is left is mostly one pair of
 * events of a topic merged in every order, and documents that fit no story, each a story of its own in every
 * order.
 */
export const MERGE_FLOOR = 0.5;

/** The smaller group of a split holds at least this many documents: one stray document is not another event. */
export const SPLIT_MIN_PART = 2;

/** Options of `OnlineClusterer`, every default documented at its constant. */
export interface OnlineClustererOptions {
  joinThreshold?: number;
  copyJaccard?: number;
  fieldWeights?: Record<Field, number>;
  entityKindShares?: Record<EntityKind, number>;
  windowMs?: number;
  timeDecayMs?: number;
  keysPerField?: number;
  candidateLimit?: number;
  /** Whose corpus counts give the terms' prior document frequencies (see `TermPriors`); default the shipped lexicon. */
  lexicon?: Lexicon;
  /** Documents the prior counts as (see `PRIOR_DOCUMENTS`); 0 weighs terms by the stream alone. */
  priorDocuments?: number;
  /** Split a story whose members fall into two groups apart (see `SPLIT_MIN_SIZE`); default true. */
  split?: boolean;
  /** Merge a story joined with another candidate whose members are alike (see `MERGE_FLOOR`); default true. */
  merge?: boolean;
}

/** Where a document went. */
export interface Assignment {
  story: string;
  isNew: boolean;
  /** The earlier document it copies (then it joined that document's story). */
  copyOf?: string;
  /** The weighted similarity with the story it joined (1 for a copy, 0 for a new story). */
  similarity: number;
  /**
   * Earlier documents that left the story joined for a story of their own (`story`), when the join showed it
   * to hold two groups apart (see `SPLIT_MIN_SIZE`); the document itself may be among them, and then its
   * `story` is that new one too. `from` is the story they left, which keeps its id.
   */
  moved?: { from: string; story: string; docs: string[] };
  /**
   * Earlier documents that left story `from` for story `story`, when the join showed the two to be one (see
   * `MERGE_FLOOR`); `from` is gone, and the document's `story` is the one kept.
   */
  merged?: { from: string; story: string; docs: string[] };
}

const PREFIX: Record<Field, string> = { title: "t:", body: "b:", entities: "e:" };

/**
 * Assigns documents to stories one at a time: a copy of an earlier document joins its story; otherwise the
 * candidate stories filed under the document's rare terms and names within the time window are scored on
 * TF-IDF cosines per field and time distance, and the best one above `JOIN_THRESHOLD` takes it. A story joined
 * whose members have fallen into two groups apart is split in two, and one whose members are alike another
 * candidate's is merged with it, through an index that keeps members (see `SPLIT_MIN_SIZE`, `MERGE_FLOOR`). Document frequencies are the stream's blended with a prior from the lexicon's corpus counts (see `PRIOR_DOCUMENTS`). The
 * outcome depends only on the order of the documents (and the lexicon).
 *
 * @example const clusterer = new OnlineClusterer(new MemoryStoryIndex()); await clusterer.assign(doc)
 */
export class OnlineClusterer {
  private readonly joinThreshold: number;
  private readonly copyJaccard: number;
  private readonly weights: Record<Field, number>;
  private readonly kindShares: Record<EntityKind, number>;
  private readonly windowMs: number;
  private readonly timeDecayMs: number;
  private readonly keysPerField: number;
  private readonly candidateLimit: number;
  private readonly priors: TermPriors;
  private readonly priorDocuments: number;
  private readonly split: boolean;
  private readonly merge: boolean;
  /** Members' pairwise similarities by story, least recently checked first (see `pairSimilarities`). */
  private readonly pairs = new Map<string, { docs: string[]; sim: number[][] }>();
  private readonly norms = new Norms();
  /** How documents are compared with centroids, and members with members. */
  private readonly maps: VectorOps<SparseVector> = {
    size: (v) => v.size,
    cosine: (a, b) => cosine(a, b, this.norms),
    kinds: (a, b) => kindCosines(a, b, this.norms),
  };
  private readonly packed: VectorOps<PackedVector> = {
    size: (v) => v.terms.length,
    cosine: (a, b) => packedCosine(a, b, this.norms),
    kinds: (a, b) => packedKindCosines(a, b, this.norms),
  };

  constructor(
    private readonly index: StoryIndex,
    options: OnlineClustererOptions = {},
  ) {
    this.joinThreshold = options.joinThreshold ?? JOIN_THRESHOLD;
    this.copyJaccard = options.copyJaccard ?? COPY_JACCARD;
    this.weights = options.fieldWeights ?? FIELD_WEIGHTS;
    this.kindShares = options.entityKindShares ?? ENTITY_KIND_SHARES;
    this.windowMs = options.windowMs ?? STORY_WINDOW_MS;
    this.timeDecayMs = options.timeDecayMs ?? TIME_DECAY_MS;
    this.keysPerField = options.keysPerField ?? KEYS_PER_FIELD;
    this.candidateLimit = options.candidateLimit ?? CANDIDATE_LIMIT;
    this.priors = (options.lexicon ?? defaultLexicon()).derived(termPriors);
    this.priorDocuments = options.priorDocuments ?? PRIOR_DOCUMENTS;
    this.split = options.split ?? true;
    this.merge = options.merge ?? true;
  }

  /** Assigns one document and records it in the index. */
  async assign(doc: ClusterDocument, features: DocumentFeatures = extractFeatures(doc)): Promise<Assignment> {
    // An undated document says nothing about its own time: it takes the stream's clock, a tick after the newest
    // time the index has seen (see `UNDATED_TICK_MS`), for its window (stories beyond the window are let go, and
    // must be for the index to stay the size of a window) and its time decay (it arrives now, as the stream
    // reads it; on the ingest benchmark with half its reports undated, B-cubed precision 0.643 against 0.636
    // undecayed), and joins a story at the story's own latest time, which it does not stretch. Before any dated
    // document the clock is the stream's order alone (see `DATED_FROM`): no decay, and a story joined is
    // stretched to it. The clock is not the time of ingest: that would make placements depend on the day of
    // the run, and a later dated archive would lie far behind a clock set by the wall and be let go on arrival.
    const dated = doc.published !== undefined;
    const latest = await this.index.latestTime();
    const ordinal = !dated && (latest === undefined || latest < DATED_FROM);
    const time = doc.published ?? (latest ?? 0) + UNDATED_TICK_MS;
    const signature = minhashSignature(features.words);
    const bands = lshBands(signature);
    const terms = FIELDS.flatMap((f) => [...features.fields[f].keys()].map((t) => PREFIX[f] + t));
    const n = await this.index.documentCount();
    const df = await this.index.documentFrequencies(terms);
    const vectors = weigh(features, terms, df, n, this.priors, this.priorDocuments);

    let copy: { doc: string; story: string } | undefined;
    let best = this.copyJaccard;
    for (const record of await this.index.bandMatches(bands)) {
      const j = estimateJaccard(signature, record.signature);
      if (j >= best && !(copy && j === best)) {
        best = j;
        copy = record;
      }
    }

    let target: StoryState | undefined;
    let similarity = 0;
    const others: { state: StoryState; similarity: number }[] = [];
    const keys = selectKeys(vectors, terms, df, n, this.keysPerField);
    if (copy) {
      target = (await this.index.stories([copy.story])).get(copy.story);
      similarity = 1;
    }
    if (!target) {
      copy = undefined;
      const window = { from: time - this.windowMs, to: time + this.windowMs };
      const found = await this.index.candidates(keys, window, this.candidateLimit);
      const states = await this.index.stories(found.map((c) => c.story));
      for (const { story } of found) {
        const state = states.get(story);
        if (!state) continue;
        const s = this.similarity(vectors, state, ordinal ? undefined : time, features.years);
        others.push({ state, similarity: s });
        if (s > similarity) {
          similarity = s;
          target = state;
        }
      }
      if (similarity < this.joinThreshold) {
        target = undefined;
        similarity = 0;
      }
    }

    const isNew = target === undefined;
    const story: StoryState = target ?? {
      id: doc.id,
      size: 0,
      first: time,
      last: time,
      centroid: { title: new Map(), body: new Map(), entities: new Map() },
    };
    // An undated document joins a story at the story's latest time, which it does not stretch, and moves the
    // stream's clock on all the same (`clock`): else a stream of undated documents moved it only with the stories
    // they start, and its window held ever more documents. On a stream's own clock it is that clock's newest time,
    // and keeps the story in the window.
    const at = dated || !target || ordinal ? time : target.last;
    story.size++;
    story.first = Math.min(story.first, at);
    story.last = Math.max(story.last, at);
    for (const f of FIELDS) story.centroid[f] = addPruned(story.centroid[f], vectors[f]);

    await this.index.write({
      doc: doc.id,
      time: at,
      ...(time > at ? { clock: time } : {}),
      story,
      isNew,
      ...(copy ? { copyOf: copy.doc } : {}),
      terms,
      keys,
      signature,
      bands,
      // Only an index that keeps members is handed their vectors: the store's path does no work for splits.
      ...(this.splits() ? { vectors: memberVectors(vectors, MEMBER_TERMS) } : {}),
    });
    const copyOf = copy ? { copyOf: copy.doc } : {};
    const moved = isNew ? undefined : await this.splitStory(story);
    const merged =
      isNew || moved
        ? undefined
        : await this.mergeStory(
            story,
            others.filter((o) => o.state.id !== story.id && o.similarity >= MERGE_FLOOR * this.joinThreshold),
          );
    const final = moved?.docs.includes(doc.id) ? moved.story : (merged?.story ?? story.id);
    return { story: final, isNew, ...copyOf, similarity, ...(moved ? { moved } : {}), ...(merged ? { merged } : {}) };
  }

  /** Whether stories are split: when asked, through an index that keeps members and can split. */
  private splits(): boolean {
    return this.split && this.index.members !== undefined && this.index.split !== undefined;
  }

  /**
   * Splits a story just joined in two when its members fall into two groups apart (see `SPLIT_MIN_SIZE`):
   * the bigger group keeps the story's id, the other leaves under the id of its earliest document that names
   * no story. Reads only this story's members.
   */
  private async splitStory(story: StoryState): Promise<{ from: string; story: string; docs: string[] } | undefined> {
    if (!this.splits() || story.size < SPLIT_MIN_SIZE) return undefined;
    const members = (await this.index.members?.(story.id)) ?? [];
    if (members.length !== story.size) return undefined;
    const groups = this.twoGroups(story.id, members);
    if (!groups) return undefined;
    // The bigger group stays; of two of one size, the one holding the earliest member.
    const [a, b] = groups;
    const leaving = a.length < b.length || (a.length === b.length && (a[0] as number) > (b[0] as number)) ? a : b;
    const out = new Set(leaving);
    const moved = members.filter((_, i) => out.has(i));
    const kept = members.filter((_, i) => !out.has(i));
    const ids = moved.map((m) => m.doc);
    const taken = await this.index.stories(ids);
    const retired = (await this.index.retired?.(ids)) ?? new Set<string>();
    const id = moved.find((m) => m.doc !== story.id && !taken.has(m.doc) && !retired.has(m.doc))?.doc;
    if (id === undefined) return undefined;
    const docs = moved.map((m) => m.doc);
    await this.index.split?.({
      kept: stateOf(story.id, kept),
      moved: stateOf(id, moved),
      docs,
      keys: [...new Set(moved.flatMap((m) => m.keys))],
    });
    return { from: story.id, story: id, docs };
  }

  /**
   * Merges a story just joined with the first of the other candidates (most similar to the document first)
   * whose members' mean similarity across with its own reaches the join threshold (see `MERGE_FLOOR`): the
   * bigger keeps its id (of two of one size, the story joined). Reads only the two stories' members.
   */
  private async mergeStory(
    story: StoryState,
    others: { state: StoryState; similarity: number }[],
  ): Promise<{ from: string; story: string; docs: string[] } | undefined> {
    if (!this.merge || !this.splits() || this.index.merge === undefined || others.length === 0) return undefined;
    const members = (await this.index.members?.(story.id)) ?? [];
    if (members.length !== story.size) return undefined;
    // The document just joined is left out of the comparison: a report that tells both stories' events would
    // bridge two events of one kind as well as two starts of one event; the members before it tell them apart.
    const own = members.slice(0, -1);
    if (own.length === 0) return undefined;
    others.sort((a, b) => b.similarity - a.similarity || (a.state.id < b.state.id ? -1 : 1));
    for (const { state } of others) {
      if (members.length + state.size > SPLIT_MAX_MEMBERS) continue;
      const theirs = (await this.index.members?.(state.id)) ?? [];
      if (theirs.length !== state.size) continue;
      let total = 0;
      for (const a of own) for (const b of theirs) total += this.weightedCosine(a.vectors, b.vectors, this.packed);
      if (total / (own.length * theirs.length) < this.joinThreshold) continue;
      const [kept, gone] = state.size > story.size ? [theirs, members] : [members, theirs];
      const keptId = state.size > story.size ? state.id : story.id;
      const goneId = keptId === story.id ? state.id : story.id;
      const docs = gone.map((m) => m.doc);
      await this.index.merge({
        kept: stateOf(keptId, [...kept, ...gone]),
        gone: goneId,
        docs,
        keys: [...new Set(gone.flatMap((m) => m.keys))],
      });
      return { from: goneId, story: keptId, docs };
    }
    return undefined;
  }

  /**
   * The two groups that average linkage ends with over the members' pairwise similarities (as member indices,
   * each ascending), when they stand apart: each of `SPLIT_MIN_PART` or more, and their mean similarity across
   * below the join threshold and below each one's cohesion.
   */
  private twoGroups(story: string, members: readonly MemberRecord[]): [number[], number[]] | undefined {
    const sim = this.pairSimilarities(story, members);
    const link = (a: readonly number[], b: readonly number[]) => {
      let total = 0;
      let pairs = 0;
      for (const i of a) {
        for (const j of b) {
          if (i === j) continue;
          total += (sim[i] as number[])[j] as number;
          pairs++;
        }
      }
      return pairs === 0 ? 0 : total / pairs;
    };
    const groups = members.map((_, i) => [i]);
    while (groups.length > 2) {
      let best = { i: 0, j: 1, s: Number.NEGATIVE_INFINITY };
      for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          const s = link(groups[i] as number[], groups[j] as number[]);
          if (s > best.s) best = { i, j, s };
        }
      }
      groups[best.i] = [...(groups[best.i] as number[]), ...(groups[best.j] as number[])].sort((x, y) => x - y);
      groups.splice(best.j, 1);
    }
    const [a, b] = groups as [number[], number[]];
    if (Math.min(a.length, b.length) < SPLIT_MIN_PART) return undefined;
    // A group's cohesion is its mean pairwise similarity shrunk by (k - 1) / k, as if each member's similarity
    // with itself counted as nothing: a pair's one similarity is weak evidence of a group. With the plain mean,
    // the odd topics' F1 was 0.908 instead of 0.917 (more splits of a stray pair).
    const cohesion = (g: readonly number[]) => (link(g, g) * (g.length - 1)) / g.length;
    const across = link(a, b);
    return across < this.joinThreshold && across < cohesion(a) && across < cohesion(b) ? [a, b] : undefined;
  }

  /**
   * The weighted cosines of every two members of a story. A member's vectors never change, and a story checked
   * again has mostly the members it had at its last check, in the same order: their similarities are kept for
   * the `PAIR_CACHE_STORIES` stories last checked, and only those of new members are computed.
   */
  private pairSimilarities(story: string, members: readonly MemberRecord[]): number[][] {
    const n = members.length;
    const cached = this.pairs.get(story);
    this.pairs.delete(story);
    const known =
      cached && cached.docs.length <= n && cached.docs.every((doc, i) => members[i]?.doc === doc)
        ? cached.docs.length
        : 0;
    const sim = members.map((_, i) => {
      const row = new Array<number>(n).fill(0);
      const kept = i < known ? cached?.sim[i] : undefined;
      if (kept) for (let j = 0; j < known; j++) row[j] = kept[j] as number;
      return row;
    });
    for (let j = Math.max(known, 1); j < n; j++) {
      for (let i = 0; i < j; i++) {
        const s = this.weightedCosine(
          (members[i] as MemberRecord).vectors,
          (members[j] as MemberRecord).vectors,
          this.packed,
        );
        (sim[i] as number[])[j] = s;
        (sim[j] as number[])[i] = s;
      }
    }
    this.pairs.set(story, { docs: members.map((m) => m.doc), sim });
    if (this.pairs.size > PAIR_CACHE_STORIES) this.pairs.delete(this.pairs.keys().next().value as string);
    return sim;
  }

  /**
   * The cosines per field (and entity kind) of two sets of vectors, weighted by `FIELD_WEIGHTS` and
   * `ENTITY_KIND_SHARES` over the fields present on both sides; 0 when they share no name or figure although
   * each has several (see `DISJOINT_NAMES`).
   */
  private weightedCosine<V>(a: Record<Field, V>, b: Record<Field, V>, ops: VectorOps<V>): number {
    let sum = 0;
    let weight = 0;
    for (const f of FIELDS) {
      const sizeA = ops.size(a[f]);
      const sizeB = ops.size(b[f]);
      if (sizeA === 0 || sizeB === 0) continue;
      if (f !== "entities") {
        sum += this.weights[f] * ops.cosine(a[f], b[f]);
        weight += this.weights[f];
        continue;
      }
      const kinds = ops.kinds(a[f], b[f]);
      if (!kinds.shared && sizeA >= DISJOINT_NAMES && sizeB >= DISJOINT_NAMES) return 0;
      for (const kind of ENTITY_KINDS) {
        const c = kinds[kind];
        if (c === undefined) continue;
        sum += this.weights.entities * this.kindShares[kind] * c;
        weight += this.weights.entities * this.kindShares[kind];
      }
    }
    return weight === 0 ? 0 : sum / weight;
  }

  /**
   * The weighted cosine of a document's vectors with a story's centroids, decayed by time distance and lowered
   * when the document is told in another year than the story (see `YEAR_CONFLICT`).
   */
  private similarity(
    vectors: Record<Field, SparseVector>,
    story: StoryState,
    time: number | undefined,
    years: readonly string[],
  ): number {
    const base = this.weightedCosine(vectors, story.centroid, this.maps);
    const score = base > 0 && yearConflict(years, vectors.entities, story) ? base * YEAR_CONFLICT : base;
    if (time === undefined) return score;
    const gap = time < story.first ? story.first - time : time > story.last ? time - story.last : 0;
    return score * Math.exp(-gap / this.timeDecayMs);
  }
}

/**
 * Whether a document is told in another year than a story: its lede names years, none of them in the story's
 * names and figures, and the story's most weighted year (ties: the earlier) is not among the document's.
 */
export function yearConflict(years: readonly string[], entities: SparseVector, story: StoryState): boolean {
  if (years.length === 0) return false;
  const centroid = story.centroid.entities;
  if (years.some((y) => centroid.has(y))) return false;
  let main: string | undefined;
  let weight = 0;
  for (const [term, w] of centroid) {
    if (!YEAR.test(term)) continue;
    if (w > weight || (w === weight && main !== undefined && term < main)) {
      main = term;
      weight = w;
    }
  }
  return main !== undefined && !entities.has(main);
}

/** Smoothed inverse document frequency: a term never seen weighs most, one in every document least. */
function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/**
 * TF-IDF vectors of unit length per field (sublinear term frequency: a repeated word is not a new topic). The
 * document frequencies are the stream's plus `priorDocuments` documents of the background corpus, so that a term's
 * weight is sound before the stream has shown many documents and does not swing as the stream grows. `keys` are
 * the document's terms field-prefixed, in the order of its fields' maps (as `assign` lists them for the index):
 * built once per document rather than again at each lookup.
 */
function weigh(
  features: DocumentFeatures,
  keys: readonly string[],
  df: Map<string, number>,
  n: number,
  priors: TermPriors,
  priorDocuments: number,
): Record<Field, SparseVector> {
  const out = {} as Record<Field, SparseVector>;
  let at = 0;
  for (const f of FIELDS) {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of features.fields[f]) {
      const prior = priorDocuments > 0 ? priorDocuments * priors.share(f, term) : 0;
      const w = (1 + Math.log(tf)) * idf((df.get(keys[at++] as string) ?? 0) + prior, n + priorDocuments);
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [term, w] of v) v.set(term, w / norm);
    out[f] = v;
  }
  return out;
}

/**
 * Index keys of a document: per field, its heaviest TF-IDF terms among the rare ones, field-prefixed. Weight
 * rather than rarity alone picks them: the rarest words of a text are mostly ones no other text uses. `keys` as
 * in `weigh` (the vectors hold the terms in the order of the document's fields).
 */
function selectKeys(
  vectors: Record<Field, SparseVector>,
  keys: readonly string[],
  df: Map<string, number>,
  n: number,
  limit: number,
): string[] {
  const rare = (key: string) => n < MIN_DOCUMENTS_FOR_RARITY || (df.get(key) ?? 0) < RARE_SHARE * n;
  const out: string[] = [];
  let at = 0;
  for (const field of FIELDS) {
    const found: { key: string; w: number }[] = [];
    for (const w of vectors[field].values()) {
      const key = keys[at++] as string;
      if (rare(key)) found.push({ key, w });
    }
    found.sort((a, b) => b.w - a.w || (a.key < b.key ? -1 : 1));
    for (const k of found.slice(0, limit)) out.push(k.key);
  }
  return out;
}

/**
 * The cosine of a document's entity vector with a story's, per entity kind present on both sides, and whether
 * they share no term at all.
 */
function kindCosines(doc: SparseVector, story: SparseVector, norms: Norms): KindCosines {
  const dot: Record<EntityKind, number> = { name: 0, number: 0, year: 0 };
  const docNorm: Record<EntityKind, number> = { name: 0, number: 0, year: 0 };
  let shared = false;
  for (const [term, w] of doc) {
    const kind = entityKind(term);
    docNorm[kind] += w * w;
    const v = story.get(term);
    if (v !== undefined) {
      dot[kind] += w * v;
      shared = true;
    }
  }
  return perKind(dot, docNorm, norms.centroidKinds(story), shared);
}

/** The cosine of each entity kind whose terms both sides hold, from its dot product and squared norms. */
function perKind(
  dot: Record<EntityKind, number>,
  normA: Record<EntityKind, number>,
  normB: Record<EntityKind, number>,
  shared: boolean,
): KindCosines {
  const out: KindCosines = { shared };
  for (const kind of ENTITY_KINDS) {
    if (normA[kind] > 0 && normB[kind] > 0) out[kind] = dot[kind] / Math.sqrt(normA[kind] * normB[kind]);
  }
  return out;
}

/** `kindCosines` of two packed vectors, by one merge of their sorted terms. */
function packedKindCosines(a: PackedVector, b: PackedVector, norms: Norms): KindCosines {
  const dot: Record<EntityKind, number> = { name: 0, number: 0, year: 0 };
  const kindsA = norms.packedKinds(a);
  const kindsB = norms.packedKinds(b);
  let shared = false;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as string;
    const y = b.terms[j] as string;
    if (x === y) {
      dot[kindsA.kinds[i] as EntityKind] += (a.weights[i++] as number) * (b.weights[j++] as number);
      shared = true;
    } else if (x < y) i++;
    else j++;
  }
  return perKind(dot, kindsA.norms, kindsB.norms, shared);
}

/** The cosine of two packed vectors. */
function packedCosine(a: PackedVector, b: PackedVector, norms: Norms): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as string;
    const y = b.terms[j] as string;
    if (x === y) dot += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  if (dot === 0) return 0;
  return dot / (norms.packed(a) * norms.packed(b));
}

/** Per entity kind, the cosine where both sides hold terms of it; and whether they share any term. */
type KindCosines = Partial<Record<EntityKind, number>> & { shared: boolean };

/** How `weightedCosine` reads one kind of vector. */
interface VectorOps<V> {
  size(v: V): number;
  cosine(a: V, b: V): number;
  kinds(a: V, b: V): KindCosines;
}

/** The cosine of a document's unit vector with a story's centroid. */
function cosine(a: SparseVector, b: SparseVector, norms: Norms): number {
  let dot = 0;
  for (const [term, w] of a) {
    const v = b.get(term);
    if (v !== undefined) dot += w * v;
  }
  if (dot === 0) return 0;
  return dot / Math.sqrt(norms.centroid(b));
}

/**
 * The norms of the vectors a clusterer compares, computed once per vector while it lives (a batch of an ingest),
 * where summing them again at each comparison took about a third of the time of scoring a story and half of
 * that of a merge or split check. A story's centroid maps are scored against every document that finds the
 * story and are never written into once made (a story joined gets new ones, see `addPruned` and
 * `StoryIndex.stories`); a member's packed vectors are compared with every member of its story at each split
 * check and with every member of another candidate at each merge check, and never change. The sums are those
 * computed before, in the same order, so every similarity is the same to the last bit.
 */
class Norms {
  /** Squared norms of centroid maps, whole and per entity kind. */
  private readonly centroids = new WeakMap<SparseVector, number>();
  private readonly centroidKindNorms = new WeakMap<SparseVector, Record<EntityKind, number>>();
  /** Norms of packed vectors; the kind of each term of a packed entity vector, and each kind's squared norm. */
  private readonly packedNorms = new WeakMap<PackedVector, number>();
  private readonly packedKindNorms = new WeakMap<
    PackedVector,
    { kinds: EntityKind[]; norms: Record<EntityKind, number> }
  >();

  centroid(v: SparseVector): number {
    let norm = this.centroids.get(v);
    if (norm === undefined) {
      norm = 0;
      for (const w of v.values()) norm += w * w;
      this.centroids.set(v, norm);
    }
    return norm;
  }

  centroidKinds(v: SparseVector): Record<EntityKind, number> {
    let norms = this.centroidKindNorms.get(v);
    if (!norms) {
      norms = { name: 0, number: 0, year: 0 };
      for (const [term, w] of v) norms[entityKind(term)] += w * w;
      this.centroidKindNorms.set(v, norms);
    }
    return norms;
  }

  packed(v: PackedVector): number {
    let norm = this.packedNorms.get(v);
    if (norm === undefined) {
      norm = Math.sqrt(v.weights.reduce((sum, w) => sum + w * w, 0));
      this.packedNorms.set(v, norm);
    }
    return norm;
  }

  packedKinds(v: PackedVector): { kinds: EntityKind[]; norms: Record<EntityKind, number> } {
    let known = this.packedKindNorms.get(v);
    if (!known) {
      const norms: Record<EntityKind, number> = { name: 0, number: 0, year: 0 };
      const kinds = v.terms.map((term, i) => {
        const kind = entityKind(term);
        norms[kind] += (v.weights[i] as number) ** 2;
        return kind;
      });
      known = { kinds, norms };
      this.packedKindNorms.set(v, known);
    }
    return known;
  }
}

/**
 * A member's vectors as kept for a split: per field its `limit` heaviest terms (ties: the first in order), of
 * unit length again, packed in term order (arrays take a fraction of a map's memory, and two are compared by
 * one merge).
 */
function memberVectors(vectors: Record<Field, SparseVector>, limit: number): Record<Field, PackedVector> {
  const out = {} as Record<Field, PackedVector>;
  for (const f of FIELDS) {
    const kept = heaviest(vectors[f], limit).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0));
    out[f] = { terms: kept.map(([t]) => t), weights: kept.map(([, w]) => w / norm) };
  }
  return out;
}

/**
 * A vector's `limit` heaviest entries (ties at the cut: the first terms in order), unordered. Found by the
 * weight at the cut, from a sort of the weights alone: sorting every entry by weight and term took most of
 * the time of keeping a member on the ingest path.
 */
function heaviest(vector: SparseVector, limit: number): [string, number][] {
  if (vector.size <= limit) return [...vector];
  const weights = Float64Array.from(vector.values()).sort();
  const cut = weights[weights.length - limit] as number;
  const above: [string, number][] = [];
  const at: [string, number][] = [];
  for (const entry of vector) {
    if (entry[1] > cut) above.push(entry);
    else if (entry[1] === cut) at.push(entry);
  }
  at.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return above.concat(at.slice(0, limit - above.length));
}

/** The state of a story of these members: their time span and the sum of their vectors. */
function stateOf(id: string, members: readonly MemberRecord[]): StoryState {
  const state: StoryState = {
    id,
    size: members.length,
    first: Math.min(...members.map((m) => m.time)),
    last: Math.max(...members.map((m) => m.time)),
    centroid: { title: new Map(), body: new Map(), entities: new Map() },
  };
  for (const m of members) {
    for (const f of FIELDS) {
      const { terms, weights } = m.vectors[f];
      state.centroid[f] = addPruned(state.centroid[f], new Map(terms.map((t, i) => [t, weights[i] as number])));
    }
  }
  return state;
}

/** The centroid plus a document's vector, cut to its `CENTROID_TERMS` heaviest terms. */
function addPruned(centroid: SparseVector, doc: SparseVector): SparseVector {
  const sum = new Map(centroid);
  for (const [term, w] of doc) sum.set(term, (sum.get(term) ?? 0) + w);
  if (sum.size <= CENTROID_TERMS) return sum;
  const kept = [...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_TERMS);
  return new Map(kept);
}
