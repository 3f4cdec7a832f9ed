import { describe, expect, it } from "vitest";
import { boilerplateRule } from "./boilerplate.js";

describe("boilerplateRule: a pitch needs its topic and its shape", () => {
  it.each([
    ["Subscribe now and get the Harbour Light in your inbox before breakfast", "subscription pitch"],
    ["Sign up for our newsletter", "subscription pitch"],
    ["Already a subscriber? Log in", "subscription pitch"],
    ["Newsletter sign-up »", "subscription pitch"],
    ["Get unlimited access at harbourlight.example/join", "subscription pitch"],
    ["Become a member for just $2.50 a week, billed yearly.", "price pitch"],
    ["Only £1 a month for the first year", "price pitch"],
    ["Your first month is a free trial, and you can cancel any time.", "trial"],
    ["Start your free 14-day trial", "trial"],
    ["Copyright © 2026 Harbour Light Media. All rights reserved.", "copyright"],
    ["Share this article", "share and link controls"],
    ["Read more: Ferry timetable changes", "related links"],
    ["We use cookies to improve the site.", "cookie notice"],
  ])("removes %j (%s)", (line, rule) => {
    expect(boilerplateRule(line)).toBe(rule);
  });

  it.each([
    ["a price word alone", "Under the new scheme, pensioners would pay only a third of the cost of their bus passes."],
    ["a trial of a drug", "Forty patients in the free trial of the vaccine reported mild headaches."],
    ["a call to join something", "The union leader urged the dock workers to join today's march."],
    ["a newsletter reported on", "The council's newsletter now reaches 40,000 homes, up by a third since spring."],
    [
      "a subscription in business news",
      "The paper said its subscription revenue rose by a tenth, and only 3 percent of readers left.",
    ],
    ["a rent per month", "Tenants in the block pay $900 a month for two rooms."],
    ["a quoted call to the reader", '"Sign up for the newsletter if you want the timetable," said Ana Ruiz.'],
    [
      "reported speech about a trial",
      "Ana Ruiz said the ferry company offered a free trial of the new route to you and your family.",
    ],
    [
      "a sentence opening with a verb that can order",
      "Join the two rivers and the valley floods every spring, engineers warned.",
    ],
  ])("keeps %s: %j", (_label, line) => {
    expect(boilerplateRule(line)).toBeUndefined();
  });
});
