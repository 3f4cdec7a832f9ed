import { describe, expect, it } from "vitest";
import { RequestRenderings } from "./request-renderings.js";

describe("RequestRenderings", () => {
  it("is idle at once when no request has rendered, and only after the quiet time once one has", async () => {
    let t = 1_000;
    const renderings = new RequestRenderings({ quietMs: 40, now: () => t });
    let idle = false;
    await renderings.idle();
    let finish = () => {};
    const request = renderings.run(() => new Promise<void>((resolve) => (finish = resolve)));
    void renderings.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Negative: not idle while a rendering is in flight, however long it takes.
    expect(idle).toBe(false);
    finish();
    await request;
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Ended a moment ago (the clock has not moved): still waiting out the quiet time.
    expect(idle).toBe(false);
    t += 40;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(idle).toBe(true);
  });
});
