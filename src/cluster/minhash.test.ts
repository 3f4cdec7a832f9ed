import { describe, expect, it } from "vitest";
import { estimateJaccard, hashString, LSH_BANDS, lshBands, MINHASH_HASHES, minhashSignature } from "./minhash.js";

const words = (text: string) => text.toLowerCase().split(/\s+/u).filter(Boolean);

/** An invented wire report, long enough for shingles to be many. */
const REPORT = words(
  `The harbour authority of Port Velin closed the northern quay on Thursday after a crane collapsed onto a
  cargo ship during the night shift. Two dock workers were taken to the regional hospital with minor injuries,
  a spokeswoman for the authority said, and an inquiry into the crane's maintenance records has been opened.
  Ships due at the northern quay will be directed to the southern terminal until engineers have inspected the
  remaining cranes, which could take until the end of next week according to the authority.`,
);

describe("minhashSignature and estimateJaccard", () => {
  it("gives identical texts the same signature", () => {
    expect(estimateJaccard(minhashSignature(REPORT), minhashSignature([...REPORT]))).toBe(1);
  });

  it("keeps a lightly edited copy close (a new first line, one word changed)", () => {
    const edited = [...words("Updated at noon:"), ...REPORT];
    edited[edited.indexOf("minor")] = "light";
    expect(estimateJaccard(minhashSignature(REPORT), minhashSignature(edited))).toBeGreaterThan(0.7);
  });

  it("keeps a text on the same event in other words far apart (negative)", () => {
    const other = words(
      `A crane fell on a freighter at Port Velin overnight and the northern quay is shut. Officials said two
      workers were hurt. Investigators will examine how the crane was maintained, and arriving vessels are
      being sent to the south terminal for now.`,
    );
    expect(estimateJaccard(minhashSignature(REPORT), minhashSignature(other))).toBeLessThan(0.2);
  });

  it("matches nothing with an empty text, not even another empty text", () => {
    expect(estimateJaccard(minhashSignature([]), minhashSignature([]))).toBe(0);
    expect(lshBands(minhashSignature([]))).toEqual([]);
  });

  it("hashes deterministically and spreads short strings", () => {
    expect(hashString("quay")).toBe(hashString("quay"));
    expect(hashString("quay")).not.toBe(hashString("quays"));
    expect(minhashSignature(REPORT)).toHaveLength(MINHASH_HASHES);
  });
});

describe("lshBands", () => {
  it("gives one key per band, shared by a lightly edited copy in most bands", () => {
    const a = lshBands(minhashSignature(REPORT));
    const edited = [...REPORT];
    edited[5] = "southern";
    const b = lshBands(minhashSignature(edited));
    expect(a).toHaveLength(LSH_BANDS);
    expect(a.filter((k, i) => k === b[i]).length).toBeGreaterThan(LSH_BANDS / 2);
  });

  it("shares no band between unrelated texts (negative)", () => {
    const a = lshBands(minhashSignature(REPORT));
    const b = lshBands(minhashSignature(words("the council approved a budget for new school buildings and a library")));
    expect(a.filter((k) => b.includes(k))).toEqual([]);
  });
});
