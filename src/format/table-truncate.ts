// cli-table3 0.6.5 draws every line of a cell after computing a preview of the cell's whole content
// for a debug log that is off (`utils.truncate(content, 10)` in Cell.draw; upstream pull request
// cli-table/cli-table3#362). For a multi-line cell that truncation drops one character at a time and
// measures the rest each time: quadratic in the cell's length, per line drawn. On the example,
// `tam arch risks` spent about 120 ms there, more than reading and checking the project.
// `linearTruncate` gives the same result as cli-table3's truncate in time linear in the cell for the
// multi-line text without colour codes tam draws, leaves every other case to the original, and
// remembers its answers (the preview of a cell is asked again for each of its lines).

type Truncate = (text: string, desiredLength: number, truncateChar?: string) => string;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Answers remembered, per length and ellipsis; forgotten past this many texts (a table of thousands of cells). */
const REMEMBERED = 5000;

/** cli-table3's `truncate`, linear for multi-line text without escape codes (same result: test/unit/format/table-truncate.test.ts). */
export function linearTruncate(original: Truncate, strlen: (text: string) => number): Truncate {
  const compute: Truncate = (text, desiredLength, truncateChar) => {
    // Single lines are short; escape codes (colours, links) take cli-table3's state machine.
    if (typeof text !== "string" || !text.includes("\n") || text.includes("\u001b") || text.length === strlen(text)) return original(text, desiredLength, truncateChar);
    const ellipsis = truncateChar || "…";
    if (strlen(text) <= desiredLength) return text;
    const room = desiredLength - strlen(ellipsis);
    if (room <= 0) return ellipsis;
    // cli-table3 shortens the text from its end until its widest line fits `room`: that stops
    // inside the first line wider than `room`, at the longest prefix of that line that fits.
    let start = 0;
    for (const line of text.split("\n")) {
      if (strlen(line) > room) {
        let end = line.length - 1;
        if (PRINTABLE_ASCII.test(line)) end = Math.min(end, room);
        else while (end > 0 && strlen(line.slice(0, end)) > room) end--;
        return text.slice(0, start + end) + ellipsis;
      }
      start += line.length + 1;
    }
    return original(text, desiredLength, truncateChar);
  };
  const answers = new Map<string, Map<string, string>>();
  let remembered = 0;
  return (text, desiredLength, truncateChar) => {
    if (typeof text !== "string") return original(text, desiredLength, truncateChar);
    const key = `${desiredLength}\u0000${truncateChar ?? ""}`;
    let byText = answers.get(key);
    const known = byText?.get(text);
    if (known !== undefined) return known;
    const answer = compute(text, desiredLength, truncateChar);
    if (remembered++ >= REMEMBERED) {
      answers.clear();
      remembered = 0;
      byText = undefined;
    }
    if (!byText) answers.set(key, (byText = new Map()));
    byText.set(text, answer);
    return answer;
  };
}
