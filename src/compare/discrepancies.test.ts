import { describe, expect, it } from "vitest";
import { analyzeTexts, plainArticle } from "../../test/fixtures.js";
import type { Article } from "../model/index.js";
import { analyzeStory } from "../pipeline.js";
import { namesAny, namesPerson } from "./discrepancies.js";

function story(...texts: [id: string, text: string][]) {
  return analyzeTexts(texts);
}

describe("number discrepancies", () => {
  it.each([
    ["more than 300 workers", "around 350 workers", true],
    ["at least 12 people", "about 8 people", false],
    ["dozens of containers", "around 40 containers", true],
    ["up to 30 ships", "at least 45 ships", false],
    ["three million workers", "3.3 million workers", true],
    ["three million workers", "3.7 million workers", false],
    ["3,000 workers", "3,300 workers", false],
  ])("%j against %j: compatible %s", (a, b, compatible) => {
    const report = story(
      ["one", `The strike at the Velmar terminal in Portavel involved ${a}, the union said on Monday.`],
      ["two", `The strike at the Velmar terminal in Portavel involved ${b}, the union said on Monday.`],
    );
    const numbers = report.discrepancies.filter((d) => d.kind === "number");
    expect(numbers).toHaveLength(1);
    expect(numbers[0]?.compatible).toBe(compatible);
    expect(numbers[0]?.values.map((v) => v.article).sort()).toEqual(["one", "two"]);
  });

  it.each([
    [
      "the same figure in other words",
      "Three firefighters were hurt at the Velmar terminal.",
      "3 firefighters were hurt at the Velmar terminal.",
    ],
    [
      "counts of different things",
      "Three firefighters were hurt at the Velmar terminal.",
      "Five ships were hurt at the Velmar terminal.",
    ],
    [
      "unrelated statements",
      "Three firefighters were hurt at the Velmar terminal.",
      "The mayor of Kestrel Bay opened 40 new libraries.",
    ],
    [
      "a part of the set against the whole",
      "The coast guard detained 23 smugglers after the raid near the Velmar terminal.",
      "The coast guard detained 11 Moroccan smugglers after the raid near the Velmar terminal.",
    ],
    [
      "a count of the others",
      "Police seized five rifles in the raid at the Velmar terminal on Monday.",
      "Police seized three other rifles in the raid at the Velmar terminal on Monday.",
    ],
    [
      "a streak's length against a count",
      "The Velmar dockers ended a three-game losing streak at the harbour league on Sunday.",
      "The Velmar dockers have lost 10 games at the harbour league this season.",
    ],
    [
      "a figure with a unit against one without",
      "The Velmar terminal lost two decades of records in the fire on Sunday.",
      "The Velmar terminal lost records in the fire on Sunday, and only 3 survived.",
    ],
    [
      "a count coordinated with another group",
      "The coast guard detained 23 Moroccan and Algerian smugglers after the raid near the Velmar terminal.",
      "The coast guard detained 12 Moroccan and 11 Algerian smugglers after the raid near the Velmar terminal.",
    ],
    [
      "a count per item against the total",
      "The court charged the Velmar terminal manager with two counts of fraud and theft in Portavel on Monday.",
      "The court charged the Velmar terminal manager with one count each of fraud and theft in Portavel on Monday.",
    ],
    [
      "two bare numbers said of different things",
      "The Velmar crane driver has a younger daughter, and the three of them shared a room in Portavel.",
      "The Velmar crane driver has a younger daughter in Portavel, who was four at the time.",
    ],
    [
      "figures said of two different people",
      "Coach Ana Ruiz has spent 19 seasons with the Velmar dockers club in Portavel.",
      "Coach Ines Bako has spent four seasons with the Velmar dockers club in Portavel.",
    ],
    [
      "figures said of two different organisations",
      "Velmar Shipping Ltd offered the Portavel port authority a deal worth $40 million on Monday.",
      "Kestrel Logistics Inc offered the Portavel port authority a deal worth $52 million on Monday.",
    ],
    [
      "figures credited to two different people, one named after the figure",
      "Ines Bako scored 14 points for the Velmar dockers in Portavel on Sunday.",
      "The Velmar dockers led in Portavel on Sunday, paced by 13 points from Ana Ruiz.",
    ],
    [
      "a figure in a line of statistics against a figure of another tally",
      "Ana Ruiz ran 88 times for 351 yards and three touchdowns and had 47 catches for the Velmar dockers.",
      "Ana Ruiz scored four touchdowns for the Velmar dockers since the start of the season.",
    ],
    [
      "a figure converted in brackets",
      "The Velmar ferry sank 40 km (25 miles) south of Portavel on Monday, the coastguard said.",
      "The Velmar ferry sank 24 miles south of Portavel on Monday, the coastguard said.",
    ],
    [
      "the whole of a ratio against its part",
      "Ana Ruiz completed 19 of 33 passes for the Velmar dockers in Portavel on Sunday.",
      "Ana Ruiz completed 19 passes for the Velmar dockers in Portavel on Sunday.",
    ],
    [
      "one figure, once hedged",
      "The Velmar Group paid nearly $80 million for the terminal in Portavel, the union said.",
      "The Velmar Group paid $80 million for the terminal in Portavel, the union said.",
    ],
    [
      "one count, once as a lower bound",
      "More than 300 workers joined the strike at the Velmar terminal in Portavel on Monday.",
      "300 workers joined the strike at the Velmar terminal in Portavel on Monday.",
    ],
    [
      "a length of time counted from now",
      "The Velmar lease in Portavel ends 15 years from now, the operator said.",
      "The Velmar lease in Portavel ends after eight years, the operator said.",
    ],
    [
      "a figure of another month in an undated article",
      "In February, a fire at the Velmar terminal in Portavel destroyed three cranes.",
      "A fire at the Velmar terminal in Portavel destroyed five cranes.",
    ],
    [
      "two lengths of time that place different events",
      "Three days later, the Velmar dockers returned to the terminal in Portavel.",
      "Two days later, the Velmar owners said the terminal in Portavel would reopen.",
    ],
    [
      "statements in different languages",
      "Nine ships were damaged at the Velmar terminal in Portavel, the union said.",
      "工会星期一说，Velmar terminal Portavel，12艘船在风暴中受损。",
    ],
    [
      "a speed against a distance",
      "Police chased the Velmar van along the coast road at up to 120 miles per hour, officers said.",
      "Police chased the Velmar van along the coast road for 30 miles, officers said.",
    ],
    [
      "an average against one season's total",
      "Ana Ruiz has averaged 30 goals for the Velmar dockers club in Portavel.",
      "Ana Ruiz scored 21 goals for the Velmar dockers club in Portavel last season.",
    ],
    [
      "a person's age set after the name against a count",
      "About 60 people gathered outside the Velmar store in Portavel on Monday, police said.",
      "Ana Ruiz, 45, who owns the Velmar store in Portavel, said people gathered on Monday.",
    ],
    [
      "games that will be missed against games that were",
      "Ana Ruiz will miss the final two games of the Velmar dockers' season in Portavel.",
      "Ana Ruiz missed four games of the Velmar dockers' season in Portavel.",
    ],
    [
      "a running total against one occasion",
      "The Velmar coast guard has seized 14 rifles in its operations so far, an officer in Portavel said.",
      "The Velmar coast guard seized six rifles in the operation, an officer in Portavel said.",
    ],
    [
      "a team's record against a count",
      "The Velmar dockers (5-10) scored on a pass from Ana Ruiz in Portavel on Sunday.",
      "Li Wen caught five passes for the Velmar dockers in Portavel on Sunday.",
    ],
    [
      "a bare number and a count said of different things",
      "Ana Ruiz of the Velmar dockers club was married three times in Portavel.",
      "Ana Ruiz of the Velmar dockers club was one of six children in Portavel.",
    ],
    [
      "a count of more times",
      "Ana Ruiz of the Velmar dockers club married three times in Portavel.",
      "Ana Ruiz of the Velmar dockers club married two more times in Portavel.",
    ],
    [
      "two moments of a game told by the time left",
      "Ana Ruiz scored for the Velmar dockers with 12 minutes remaining in Portavel on Sunday.",
      "Ana Ruiz scored again for the Velmar dockers with four minutes remaining in Portavel on Sunday.",
    ],
    [
      "two moments of a game told by the seconds left",
      "Ana Ruiz scored for the Velmar dockers with 40 seconds remaining in Portavel on Sunday.",
      "Ana Ruiz scored again for the Velmar dockers with 9 seconds left in Portavel on Sunday.",
    ],
    [
      "compound figures describing different things",
      "The Velmar dockers were stopped at the 10-yard line in Portavel on Sunday.",
      "The Velmar dockers scored on a 7-yard pass in Portavel on Sunday.",
    ],
    [
      "a figure of another season",
      "Ana Ruiz of the Velmar dockers played only eight matches this season after the injury in Portavel.",
      "Ana Ruiz of the Velmar dockers played 17 matches last season after the injury in Portavel.",
    ],
    [
      "a figure of an earlier month",
      "In March 2019, a storm flooded 40 homes in the Velmar district of Portavel.",
      "A storm flooded 12 homes in the Velmar district of Portavel, officials said.",
    ],
    [
      "a figure of another year",
      "The Velmar ferry carried 9,000 passengers across the bay to Portavel in 2019.",
      "The Velmar ferry carried 6,500 passengers across the bay to Portavel on its last run.",
    ],
    [
      "distances from different places",
      "The Velmar ferry sank about 8 km west of Portavel, the coast guard said.",
      "The Velmar ferry sank about 30 km west of Kestrel Bay, the coast guard said.",
    ],
    [
      "a distance from a place against a distance travelled",
      "The Velmar ferry sank about 5 miles west of Portavel, the coast guard said.",
      "The Velmar ferry sank after drifting for 19 miles, the coast guard said.",
    ],
    [
      "a margin against an amount",
      "The Velmar dockers were ahead by 7 goals before the lights failed in Portavel on Sunday.",
      "The Velmar dockers scored 9 goals before the lights failed in Portavel on Sunday.",
    ],
    [
      "a difference against an amount",
      "The Velmar rowers finished the race two laps sooner than the harbour league expected in Portavel.",
      "The Velmar rowers finished the race after 9 laps in the harbour league in Portavel.",
    ],
    [
      "the length of a running spell in undated articles",
      "Portavel was quiet on Sunday after six days of protests over the Velmar terminal.",
      "Portavel was quiet on Sunday after nine days of protests over the Velmar terminal.",
    ],
    [
      "a figure needed for something against the figure reached",
      "Okafor needed seven goals in the Kestrel Bay final on Sunday to pass the harbour league record.",
      "Okafor finished the Kestrel Bay final on Sunday with 11 goals and passed the harbour league record.",
    ],
    [
      "an amount asked for against the amount offered",
      "The agent of Ana Ruiz countered by asking for a contract worth $90 million, the Velmar club said.",
      "The Velmar club offered Ana Ruiz a contract worth $70 million, the club said.",
    ],
    [
      "a time left given in minutes and seconds",
      "The Velmar dockers scored with 12 minutes, 40 seconds remaining in the Kestrel Bay final.",
      "The Velmar dockers held on for almost 50 minutes in the Kestrel Bay final.",
    ],
    [
      "a count of part of a group whose others are counted apart",
      "A falling crane killed one docker and injured two others at the Velmar depot in Portavel on Monday.",
      "A falling crane hit three dockers at the Velmar depot in Portavel on Monday.",
    ],
    [
      "a count of those let do something against those found",
      "Okafor counted four workers on the night shift at the Velmar depot in Portavel.",
      "Okafor ordered one worker to leave the night shift at the Velmar depot in Portavel.",
    ],
    [
      "the last of several chances against all of them",
      "The Velmar climbers made three attempts to reach the summit above Kestrel Bay.",
      "The Velmar climbers made one final attempt to reach the summit above Kestrel Bay.",
    ],
    [
      "a spell of another year, the story's year named only as a bound",
      "Tomas Bako was serving a nine-year term imposed in 2004 for fraud at the Velmar bank when he fell ill.",
      "Prior to 2004, Tomas Bako had served a three-year term for fraud at the Velmar bank in 1991.",
    ],
    [
      "spells in different capacities",
      "Okafor, now the coach, has played 14 seasons with the Velmar dockers since 2010.",
      "Before he became coach, Okafor worked three seasons as head of scouting since 2010.",
    ],
    [
      "spells of work with different units",
      "Tomas Luck, a dog handler, has worked with the harbour dog unit for four years.",
      "Tomas Luck had worked for the Portavel county police for 12 years, colleagues said.",
    ],
    [
      "a count of an occasion set a week apart",
      "Two weeks after she took 14 shots against Portavel, Ana Ruiz led the Velmar side to a win.",
      "Ana Ruiz finished the Velmar win against Kestrel Bay with 9 shots.",
    ],
    [
      "figures of different verbs measured with 'for'",
      "Okafor threw for 180 yards in the Velmar dockers' loss at Portavel on Sunday.",
      "The Velmar dockers rushed for 240 yards in their loss at Portavel on Sunday.",
    ],
    [
      "two lists of three counts of which none agrees",
      "During the raid near Portavel, eight pistols, 20 radios and about 150 flares were found.",
      "The Velmar coast guard took 11 pistols, 26 radios and 400 flares off the trawler near Portavel.",
    ],
    [
      "two positions on a field named by a measure",
      "Okafor's kicks seldom carry beyond the 15-yard line, the Velmar coach said.",
      "The Velmar dockers lost the ball at the 32-yard line and Kestrel Bay scored from there.",
    ],
    [
      "shares of the ferry crossings of different countries",
      "Ferry crossings in Chile fell by 40 percent, in Peru by 25 percent, after the Velmar storm.",
      "Up to 40 percent of ferry crossings in Chile were cancelled after the Velmar storm.",
    ],
    [
      "a share of one country's exports against a share of another's",
      "Nearly 60 percent of Chile's grain exports pass through the northern canal, the shippers said.",
      "About 35 percent of the grain shipped from Peru passes through the northern canal, the shippers said.",
    ],
    [
      "a person's own figure against a team's",
      "The Velmar dockers lost 20-13 to Kestrel Bay despite Ana Ruiz's 180 yards rushing.",
      "Despite rushing for 260 yards, the Velmar dockers lost to Kestrel Bay on Sunday.",
    ],
    [
      "a count of one city against a count of the whole country",
      "As many as 8,000 dockers marched in the streets of Portavel as strikes spread across the country, police said.",
      "An estimated 30,000 dockers marched in nationwide strikes over pay, the union said.",
    ],
    [
      "two lines of statistics that share only a figure added to the tally",
      "Okafor had 12 catches for 96 yards, 140 rushing yards and two touchdowns as the Velmar dockers won.",
      "Okafor has 27 catches for 240 yards, 610 rushing yards and five touchdowns, plus another two touchdowns on returns.",
    ],
  ])("finds none for %s", (_, a, b) => {
    expect(story(["one", a], ["two", b]).discrepancies.filter((d) => d.kind === "number")).toEqual([]);
  });

  it.each([
    [
      "two counts of the whole country",
      "Some 18,000 dockers marched in nationwide strikes over pay, police said.",
      "An estimated 30,000 dockers marched in nationwide strikes over pay, the union said.",
    ],
    [
      "a person's own figure against one credited to that person",
      "The Velmar dockers lost to Kestrel Bay despite Ana Ruiz's 180 yards rushing.",
      "The Velmar dockers lost to Kestrel Bay despite 210 yards rushing from Ana Ruiz.",
    ],
    [
      "two shares of one country's crossings",
      "Ferry crossings in Chile fell by 40 percent after the Velmar storm, the port authority said.",
      "Ferry crossings in Chile fell by 25 percent after the Velmar storm, the port authority said.",
    ],
    [
      "a share of no place named against a share of a place",
      "Ferry crossings fell by 40 percent after the Velmar storm, the port authority said.",
      "Ferry crossings in Chile fell by 25 percent after the Velmar storm, the port authority said.",
    ],
    [
      "two speeds",
      "Police chased the Velmar van along the coast road at up to 120 miles per hour, officers said.",
      "Police chased the Velmar van along the coast road at 80 miles per hour, officers said.",
    ],
    [
      "two figures of lines of statistics that share another figure",
      "Ana Ruiz ran 88 times for 351 yards and three touchdowns and had 47 catches for the Velmar dockers.",
      "Ana Ruiz ran 88 times for 351 yards and five touchdowns and had 47 catches for the Velmar dockers.",
    ],
    [
      "two games missed",
      "Ana Ruiz missed two games of the Velmar dockers' season in Portavel.",
      "Ana Ruiz missed four games of the Velmar dockers' season in Portavel.",
    ],
    [
      "two ages of one person set after the name",
      "Ana Ruiz, 45, who owns the Velmar store in Portavel, spoke to police on Monday.",
      "Ana Ruiz, 47, who owns the Velmar store in Portavel, spoke to police on Monday.",
    ],
    [
      "two figures of one earlier occasion",
      "In March 2019, a storm flooded 40 homes in the Velmar district of Portavel.",
      "In March 2019, a storm flooded 12 homes in the Velmar district of Portavel.",
    ],
    [
      "two counts of a spell begun last week",
      "Some 40 workers have been on strike at the Velmar terminal since last week, the union said.",
      "Some 12 workers have been on strike at the Velmar terminal, the union said.",
    ],
    [
      "two distances from one place",
      "The Velmar ferry sank about 5 miles west of Portavel, the coast guard said.",
      "The Velmar ferry sank about 19 miles (30 km) west of Portavel, the coast guard said.",
    ],
    [
      "two counts of things taken from somewhere",
      "The coast guard took 40 crates from the Velmar ferry near Portavel on Monday.",
      "The coast guard took 65 crates from the Velmar ferry near Portavel on Monday.",
    ],
    [
      "two margins",
      "The Velmar dockers were ahead by 7 goals before the lights failed in Portavel on Sunday.",
      "The Velmar dockers were ahead by 4 goals before the lights failed in Portavel on Sunday.",
    ],
    [
      "two lengths of one spell in one capacity",
      "Okafor, now the coach, has played 14 seasons with the Velmar dockers since 2010.",
      "Okafor, the coach, has played 11 seasons with the dockers since 2010.",
    ],
    [
      "two figures of one verb measured with 'for'",
      "Okafor threw for 180 yards in the Velmar dockers' loss at Portavel on Sunday.",
      "Okafor threw for 240 yards in the Velmar dockers' loss at Portavel on Sunday.",
    ],
    [
      "one figure of two lists of counts that agree on another",
      "During the raid near Portavel, eight pistols, 20 radios and about 150 flares were found.",
      "The Velmar coast guard took eight pistols, 24 radios and about 150 flares off the trawler near Portavel.",
    ],
  ])("still finds %s", (_, a, b) => {
    expect(story(["one", a], ["two", b]).discrepancies.filter((d) => d.kind === "number")).toHaveLength(1);
  });

  it("reads a month named without its year, in a dated article, as another occasion unless it is the article's", () => {
    const numbers = (month: string) =>
      analyzeStory([
        plainArticle("one", `In ${month}, a fire at the Velmar terminal in Portavel destroyed three cranes.`, {
          published: "2026-03-09",
        }),
        plainArticle("two", "A fire at the Velmar terminal in Portavel destroyed five cranes.", {
          published: "2026-03-09",
        }),
      ]).discrepancies.filter((d) => d.kind === "number");
    expect(numbers("February")).toEqual([]);
    expect(numbers("March")).toHaveLength(1);
  });

  it("compares the lengths of a running spell given in articles of one day, and not of different days", () => {
    const texts: [string, string][] = [
      ["one", "Portavel was quiet on Sunday after six days of protests over the Velmar terminal."],
      ["two", "Portavel was quiet on Sunday after nine days of protests over the Velmar terminal."],
    ];
    const numbers = (published: string[]) =>
      analyzeStory(
        texts.map(([id, text], i) => plainArticle(id, text, { published: published[i] as string })),
      ).discrepancies.filter((d) => d.kind === "number");
    expect(numbers(["2026-03-09", "2026-03-09"])).toHaveLength(1);
    expect(numbers(["2026-03-06", "2026-03-09"])).toEqual([]);
  });
});

describe("figures of a unit an article gives several of", () => {
  it("does not set one of several percentages against another said of something else", () => {
    const report = story(
      [
        "one",
        "A survey of Portavel residents on Sunday found that 40 percent blamed the Velmar operator for the fire. " +
          "Some 30 percent wanted the Velmar terminal closed for good.",
      ],
      [
        "two",
        "In a survey of Portavel residents on Sunday, the mayor's approval stood at 25 percent among the Velmar dockers.",
      ],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number")).toEqual([]);
  });

  it("still sets two figures against each other when the words around them agree", () => {
    const report = story(
      [
        "one",
        "The union said 14 dockers were hurt in the fire at the Velmar terminal in Portavel. " +
          "About 200 dockers were moved out of the Velmar port.",
      ],
      ["two", "The union said 19 dockers had been hurt in the fire at the Velmar terminal in Portavel."],
    );
    const numbers = report.discrepancies.filter((d) => d.kind === "number");
    expect(numbers.map((d) => d.values.map((v) => v.value).sort())).toEqual([["14 dockers", "19 dockers"]]);
  });

  it("reads the words inside a figure as what it counts ('four strong tremors')", () => {
    const report = story(
      [
        "one",
        "After the Velmar quake, the radio said four strong tremors were felt in Portavel. " +
          "Seven weaker tremors came in the night.",
      ],
      ["two", "Six strong tremors shook the coast of Portavel, the Kestrel Bay agency said of the Velmar quake."],
    );
    const numbers = report.discrepancies.filter((d) => d.kind === "number");
    expect(numbers.map((d) => d.values.map((v) => v.value).sort())).toEqual([
      ["Six strong tremors", "four strong tremors"],
    ]);
  });
});

describe("number discrepancies said of people", () => {
  it("compares figures said of the same person", () => {
    const report = story(
      ["one", "Coach Ana Ruiz has spent 19 seasons with the Velmar dockers club in Portavel."],
      ["two", "Coach Ana Ruiz has spent 14 seasons with the Velmar dockers club in Portavel."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number")).toHaveLength(1);
  });

  it("compares figures said of the same organisation, and not through a reporting source", () => {
    const report = story(
      ["one", "Velmar Shipping Ltd offered the Portavel port authority a deal worth $40 million, Reuters said."],
      ["two", "Velmar Shipping Ltd offered the Portavel port authority a deal worth $52 million, Kestrel News said."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number")).toHaveLength(1);
  });

  it("does not chain one person's figure to another's through a figure of no one", () => {
    const report = story(
      ["one", "Ines Bako scored 16 points as the Velmar dockers beat Portavel on Sunday."],
      ["two", "The Velmar dockers beat Portavel on Sunday and scored 15 points in the last quarter."],
      ["three", "Ana Ruiz scored 14 points as the Velmar dockers beat Portavel on Sunday."],
    );
    const numbers = report.discrepancies.filter((d) => d.kind === "number");
    for (const d of numbers) expect(d.values.map((v) => v.article).sort()).not.toEqual(["one", "three", "two"]);
  });
});

describe("place discrepancies", () => {
  it("does not set a place of another occasion against the story's", () => {
    const report = story(
      ["one", "The company faced a nine-day stoppage at its terminal in Marseille in 2019."],
      ["two", "Workers at its Genoa terminal stopped work for nine days."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it("does not set places of different things, in statements joined only by a year, against each other", () => {
    const report = story(
      [
        "one",
        "Ruiz, who took two titles from Okafor in 2011 and another in 2014, landed in Portugal on Tuesday and said she felt strong.",
      ],
      ["two", "She held the title for a year in 2011 after beating Okafor on points in Kenya."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it("finds the same event put in cities of different countries", () => {
    const report = story(
      ["one", "The company faced a nine-day stoppage at its terminal in Marseille in 2019."],
      ["two", "Workers at its Genoa terminal stopped work for nine days in 2019."],
    );
    const d = report.discrepancies.find((x) => x.kind === "place");
    expect(d?.values.map((v) => v.value)).toEqual(["Marseille", "Genoa"]);
  });

  it("trusts a large port's country in a story set in another country", () => {
    const report = story(
      ["one", "The company faced a nine-day stoppage at its terminal in Marseille in 2019."],
      ["two", "Workers at its Genoa terminal stopped work for nine days in 2019."],
      ["three", "Dockers in Tunisia walked out on Monday over pay."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toHaveLength(1);
  });

  it.each([
    ["a region the gazetteer gives no country", "Tennessee", "Nashville"],
    ["a town whose name is too small to be only one place", "Canada", "Mount Pleasant"],
  ])("does not set %s against another place", (_what, a, b) => {
    const report = story(
      ["one", `The company faced a nine-day stoppage at its terminal in ${a} in 2019.`],
      ["two", `The company faced a nine-day stoppage at its terminal in ${b} in 2019.`],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it("reads a demonym as its country", () => {
    const report = story(
      ["one", "A drone strike killed three soldiers in Peru last year."],
      ["two", "One raid last year killed three soldiers at a Chilean base."],
    );
    expect(report.discrepancies.find((x) => x.kind === "place")?.values.map((v) => v.value)).toEqual(["Peru", "Chile"]);
  });

  it("does not read a rank in a league as a place", () => {
    const report = story(
      ["one", "The Velmar dockers lost their third match in a row in Marseille on Sunday."],
      ["two", "The Velmar dockers lost their third match in a row and are last in the Atlantic on Sunday."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it.each([
    [
      "a list of places against one of them",
      ["one", "In Peru and Chile, office buildings were evacuated after the quake on Sunday."],
      ["two", "Office workers in Santiago, Chile, evacuated buildings after the quake on Sunday."],
    ],
    [
      "a smaller city whose country the story never names, against a place in the story's country",
      ["one", "A car hit a cyclist in Markham on Friday night, New York police said."],
      ["two", "A car hit a cyclist in Brooklyn on Friday night, New York police said."],
    ],
    [
      "a place the outlet names in the same statement as another",
      ["one", "The quake shook southern Peru on Sunday and was felt in Chile, officials said."],
      ["two", "The quake killed ten people in Peru on Sunday, officials said."],
    ],
  ])("does not set %s", (_what, a, b) => {
    const report = story(a as [string, string], b as [string, string]);
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it("reads a place qualified by another as lying where that one does", () => {
    const report = story(
      ["one", "A car hit a cyclist in Athens on Friday night, police said."],
      ["two", "A car hit a cyclist in Georgia on Friday night, police said."],
      ["three", "The driver was arrested outside a bar in Athens, Georgia, on Saturday."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it("does not read a list of places as one inside the next", () => {
    const report = story(
      ["one", "Smugglers abandoned a trawler in the Red Sea on Monday, the navy said."],
      ["two", "Smugglers abandoned a trawler in Estonia on Monday, the navy said."],
      ["three", "Navy ships patrol the Red Sea, Yemen and Somalia."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it.each([
    ["a country's waters against another country", "in Chilean waters", "in Peru"],
    ["another country's waters against a country", "in Peruvian waters", "in Chile"],
  ])("does not set %s", (_what, a, b) => {
    const report = story(
      ["one", `Smugglers abandoned a trawler ${a} on Monday, the navy said.`],
      ["two", `Smugglers abandoned a trawler ${b} on Monday, the navy said.`],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it("does not set a body of water the story places in one country against another country", () => {
    const report = story(
      ["one", "Smugglers abandoned a trawler in the Gulf of Riga on Monday, the navy said."],
      ["two", "Smugglers abandoned a trawler in Estonia on Monday, the navy said."],
      ["three", "Navy ships have long patrolled the waters of the Gulf of Riga, Latvia."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });

  it("still sets two countries against each other in the same sentence", () => {
    const report = story(
      ["one", "Smugglers abandoned a trawler in Latvia on Monday, the navy said."],
      ["two", "Smugglers abandoned a trawler in Estonia on Monday, the navy said."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toHaveLength(1);
  });

  it("does not oppose a city and its own country", () => {
    const report = story(
      ["one", "A fire destroyed three warehouses in Marseille on Sunday."],
      ["two", "A fire destroyed three warehouses in France on Sunday."],
    );
    expect(report.discrepancies.filter((x) => x.kind === "place")).toEqual([]);
  });
});

describe("negation and attribution", () => {
  it("finds the same condition stated with opposite polarity", () => {
    const report = story(
      ["one", "The governor threatened to close the port if there is no settlement on wages by Friday."],
      ["two", "The governor threatened to close the port if there is a settlement on wages by Friday."],
    );
    expect(report.discrepancies.some((d) => d.kind === "negation")).toBe(true);
  });

  it("still finds a place denied and asserted with one preposition", () => {
    const report = story(
      ["one", "Ana Ruiz was at the Velmar terminal in Portavel when the fire broke out on Monday."],
      ["two", "Ana Ruiz was not at the Velmar terminal in Portavel when the fire broke out on Monday."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "negation")).toHaveLength(1);
  });

  it("gives one negating statement against several outlets one finding", () => {
    const report = story(
      ["one", "Police said the climber was well equipped but was not wearing a harness when he fell near Portavel."],
      ["two", "Police said the climber was wearing a harness but was inexperienced when he fell near Portavel."],
      ["three", "The climber was wearing a harness but was inexperienced when he fell near Portavel, police said."],
    );
    const negations = report.discrepancies.filter((d) => d.kind === "negation");
    expect(negations).toHaveLength(1);
    expect(negations[0]?.values.map((v) => v.article).sort()).toEqual(["one", "three", "two"]);
  });

  it.each([
    ["has it", "Most of the Velmar district had power again on Monday, the port authority said.", true],
    ["lost it", "Most of the Velmar district lost power on Monday, the port authority said.", false],
    [
      "had its lines cut",
      "Most of the Velmar district had its power lines knocked out on Monday, the port authority said.",
      false,
    ],
  ])("reads 'without power' against a statement that %s", (_what, other, found) => {
    const report = story(
      ["one", "Most of the Velmar district was without power on Monday, the port authority said."],
      ["two", other],
    );
    expect(report.discrepancies.some((d) => d.kind === "negation")).toBe(found);
  });

  it.each([
    [
      "a bare 'none' of the people fired at against a thing hit",
      "The sniper shot from a roof at the Velmar dockers but none were hurt, police in Portavel said.",
      "The sniper shot from a roof at the Velmar dockers and hurt a dog near the quay, police in Portavel said.",
      false,
    ],
    [
      "a bare 'none' of the people fired at against some of them hit",
      "The sniper shot from a roof at the Velmar dockers but none were hurt, police in Portavel said.",
      "The sniper shot from a roof and hurt the Velmar dockers, police in Portavel said.",
      true,
    ],
    [
      "a denial bounded to a moment against a statement of another moment",
      "No shots were fired when Okafor was taken into custody, he added.",
      "He fired just one shot from his rifle.",
      false,
    ],
    [
      "a denial bounded to a moment against a statement bounded the same way",
      "No shots were fired when the Velmar guard was taken into custody in Portavel, police said.",
      "Two shots were fired when the Velmar guard was taken into custody in Portavel, police said.",
      true,
    ],
    [
      "a state denied at a moment against the same state",
      "Okafor was well equipped but was not wearing a harness when he fell, police said.",
      "Okafor was wearing a harness but was inexperienced, police said.",
      true,
    ],
    [
      "two ways of saying nobody",
      "No one was injured in the fire at the Velmar warehouse on Friday night, police said.",
      "Nobody was injured in the fire at the Velmar warehouse on Friday night, police said.",
      false,
    ],
    [
      "'failed' as an adjective",
      "Ana Ruiz, the failed candidate for mayor of Portavel, visited the Velmar warehouse on Friday.",
      "Ana Ruiz, the candidate for mayor of Portavel, visited the Velmar warehouse on Friday.",
      false,
    ],
    [
      "prices that declined",
      "Shares of the Velmar Group declined sharply in Portavel on Friday after the fire.",
      "Shares of the Velmar Group rose sharply in Portavel on Friday after the fire.",
      false,
    ],
    [
      "a thing negated in both, once by 'no' and once by 'not'",
      "No rifle has been recovered from the Velmar warehouse in Portavel, police said.",
      "The rifle has not been recovered from the Velmar warehouse in Portavel, police said.",
      false,
    ],
    [
      "'not … until', which says when",
      "The name of the Velmar driver will not be released until his family is told, police in Portavel said.",
      "The name of the Velmar driver will be released after his family is told, police in Portavel said.",
      false,
    ],
    [
      "'none left' against 'out of'",
      "The Velmar pumps had no fuel left by Friday night in Portavel, the crew said.",
      "The Velmar pumps were out of fuel by Friday night in Portavel, the crew said.",
      false,
    ],
    [
      "a refusal to say what was done",
      "The Velmar Group would not say what the crane at the Portavel terminal was repaired with, the union said.",
      "The crane at the Portavel terminal was repaired with Velmar Group parts, the union said.",
      false,
    ],
    [
      "a question",
      "How could the Velmar crew not have stopped the fire at the warehouse in Portavel on Friday?",
      "The Velmar crew stopped the fire at the warehouse in Portavel on Friday.",
      false,
    ],
    [
      "'no' before a participle and its noun",
      "There were no reported injuries at the Velmar warehouse in Portavel on Friday, police said.",
      "The Velmar warehouse in Portavel reported a fire on Friday, police said.",
      false,
    ],
    [
      "a signature, not a sign",
      "The Velmar dockers have not signed the new contract with the port of Portavel.",
      "The Velmar dockers signed the new contract with the port of Portavel on Friday.",
      true,
    ],
    [
      "'failed to' before a verb",
      "The Velmar crew failed to stop the fire at the warehouse in Portavel on Friday.",
      "The Velmar crew stopped the fire at the warehouse in Portavel on Friday.",
      true,
    ],
    [
      "one person named, another said not to be",
      "Police said Ana Ruiz has not been named as a suspect in the Velmar warehouse fire.",
      "Police said Tomas Berg has been named as a suspect in the Velmar warehouse fire.",
      false,
    ],
    [
      "one person said to be named and not to be",
      "Police said Ana Ruiz has not been named as a suspect in the Velmar warehouse fire.",
      "Police said Ana Ruiz has been named as a suspect in the Velmar warehouse fire.",
      true,
    ],
    [
      "a relative clause's subject, before its pronoun",
      "Ana Ruiz, who was not injured in the Velmar warehouse fire, spoke to reporters on Monday.",
      "Tomas Berg was injured in the Velmar warehouse fire and spoke to reporters on Monday.",
      false,
    ],
    [
      "the same person in a relative clause",
      "Ana Ruiz, who was not injured in the Velmar warehouse fire, spoke to reporters on Monday.",
      "Ana Ruiz was injured in the Velmar warehouse fire and spoke to reporters on Monday.",
      true,
    ],
    [
      "a subject named before a comma-set list",
      "Unlike the three leads, Marta Velasquez is not signed for the Velmar sequel.",
      "The three leads, Ana Ruiz, Li Wen and Tomas Berg, are signed for the Velmar sequel.",
      false,
    ],
    [
      "the speaker's 'you' against a third person",
      "You could not reach the Velmar terminal by road on Monday, the port director said.",
      "Lorries could reach the Velmar terminal by road on Monday, the port director said.",
      false,
    ],
    [
      "a refusal of a thing that was there",
      "The mayor rejected calls for an inquiry into the Velmar warehouse fire on Monday.",
      "The mayor heard calls for an inquiry into the Velmar warehouse fire on Monday.",
      false,
    ],
    [
      "a refusal to do what the other says was done",
      "The mayor refused to order an inquiry into the Velmar warehouse fire on Monday.",
      "The mayor ordered an inquiry into the Velmar warehouse fire on Monday.",
      true,
    ],
    [
      "'nothing but', which means only",
      "The Velmar diver wore nothing but a wetsuit in the icy harbour on Monday.",
      "The Velmar diver wore a wetsuit in the icy harbour on Monday.",
      false,
    ],
    [
      "'none of' a group, with what they did not do after it",
      "None of the other bidders for the Velmar terminal has offered more than $40 million, the port said.",
      "The other bidders for the Velmar terminal include two shipping firms, the port said.",
      false,
    ],
    [
      "a thing not had against the same thing said to do something",
      "The Velmar port authority doesn't have a permit for the new crane yet, officials said.",
      "The Velmar port authority said the permit for the new crane depends on the council.",
      false,
    ],
    [
      "a thing not had against the same thing had",
      "The Velmar port authority doesn't have a permit for the new crane yet, officials said.",
      "The Velmar port authority has a permit for the new crane now, officials said.",
      true,
    ],
    [
      "no decision reached against a settlement reached",
      "No decision has been reached on the Velmar crane crews so far.",
      "The insurer phoned her twice on Friday and reached a settlement after telling the Velmar crane crews of its decision.",
      false,
    ],
    [
      "'none of' a group against some of it",
      "None of the Velmar dockers were injured in the warehouse fire, the port said.",
      "Two of the Velmar dockers were injured in the warehouse fire, the port said.",
      true,
    ],
    [
      "an order on a sign",
      'A notice at the Velmar terminal gate warned drivers: "Do not park here."',
      "Drivers park here at the Velmar terminal gate, a notice warned.",
      false,
    ],
    [
      "'without' saying how an arrest went",
      "The driver was arrested without incident near the Velmar terminal on Monday, police said.",
      "A guard who witnessed the incident near the Velmar terminal on Monday called police, police said.",
      false,
    ],
    [
      "a negated list against 'without' the same things",
      "The aide did not have a salary, a title or an office at the Velmar Group.",
      "The aide worked without title or salary at the Velmar Group.",
      false,
    ],
    [
      "'none more so', a comparison",
      "Velmar divers are often in the news, none more so than when Ana Ruiz was photographed on the quay on Monday.",
      "Ana Ruiz was photographed on the quay on Monday, as Velmar divers often are.",
      false,
    ],
    [
      "'or none', an alternative",
      "Photos of the Velmar singer in little clothing or none at all helped sell the album.",
      "Photos of the Velmar singer helped sell the album.",
      false,
    ],
    [
      "a participle describing a player",
      "Velmar did not start Ana Ruiz, a developing young striker, in the cup final.",
      "Ana Ruiz did not develop as a striker at Velmar before the cup final.",
      false,
    ],
  ])("negation: %s", (_what, a, b, found) => {
    const report = story(["one", a], ["two", b]);
    expect(report.discrepancies.some((d) => d.kind === "negation")).toBe(found);
  });

  it("finds 'unless' against 'if' as opposite conditions", () => {
    const report = story(
      [
        "one",
        "The governor said the port would close unless the Velmar Group agreed to repair the crane at the terminal.",
      ],
      ["two", "The governor said the port would close if the Velmar Group agreed to repair the crane at the terminal."],
    );
    expect(report.discrepancies.some((d) => d.kind === "negation")).toBe(true);
  });

  it.each([
    [
      "'not' and 'no' saying the same",
      "Velmar, a company mired in debt, has not had a working crane at the terminal since 2019.",
      "Velmar, which is mired in debt, has had no working crane at the terminal since 2019.",
    ],
    [
      "a name after the negator, praised elsewhere",
      "The Velmar Group did not hire Ana Ruiz, but it praised her work at the terminal.",
      "The Velmar Group praised Ana Ruiz for her work at the terminal.",
    ],
    [
      "'unless' against 'if ... not'",
      "The governor said the port would close unless the Velmar Group agreed to repair the crane at the terminal.",
      "The governor said the port would close if the Velmar Group did not fund and repair the crane at the terminal.",
    ],
    [
      "two negations of one predicate, their objects worded apart",
      "Officials warned the city that unless it moved to repair the cranes, the dockers would strike at the terminal.",
      "Officials warned the crane operators that the dockers would strike at the terminal if the city did not fix and repair them.",
    ],
    [
      "'not only' against a plain statement",
      "The Velmar Group not only repaired the crane at the terminal but hired new staff.",
      "The Velmar Group repaired the crane at the terminal and hired new staff.",
    ],
    [
      "a failed negotiation against a collapsed one",
      "Talks on a new pay deal at the Velmar terminal collapsed last month.",
      "Talks at the Velmar terminal failed to produce a new pay deal last month.",
    ],
    [
      "two negations of one thing under different verbs",
      "Doctors at the Velmar clinic did not record any side effect after the second jab.",
      "The patient is said to be fine, with no side effect after the second jab at the Velmar clinic.",
    ],
    [
      "a refusal against an order to do it",
      "The clerk at the Velmar terminal had refused to delete the files, the court heard.",
      "The manager at the Velmar terminal had told the clerk to delete the files, the court heard.",
    ],
    [
      "a condition against a permission",
      "The Velmar Group will be fined again if it fails to pay the fine by Friday, the court said.",
      "The Velmar Group was allowed to pay the fine by Friday in instalments, the court said.",
    ],
    [
      "a modal perfect against a plain negation",
      "The risk of a fall at the Velmar terminal was not identified before the work began, the court heard.",
      "The Velmar Group should have identified the risk of a fall at the terminal before the work began.",
    ],
    [
      "a modal perfect governing a second verb",
      "Safety measures at the Velmar terminal were not implemented before the work began, the court heard.",
      "The Velmar Group should have assessed the risk and implemented safety measures at the terminal before the work began.",
    ],
    [
      "a manner adverb after the negator",
      "The Velmar Group did not properly conduct a risk assessment at the terminal, the court found.",
      "The Velmar Group was charged for failing to conduct a risk assessment properly at the terminal.",
    ],
    [
      "a hyphenated compound against its spaced spelling",
      "Officials set up a no-fly zone over the Velmar terminal after the fire.",
      "Officials set up a no fly zone over the Velmar terminal after the fire.",
    ],
  ])("finds no contradiction in %s", (_, a, b) => {
    const report = story(["one", a], ["two", b]);
    expect(report.discrepancies.filter((d) => d.kind === "negation")).toEqual([]);
  });

  it("reads a negation through words that pass it on ('no sign of ending')", () => {
    const report = story(
      ["one", "The strike at the Velmar terminal in Portavel showed no sign of ending on Monday, the union said."],
      ["two", "The strike at the Velmar terminal in Portavel is ending on Monday, the union said."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "negation")).toHaveLength(1);
  });

  it.each([
    [
      "a clause-opening 'no' against the noun it governs",
      "No decision has been made on the Velmar footbridge in Portavel, the council said on Monday.",
      "The council's decision on the Velmar footbridge in Portavel was welcomed by dockers on Monday.",
    ],
    [
      "a clause-opening 'not' inside a noun phrase",
      "Not guilty pleas were entered for Dario Venn on charges of fraud at the Velmar port in Portavel.",
      "Dario Venn was found guilty of charges of fraud at the Velmar port in Portavel.",
    ],
    [
      "a place denied with one preposition against a visit with another",
      "Ana Ruiz, who was not at the Velmar terminal at the time of the fire, came to Portavel on Monday.",
      "Ana Ruiz stopped by the Velmar terminal in Portavel on Monday.",
    ],
    [
      "a negation inside someone's words",
      'On Monday the Portavel mayor reviewed the Velmar port rule, saying it "must strengthen the union and not weaken it".',
      "On Monday the Portavel mayor reviewed the Velmar port rule, which weakened the union.",
    ],
  ])("does not oppose %s", (_what, a, b) => {
    expect(story(["one", a], ["two", b]).discrepancies.filter((d) => d.kind === "negation")).toEqual([]);
  });

  it("does not compare a headline fragment with a body clause", () => {
    const headline = "No deal at Velmar terminal as strike enters fifth day";
    const text = (id: string, body: string, title?: string): Article => ({
      id,
      source: `${id}.txt`,
      text: title ? `${title}\n\n${body}` : body,
      removedBoilerplate: [],
      diagnostics: [],
      ...(title ? { title } : {}),
    });
    const report = analyzeStory([
      text("one", "The strike at the Velmar terminal entered its fifth day on Monday.", headline),
      text(
        "two",
        "A deal at the Velmar terminal is close as the strike enters its fifth day, the union said on Monday.",
      ),
    ]);
    expect(report.discrepancies.filter((d) => d.kind === "negation")).toEqual([]);
  });

  it("does not read 'declined to comment' against 'did not comment' as a contradiction", () => {
    const report = story(
      ["one", "The Velmar Group declined to comment on the fire at the terminal."],
      ["two", "The Velmar Group did not comment on the fire at the terminal."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "negation")).toEqual([]);
  });

  it("does not oppose a person and the organisation the person may speak for", () => {
    const report = story(
      ["one", '"We will rebuild the terminal before the summer," said a spokesman for the Velmar Group.'],
      ["two", '"We will rebuild the terminal before the summer," said Helen Okafor, the port director.'],
    );
    expect(report.discrepancies.filter((x) => x.kind === "attribution")).toEqual([]);
  });

  it("does not set a speaker reached through a pronoun against one named by the other outlet", () => {
    const report = story(
      [
        "one",
        'Marta Velasquez, the mayor, visited the quay on Monday. "We will rebuild the terminal before the summer," she said.',
      ],
      ["two", '"We will rebuild the terminal before the summer," said Helen Okafor, the port director.'],
    );
    expect(report.discrepancies.filter((x) => x.kind === "attribution")).toEqual([]);
  });

  it("finds one quotation given to two different speakers", () => {
    const report = story(
      ["one", '"We will rebuild the terminal before the summer," said Marta Velasquez, the mayor.'],
      ["two", '"We will rebuild the terminal before the summer," said Helen Okafor, the port director.'],
    );
    const d = report.discrepancies.find((x) => x.kind === "attribution");
    expect(d?.values.map((v) => v.value).sort()).toEqual(["Helen Okafor", "Marta Velasquez"]);
  });

  const rebuild = '"We will rebuild the terminal before the summer,"';
  it.each([
    ["one name spelled two ways", `${rebuild} said Judge Dario Del Venn.`, `${rebuild} said Judge Dario DelVenn.`],
    [
      "a speaker and the one the other outlet says the speaker speaks for",
      `${rebuild} said Marta Velasquez, a spokeswoman for Helen Okafor.`,
      `${rebuild} Helen Okafor said.`,
    ],
    [
      "a turn of phrase of a few words",
      'The new terminal is "a fresh start" for the port, said Marta Velasquez, the mayor.',
      'The new terminal is "a fresh start" for the port, said Helen Okafor, the port director.',
    ],
    [
      "a few words of a longer quotation, borrowed by another outlet",
      '"The repairs were slow and costly, and the Velmar Group must reopen the terminal as quickly as possible," said Marta Velasquez, the mayor.',
      'Helen Okafor, the port director, urged the crews to reopen the terminal "as quickly as possible."',
    ],
    [
      "a speaker the quotation itself names",
      '"Mayor Okafor came to the terminal this morning and thanked every docker for waiting," Okafor told the pastor.',
      '"Mayor Okafor came to the terminal this morning and thanked every docker for waiting," said Marta Velasquez.',
    ],
    [
      "a shorter rendering given to the one a longer rendering names",
      '"Mayor Okafor toured the quay today, and she assured the crews that the city will pay for every lost shift," said Marta Velasquez.',
      'On Monday Helen Okafor assured the crews "that the city will pay for every lost shift."',
    ],
  ])("does not set %s against each other", (_what, a, b) => {
    const report = story(["one", a], ["two", b]);
    expect(report.discrepancies.filter((x) => x.kind === "attribution")).toEqual([]);
  });
});

describe("stance discrepancies", () => {
  it("finds one actor reported on opposite sides, through a definite description", () => {
    const report = story(
      [
        "one",
        "Dock officials held talks with the Velmar Group on Monday. The company has since agreed to reopen the terminal.",
      ],
      ["two", "On Tuesday the Velmar Group rejected calls to reopen the terminal before the inquiry ends."],
    );
    const d = report.discrepancies.find((x) => x.kind === "stance");
    expect(d?.about).toBe("how Velmar Group responded");
    expect(d?.values.map((v) => [v.article, v.value])).toEqual([
      ["one", "agreed to"],
      ["two", "rejected"],
    ]);
  });

  it.each([
    ["the same response", "rejected calls to reopen the terminal", "rejected the demands of the union"],
    ["the same side in other words", "denied that any deal was signed", "rejected calls to reopen the terminal"],
    ["refusal and dismissal", "refused to reopen the terminal", "dismissed the demands of the union"],
    [
      "opposite sides on things that share a word only further on",
      "refused to sell shares in the terminal to the union",
      "agreed to fund a new union hall",
    ],
  ])("finds none for %s", (_, a, b) => {
    const report = story(["one", `On Monday the Velmar Group ${a}.`], ["two", `On Tuesday the Velmar Group ${b}.`]);
    expect(report.discrepancies.filter((x) => x.kind === "stance")).toEqual([]);
  });
});

describe("tally and duration discrepancies", () => {
  it("finds a different tally of one vote", () => {
    const report = story(
      ["one", "The Kestrel Bay council voted 7 to 2 on Tuesday to close the Harlow bridge."],
      ["two", "The Kestrel Bay council voted 6-3 on Tuesday to close the Harlow bridge."],
    );
    const d = report.discrepancies.filter((x) => x.kind === "number");
    expect(d.map((x) => x.values.map((v) => v.value))).toEqual([["7 to 2", "6-3"]]);
    expect(d[0]?.compatible).toBe(false);
  });

  it("does not set the scores of two games against each other", () => {
    const report = story(
      ["one", "On Friday the Velmar Dockers defeated Harlow 65-53 in the cup in Portavel."],
      ["two", "On Friday in the cup in Portavel, Kestrel City defeated Ostend 51-50."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number")).toEqual([]);
  });

  it("sets two scores of one game against each other", () => {
    const report = story(
      ["one", "On Friday the Velmar Dockers defeated Harlow 65-53 in the cup in Portavel."],
      ["two", "On Friday the Velmar Dockers defeated Harlow 65-58 in the cup in Portavel."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number")).toHaveLength(1);
  });

  it("finds two lengths of one person's spell", () => {
    const report = story(
      ["one", "Ana Ruiz has worked at the Velmar terminal in Portavel for 33 years, the union said."],
      ["two", "Ana Ruiz has worked at the Velmar terminal in Portavel for 21 years, the union said."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number")).toHaveLength(1);
  });

  it("does not set a spell hoped for against the spell signed or asked for", () => {
    const hoped = "The agent of Ana Ruiz hoped she could sign a 10-year deal with the Velmar club.";
    const signed = story(
      ["one", hoped],
      ["two", "The agent of Ana Ruiz signed an eight-year deal with the Velmar club."],
    );
    expect(signed.discrepancies.filter((d) => d.kind === "number")).toEqual([]);
    const asked = story(
      ["one", hoped],
      ["two", "The agent of Ana Ruiz asked for an eight-year deal with the Velmar club."],
    );
    expect(asked.discrepancies.filter((d) => d.kind === "number")).toEqual([]);
  });

  it("finds a different length of one closure, whatever its unit", () => {
    const report = story(
      ["one", "The Harlow bridge in Kestrel Bay will close for six months from June, the council said."],
      ["two", "The Harlow bridge in Kestrel Bay will close for a year from June, the council said."],
    );
    const d = report.discrepancies.filter((x) => x.kind === "number");
    expect(d.map((x) => x.values.map((v) => v.value))).toEqual([["for six months", "for a year"]]);
  });

  it.each([
    [
      "the same tally written two ways",
      "The Kestrel Bay council voted 7 to 2 on Tuesday to close the Harlow bridge.",
      "The Kestrel Bay council voted 7-2 on Tuesday to close the Harlow bridge.",
    ],
    [
      "the same length in other units",
      "The Harlow bridge in Kestrel Bay will close for a year from June.",
      "The Harlow bridge in Kestrel Bay will close for 12 months from June.",
    ],
    [
      "a length against one of two lengths of the same unit",
      "Arrivals in Kestrel Bay face seven days of hotel quarantine under the new rules.",
      "Arrivals in Kestrel Bay must pay for three days in a hotel and then spend four days of quarantine at home under the new rules.",
    ],
    [
      "lengths of different things",
      "The Harlow bridge in Kestrel Bay will close for six months, and the mayor was jailed.",
      "The mayor of Kestrel Bay was jailed for a year over the Harlow bridge.",
    ],
    [
      "hedged lengths that overlap",
      "The Harlow bridge in Kestrel Bay will close for about a year from June.",
      "The Harlow bridge in Kestrel Bay will close for 11 months from June.",
    ],
    [
      "two people's spells",
      "Ana Ruiz has worked at the Velmar terminal in Portavel for 33 years, the union said.",
      "Tomas Okafor has worked at the Velmar terminal in Portavel for 21 years, the union said.",
    ],
    [
      "a spell of another occasion",
      "In 2019, a strike closed the Velmar terminal in Portavel for two weeks, the union said.",
      "A strike closed the Velmar terminal in Portavel for five weeks, the union said.",
    ],
    [
      "statements in different languages",
      "Nine ships were damaged at the Velmar terminal in Portavel, the union said.",
      "工会星期一说，Velmar terminal Portavel，12艘船在风暴中受损。",
    ],
  ])("finds none for %s", (_, a, b) => {
    expect(story(["one", a], ["two", b]).discrepancies.filter((d) => d.kind === "number")).toEqual([]);
  });
});

describe("indefinite quantifiers", () => {
  it("does not set 'several' against an exact count", () => {
    const report = story(
      ["one", "In Kestrel Bay the mayor will meet two ministers who oppose the Harlow bridge closure."],
      ["two", "In Kestrel Bay the mayor will meet several ministers who came for the Harlow bridge closure."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number")).toEqual([]);
  });
});

describe("ages", () => {
  it("does not set the ages of two people against each other", () => {
    const report = story(
      ["one", "The founder, Ada Marsh, who died on Monday aged 91, built the Harlow bridge in Kestrel Bay."],
      ["two", "Her partner Tom Reyes, aged 94 when he died last year, helped build the Harlow bridge in Kestrel Bay."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number")).toEqual([]);
  });

  it("sets two ages of one person against each other", () => {
    const report = story(
      ["one", "Ada Marsh, who died on Monday aged 91, built the Harlow bridge in Kestrel Bay."],
      ["two", "Ada Marsh, who died on Monday aged 93, built the Harlow bridge in Kestrel Bay."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "number").map((d) => d.values.map((v) => v.value))).toEqual([
      ["91", "93"],
    ]);
  });
});

describe("date discrepancies", () => {
  const walkout = (day: string) => `The Velmar dockers walked out of the Portavel terminal on ${day}, the union said.`;
  const dates = (...articles: Article[]) => analyzeStory(articles).discrepancies.filter((d) => d.kind === "date");
  const article = (id: string, text: string, published?: string): Article => ({
    id,
    source: id,
    text,
    removedBoilerplate: [],
    diagnostics: [],
    ...(published ? { published } : {}),
  });

  it("finds two weekdays for one event in dated articles", () => {
    expect(
      dates(article("one", walkout("Tuesday"), "2026-03-06"), article("two", walkout("Thursday"), "2026-03-06")),
    ).toHaveLength(1);
  });

  it("does not set a relative date of an undated article, resolved against a guessed date, against a date", () => {
    expect(dates(article("one", walkout("Tuesday")), article("two", walkout("March 5, 2026"), "2026-03-06"))).toEqual(
      [],
    );
    expect(dates(article("one", walkout("yesterday")), article("two", walkout("Thursday"), "2026-03-06"))).toEqual([]);
  });

  it("still finds two weekdays' names in undated articles", () => {
    expect(dates(article("one", walkout("Tuesday")), article("two", walkout("Thursday"), "2026-03-06"))).toHaveLength(
      1,
    );
  });

  it("does not set one weekday's name against the same name, resolved against a guessed date", () => {
    const shot = (when: string) => `Two officers shot a teenager in the Velmar district of Portavel ${when}.`;
    // A later article makes the guess for the undated one fall after the dated one's Saturday.
    const later = article("three", "A vigil was held in Portavel for the teenager's family.", "2026-03-24");
    const undated = article("one", shot("on Saturday night"));
    expect(dates(undated, article("two", shot("late Saturday night"), "2026-03-18"), later)).toEqual([]);
    expect(dates(undated, article("two", shot("late Sunday night"), "2026-03-18"), later)).toHaveLength(1);
  });

  it("reads 'the weekend' as both its days", () => {
    const weekend = "The Velmar dockers walked out of the Portavel terminal at the weekend, the union said.";
    expect(dates(article("one", walkout("Sunday"), "2026-03-09"), article("two", weekend, "2026-03-09"))).toEqual([]);
    expect(
      dates(article("one", walkout("Thursday"), "2026-03-09"), article("two", weekend, "2026-03-09")),
    ).toHaveLength(1);
  });

  it("does not oppose the page's own dates: a year in a link's path", () => {
    const link = (year: string) =>
      `Velmar dockers walk out\nhttp: / / www. portavel-news. example / ${year} / 03 / velmar-dockers-walk-out\n${walkout("Tuesday")}`;
    expect(dates(article("one", link("2025")), article("two", link("2026")))).toEqual([]);
  });

  it("does not oppose the page's own dates: a dateline run on into the body", () => {
    const dateline = (day: string) =>
      `Velmar dockers walk out of the Portavel terminal ${day} The Velmar dockers walked out of the terminal, the union said.`;
    expect(dates(article("one", dateline("March 5, 2026")), article("two", dateline("March 6, 2026")))).toEqual([]);
  });

  it("still opposes two full dates said of the walkout", () => {
    expect(dates(article("one", walkout("March 5, 2026")), article("two", walkout("March 6, 2026")))).toHaveLength(1);
  });

  it("does not oppose the same day and month, without a year, in articles of different years", () => {
    expect(
      dates(article("one", walkout("May 3"), "2025-04-20"), article("two", walkout("May 3"), "2026-04-20")),
    ).toEqual([]);
  });

  it("does not set a date in the possessive, which dates another thing, against the event's date", () => {
    const final = "The Velmar dockers will play the winner of Friday's second semifinal in Portavel, the club said.";
    const play = "The Velmar dockers will play on Saturday in Portavel, the club said.";
    expect(dates(article("one", final, "2026-03-06"), article("two", play, "2026-03-06"))).toEqual([]);
  });

  it("still opposes two possessive dates of the same thing", () => {
    const final = (day: string) => `The Velmar dockers lost ${day}'s semifinal in Portavel, the club said.`;
    expect(
      dates(article("one", final("Friday"), "2026-03-06"), article("two", final("Thursday"), "2026-03-06")),
    ).toHaveLength(1);
  });

  it("does not oppose the dates of two things named differently, and still opposes two of one thing", () => {
    const won = (prize: string, year: string) =>
      `The Velmar singer Ana Ruiz, who grew up in Portavel, won the ${prize} in ${year} for the harbour songs.`;
    expect(dates(article("one", won("Kestrel Prize", "2004")), article("two", won("Lantern Medal", "2005")))).toEqual(
      [],
    );
    expect(
      dates(article("one", won("Kestrel Prize", "2004")), article("two", won("Kestrel Prize", "2005"))),
    ).toHaveLength(1);
  });

  it("does not oppose the dates of two things whose names share words, and still opposes one name and its short form", () => {
    const won = (prize: string, year: string) =>
      `The Velmar singer Ana Ruiz, who grew up in Portavel, won the ${prize} in ${year} for the harbour songs.`;
    const one = article("one", won("Portavel Crown Prize", "2004"));
    expect(dates(one, article("two", won("Portavel Harbour Prize", "2005")))).toEqual([]);
    expect(dates(one, article("two", won("Crown Prize", "2005")))).toHaveLength(1);
  });

  it("does not oppose the same weekday written in articles of different dates", () => {
    expect(
      dates(article("one", walkout("Saturday"), "2026-03-02"), article("two", walkout("Saturday"), "2026-03-10")),
    ).toEqual([]);
  });
});

describe("person discrepancies", () => {
  const cut = "cut the ribbon at the new Velmar footbridge in Portavel on Monday morning before a crowd of dockers.";
  it("finds one act credited to two different people", () => {
    const report = story(["one", `Marta Velasquez ${cut}`], ["two", `Helen Okafor ${cut}`]);
    const d = report.discrepancies.find((x) => x.kind === "person");
    expect(d?.values.map((v) => v.value).sort()).toEqual(["Helen Okafor", "Marta Velasquez"]);
  });

  it.each([
    ["a titled given name and the full name", "Mr Dario", "Dario Venn"],
    ["a family name written first, hyphen or not", "Choi Dae-hyun", "Choi Dae Hyun"],
    ["a family name alone and the full name written family name first", "Mr Choi", "Choi Dae-hyun"],
    ["a title and the name without it", "Minister Dario Venn", "Dario Venn"],
    ["a given name spelled two ways", "Katrin Velasquez", "Catrine Velasquez"],
    ["initials with and without stops", "P.J. Okafor", "PJ Okafor"],
    ["a one-word name the story never gives in full", "Mayor Velasquez", "Helen Okafor"],
  ])("does not oppose %s", (_what, x, y) => {
    const report = story(["one", `${x} ${cut}`], ["two", `${y} ${cut}`]);
    expect(report.discrepancies.filter((d) => d.kind === "person")).toEqual([]);
  });

  it.each([
    [
      "named after",
      (who: string) => `The fire on the Velmar footbridge in Portavel broke out on Monday night, ${who} said.`,
    ],
    [
      "named before",
      (who: string) => `${who} says the fire on the Velmar footbridge in Portavel broke out on Monday night.`,
    ],
    [
      "behind a role",
      (who: string) => `The fire on the Velmar footbridge in Portavel broke out on Monday night, said witness ${who}.`,
    ],
  ])("does not oppose two sources of one account, %s", (_what, said) => {
    const report = story(["one", said("Marta Velasquez")], ["two", said("Helen Okafor")]);
    expect(report.discrepancies.filter((d) => d.kind === "person")).toEqual([]);
  });

  it("still opposes two people in one role beside a source", () => {
    const report = story(
      ["one", `Marta Velasquez ${cut.replace(/\.$/, "")}, the port office said.`],
      ["two", `Helen Okafor ${cut.replace(/\.$/, "")}, the port office said.`],
    );
    expect(report.discrepancies.filter((d) => d.kind === "person")).toHaveLength(1);
  });

  it("does not oppose two people in different places of similar statements", () => {
    const report = story(
      [
        "one",
        "The new Velmar footbridge in Portavel was opened on Monday before a crowd of dockers and Marta Velasquez.",
      ],
      ["two", "Helen Okafor's new Velmar footbridge in Portavel was opened on Monday before a crowd of dockers."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "person")).toEqual([]);
  });

  it("does not oppose two people when each statement names both in other roles", () => {
    const report = story(
      ["one", "Marta Velasquez said the footbridge was independent of the plans of Helen Okafor, the port director."],
      ["two", "Helen Okafor said the footbridge was independent of the plans Marta Velasquez had for the port."],
    );
    expect(report.discrepancies.filter((d) => d.kind === "person")).toEqual([]);
  });
});

describe("namesAny", () => {
  const okafor = { id: "person:helen-okafor", name: "Helen Okafor", type: "person", aliases: ["Okafor"], mentions: [] };
  it.each([
    ["Okafor watched from the pier.", true],
    ["The Okaforville ferry left before Okafor arrived.", true],
    ["The Okaforville ferry left early.", false],
    ["Helen Okafors and others", false],
  ])("%s -> %s", (text, named) => {
    expect(namesAny(text, okafor as Parameters<typeof namesAny>[1])).toBe(named);
  });
});

describe("namesPerson", () => {
  // A name the tagger took with a word before it that is no title ("FB" for a position).
  const green = { id: "person:fb-tomas-green", name: "FB Tomas Green", type: "person", aliases: [], mentions: [] };
  it.each([
    ["Marta Velasquez ran for 80 yards while Green added 20.", true],
    ["FB Tomas Green ran for 20 yards.", true],
    ["Marta Velasquez ran for 80 yards on the green turf.", false],
    ["Marta Velasquez ran for 80 yards while Greenwood added 20.", false],
  ])("%s -> %s", (text, named) => {
    expect(namesPerson(text, green as Parameters<typeof namesPerson>[1])).toBe(named);
  });
});

describe("statements in a language the word rules are not written for", () => {
  const spanish = (barcos: string, dia: string) =>
    `Unos ${barcos} barcos esperaban frente al puerto de Portavel el ${dia} de septiembre, según el sindicato de ` +
    "los estibadores de Velmar, que mantiene la huelga desde hace una semana y pide una subida de salario.";
  const english = (ships: string, day: string) =>
    `About ${ships} ships were waiting off the port of Portavel on ${day} September, according to the Velmar ` +
    "dockers' union, which has kept up the strike for a week and is asking for a pay rise.";

  it("sets no figure or date of two Spanish articles against each other", () => {
    const report = story(["one", spanish("300", "15")], ["two", spanish("450", "19")]);
    expect(report.discrepancies).toEqual([]);
  });

  it("still compares the same articles written in English", () => {
    const report = story(["one", english("300", "15")], ["two", english("450", "19")]);
    expect(report.discrepancies.map((d) => d.kind).sort()).toContain("number");
  });
});
