/**
 * An invented stream of news articles as JSON Lines records, for the store's tests and benchmarks: stories
 * about made-up events in made-up places, told by made-up outlets, each article in its own words, some of
 * them near-copies of an earlier one (a syndicated report with a new headline and a line added). The same
 * seed gives the same stream.
 */
import { seededRandom } from "../src/words/hash.js";

export interface InventedRecord {
  text: string;
  title: string;
  outlet: string;
  published: string;
  url?: string;
}

export interface InventedStreamOptions {
  articles: number;
  /** Articles per story on average. */
  perStory?: number;
  /** Share of articles that are near-copies of an earlier article of their story. */
  copyShare?: number;
  /** Share of articles that carry a URL (the others are identified by their content hash). */
  urlShare?: number;
  seed?: number;
}

const SYLLABLES = [
  "ka",
  "lo",
  "ven",
  "mar",
  "ti",
  "sel",
  "dra",
  "pon",
  "ru",
  "quel",
  "ba",
  "nor",
  "esk",
  "vi",
  "tam",
  "or",
];
const EVENTS = [
  ["flood", "the river burst its banks", "residents were moved to the sports hall", "sandbags"],
  ["fire", "a blaze swept through the warehouse district", "firefighters fought the flames overnight", "smoke"],
  ["strike", "bus drivers walked out over pay", "commuters queued for hours", "picket lines"],
  ["landslide", "a hillside gave way above the coast road", "engineers closed the road", "mud"],
  ["election", "the council count ended after midnight", "turnout was higher than last time", "ballots"],
  ["outbreak", "a stomach bug spread through two schools", "health inspectors visited the kitchens", "samples"],
  [
    "derailment",
    "a freight train left the rails near the junction",
    "the line was closed in both directions",
    "wagons",
  ],
  ["storm", "gale-force winds tore roofs from houses", "power was cut to thousands of homes", "fallen trees"],
];
const OUTLETS = [
  "Lowland Courier",
  "Tidewater Post",
  "Harbour Ledger",
  "Valley Evening News",
  "Northgate Wire",
  "Eastmarch Herald",
  "Plainsman Daily",
  "Coastline Monitor",
];
const VERBS = ["said", "told reporters", "said on the day", "confirmed"];

interface InventedStory {
  place: string;
  person: string;
  agency: string;
  event: readonly string[];
  day: number;
  figure: number;
  told: InventedRecord[];
}

/**
 * The records of an invented stream, one at a time (so that a large stream is never held whole).
 *
 * @example for (const record of inventedStream({ articles: 100 })) lines.push(JSON.stringify(record));
 */
export function* inventedStream(options: InventedStreamOptions): Generator<InventedRecord> {
  const rand = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const word = (parts: number) => {
    let w = "";
    for (let i = 0; i < parts; i++) w += pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const perStory = options.perStory ?? 5;
  const copyShare = options.copyShare ?? 0.1;
  const urlShare = options.urlShare ?? 0.5;
  const open: InventedStory[] = [];
  let day = 0;
  let made = 0;
  for (let i = 0; i < options.articles; i++) {
    // A new story about once every `perStory` articles; a handful of stories run at once.
    if (open.length === 0 || rand() < 1 / perStory) {
      day += rand() < 0.3 ? 1 : 0;
      open.push({
        place: word(3),
        person: `${word(2)} ${word(3)}`,
        agency: `${word(2)} ${pick(["Council", "Authority", "Board", "Agency", "Service"])}`,
        event: pick(EVENTS),
        day,
        figure: 10 + Math.floor(rand() * 900),
        told: [],
      });
      if (open.length > 12) open.shift();
    }
    const story = pick(open);
    const outlet = pick(OUTLETS);
    const date = new Date(Date.UTC(2026, 0, 1 + story.day + Math.floor(rand() * 2)));
    const published = date.toISOString().slice(0, 10);
    const earlier = story.told.length > 0 && rand() < copyShare ? pick(story.told) : undefined;
    let record: InventedRecord;
    if (earlier) {
      record = {
        title: `${story.place}: ${earlier.title.toLowerCase()}`,
        outlet,
        published,
        text: `${earlier.text}\n\nThis report was first published by ${earlier.outlet}.`,
      };
    } else {
      const [kind, what, then, thing] = story.event as [string, string, string, string];
      const n = story.figure + Math.floor(rand() * 5) - 2;
      const surname = story.person.split(" ")[1] as string;
      const when = pick(["on the day", "early on", "late in the day", "before dawn", "overnight", "by midday"]);
      // Each article tells the story in its own order and words: a pool of statements, each in one of
      // several phrasings, from which it takes four to six.
      const pool = [
        pick([
          `In ${story.place}, ${what} ${when}, the ${story.agency} ${pick(VERBS)}.`,
          `The ${story.agency} ${pick(VERBS)} that ${what} in ${story.place} ${when}.`,
          `${what.charAt(0).toUpperCase()}${what.slice(1)} in ${story.place} ${when}, according to the ${story.agency}.`,
        ]),
        pick([
          `${story.person} of the ${story.agency} said about ${n} people were affected by the ${kind}.`,
          `Some ${n} people were affected, ${story.person} ${pick(VERBS)}.`,
          `According to ${surname}, roughly ${n} residents were caught up in the ${kind}.`,
        ]),
        pick([
          `${then.charAt(0).toUpperCase()}${then.slice(1)}, and ${thing} could be seen across ${story.place}.`,
          `Witnesses said ${then}; ${thing} were visible from the main square.`,
        ]),
        pick([
          `"We expect to know more by tomorrow," ${surname} ${pick(VERBS)}.`,
          `"It is too early to say what caused this," ${surname} added.`,
          `${surname} asked people to stay away from the area until further notice.`,
        ]),
        `Officials in ${story.place} said ${Math.floor(rand() * 40) + 2} ${thing} had been counted by ${pick(["noon", "evening", "nightfall"])}.`,
        pick([
          `Neighbours described a ${pick(["long", "tense", "sleepless", "chaotic"])} ${pick(["night", "morning", "afternoon"])} in ${story.place}.`,
          `Shops near the ${pick(["station", "market", "harbour", "school"])} in ${story.place} stayed ${pick(["shut", "closed", "dark"])}.`,
        ]),
        `The ${story.agency} will ${pick(["publish a report", "hold a briefing", "meet again", "review its plans"])} ${pick(["next week", "on Friday", "within days"])}.`,
        `${pick(["Local", "Regional", "National"])} ${pick(["radio", "television", "papers"])} ${pick(["showed", "carried", "reported"])} ${pick(["pictures", "accounts", "interviews"])} from ${story.place} ${pick(["all day", "through the evening", "since morning"])}.`,
      ];
      for (let s = pool.length - 1; s > 0; s--) {
        const j = Math.floor(rand() * (s + 1));
        [pool[s], pool[j]] = [pool[j] as string, pool[s] as string];
      }
      const sentences = pool.slice(0, 4 + Math.floor(rand() * 3));
      record = {
        title: `${kind.charAt(0).toUpperCase()}${kind.slice(1)} in ${story.place}: ${pick(["officials count the cost", "what we know", "the day after", "residents wait"])}`,
        outlet,
        published,
        text: sentences.join(" "),
      };
      story.told.push(record);
    }
    if (rand() < urlShare)
      record.url = `https://${outlet.toLowerCase().replace(/\s+/g, "-")}.example/${published}/${++made}`;
    yield record;
  }
}
