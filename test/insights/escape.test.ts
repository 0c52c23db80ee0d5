// Report strings are untrusted: each format's escaping, on the payloads a hostile report can carry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell, escapeHtml, markdownCode, jsonForScript, stripControls } from "../../src/insights/render/escape.js";

test("HTML: every markup character is an entity", () => {
  assert.equal(escapeHtml(`<script>alert(1)</script>`), "&lt;script&gt;alert(1)&lt;/script&gt;");
  assert.equal(escapeHtml(`" onmouseover='x' & y`), "&quot; onmouseover=&#39;x&#39; &amp; y");
});

test("JSON inside <script>: no </script>, no comment opener, no line terminators; still the same value", () => {
  const value = { tag: "</script><script>alert(1)</script><!--", sep: "a\u2028b\u2029c", amp: "&" };
  const text = jsonForScript(value);
  assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(text), value);
});

test("CSV: always quoted; formula-leading cells get a leading quote; numbers stay numbers", () => {
  assert.equal(csvCell('=HYPERLINK("http://evil.example/","click")'), `"'=HYPERLINK(""http://evil.example/"",""click"")"`);
  for (const lead of ["=", "+", "-", "@", "\t", "\r", " =", "\uff1d"]) {
    assert.ok(csvCell(`${lead}cmd|' /C calc'!A0`).startsWith(`"'`), JSON.stringify(lead));
  }
  assert.equal(csvCell("node:22-alpine"), '"node:22-alpine"');
  assert.equal(csvCell("a,b\nc"), '"a,b\nc"');
  assert.equal(csvCell(5), "5");
  assert.equal(csvCell(null), "");
});

test("markdown: report text is a code span, so no table break, HTML, link, autolink, mention or reference survives", () => {
  assert.equal(markdownCode("@team see https://evil.example #12 <img src=x>"), "`@team see https://evil.example #12 <img src=x>`");
  assert.equal(markdownCode("a | b"), "`a \\| b`");
  // A fence longer than the longest backtick run inside; padded when the text starts with one.
  assert.equal(markdownCode("x `y` ``z``"), "``` x `y` ``z`` ```");
  assert.equal(markdownCode("`tick"), "`` `tick ``");
  assert.equal(markdownCode("a\nb\r\tc\u001b[31m"), "`abc`");
  assert.equal(markdownCode(""), "");
});

test("terminal: escape sequences and control characters are removed", () => {
  assert.equal(stripControls("\u001b[31mred\u001b[0m"), "red");
  assert.equal(stripControls("\u001b]0;title\u0007ok"), "ok");
  assert.equal(stripControls("\u009b2Jclear"), "clear");
  assert.equal(stripControls("bell\u0007 bs\u0008 del\u007f rtl\u202e"), "bell bs del rtl");
  assert.equal(stripControls("<script>plain</script>"), "<script>plain</script>");
});
