// Large outputs go to stdout in slices cut after a line break; the bytes must be exactly those of
// the whole text passed through the output-safety sink at once.
import { describe, expect, it } from "vitest";
import { writeLines } from "../../../src/commands/context.js";
import { safeForTerminal } from "../../../src/format/text.js";

const whole = (text: string) => safeForTerminal(text.endsWith("\n") || text === "" ? text : `${text}\n`);

function sliced(text: string, sliceChars: number): { out: string; writes: number } {
  const chunks: string[] = [];
  writeLines((chunk) => chunks.push(chunk), text, sliceChars);
  return { out: chunks.join(""), writes: chunks.length };
}

const TEXTS = [
  "",
  "one line",
  "ends\n",
  "a\r\nb\r\nc\r\n",
  "colour \u001b[31mred\u001b[0m\nand raw \u001b[2J escape\n",
  "bidi \u202e reversed \u2066 isolate\u2069\nline\u2028separator\n",
  "astral format \u{e0041} and emoji 😀 pair\nlast line without break\r",
  `${"x".repeat(50)}\n${"—".repeat(30)}\r\n\n\n${"y".repeat(70)}`,
];

describe("writeLines", () => {
  it("writes the same bytes as the whole text through the sink, at every slice size", () => {
    for (const text of TEXTS) for (const size of [1, 2, 3, 5, 8, 13, 1000]) expect(sliced(text, size).out, `${JSON.stringify(text)} / ${size}`).toBe(whole(text));
  });

  it("cuts a long output into several writes, and a short one not at all", () => {
    const long = `${"line of the report\n".repeat(200)}`;
    expect(sliced(long, 100).writes).toBeGreaterThan(10);
    expect(sliced(long, 100_000).writes).toBe(1);
  });
});
