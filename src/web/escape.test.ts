import { describe, expect, it } from "vitest";
import { escapeHtml, html, trusted } from "./escape.js";

describe("escapeHtml", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['"><img src=x onerror=alert(1)>', "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"],
    ["</style><b>", "&lt;/style&gt;&lt;b&gt;"],
    ["' onmouseover='x", "&#39; onmouseover=&#39;x"],
    ["AT&T &amp;", "AT&amp;T &amp;amp;"],
  ])("escapes %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it.each([
    ["plain words", "plain words"],
    ["curly “quotes” and ’ stay", "curly “quotes” and ’ stay"],
    ["", ""],
  ])("leaves %j as it is", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe("html", () => {
  it("escapes interpolated strings, numbers and nested arrays, and keeps SafeHtml", () => {
    const evil = "<b onclick='x'>";
    const out = html`<p title="${evil}">${[evil, [1, html`<i>${evil}</i>`]]}${trusted("<br>")}</p>`;
    expect(out.value).toBe(
      '<p title="&lt;b onclick=&#39;x&#39;&gt;">&lt;b onclick=&#39;x&#39;&gt;1<i>&lt;b onclick=&#39;x&#39;&gt;</i><br></p>',
    );
  });

  it("drops undefined, null and false but not 0 or an empty string's neighbours", () => {
    expect(html`a${undefined}b${null}c${false}d${0}`.value).toBe("abcd0");
  });
});
