import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { printable, processIo } from "./io.js";

/** A stream that fails every write with `code`, or records what it is given when `code` is absent. */
function stream(code?: string): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _encoding, done) {
      if (code) done(Object.assign(new Error(`write ${code}`), { code }));
      else {
        s.text += String(chunk);
        done();
      }
    },
  }) as Writable & { text: string };
  s.text = "";
  return s;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("processIo", () => {
  it("ends quietly when the reader leaves (EPIPE): no message, no failure, later writes dropped", async () => {
    const stdout = stream("EPIPE");
    const stderr = stream();
    const failures: number[] = [];
    const io = processIo({ stdout, stderr, interactive: false, onFailure: (code) => failures.push(code) });
    io.stdout("{\n");
    await settle();
    io.stdout("more\n");
    io.stdout("and more\n");
    await settle();
    expect(stderr.text).toBe("");
    expect(failures).toEqual([]);
    io.stderr("still works\n");
    expect(stderr.text).toBe("still works\n");
  });

  it("names another write failure in one line and fails with exit code 1", async () => {
    const stdout = stream("ENOSPC");
    const stderr = stream();
    const failures: number[] = [];
    const io = processIo({ stdout, stderr, interactive: false, onFailure: (code) => failures.push(code) });
    io.stdout("report");
    await settle();
    io.stdout("more");
    await settle();
    expect(stderr.text).toBe("triangulate: cannot write to standard output (ENOSPC)\n");
    expect(failures).toEqual([1]);
  });
});

describe("printable", () => {
  it.each([
    ["an escape sequence", "a\u001b[2Jb", "ab"],
    ["a title string", "\u001b]0;x\u0007name", "name"],
    ["a tab", "a\tb", "a b"],
    ["a C1 control", "a\u0080b", "ab"],
  ])("removes %s", (_, text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  it.each([["line ends"], ["Ñandú 北京 שלום"], ["“quoted” — ok"]])("keeps %s", (text) => {
    expect(printable(`${text}\nnext`)).toBe(`${text}\nnext`);
  });
});
