import type { Interval } from "../model/index.js";

/** True when two intervals share at least one value: "more than 1,100" and "around 1,200" do. */
export function overlaps(a: Interval, b: Interval): boolean {
  if (a.high < b.low || b.high < a.low) return false;
  if (a.high === b.low) return !a.highOpen && !b.lowOpen;
  if (b.high === a.low) return !b.highOpen && !a.lowOpen;
  return true;
}
