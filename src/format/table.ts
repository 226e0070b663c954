// tam's table renderer: every terminal table tam prints is drawn here, at any row count, in time
// linear in its cells. The look is the one tam had with cli-table3 0.6.5 (MIT; its layout, word
// wrap, colour carrying and truncation are followed step by step below): box-drawing borders, one
// space of padding each side, cells aligned left and top, a rule between rows. Colour is decided
// by the caller (FormatOptions.color: --no-color, NO_COLOR, FORCE_COLOR, a terminal or not) and
// only by it: bold headings and grey borders when asked for, nothing otherwise.
// test/unit/format/table.test.ts compares this renderer with what cli-table3 drew.

/** The characters of the borders (cli-table3's names). */
export interface TableChars {
  top: string;
  "top-mid": string;
  "top-left": string;
  "top-right": string;
  bottom: string;
  "bottom-mid": string;
  "bottom-left": string;
  "bottom-right": string;
  left: string;
  "left-mid": string;
  mid: string;
  "mid-mid": string;
  right: string;
  "right-mid": string;
  middle: string;
}

const CHARS: TableChars = {
  top: "─",
  "top-mid": "┬",
  "top-left": "┌",
  "top-right": "┐",
  bottom: "─",
  "bottom-mid": "┴",
  "bottom-left": "└",
  "bottom-right": "┘",
  left: "│",
  "left-mid": "├",
  mid: "─",
  "mid-mid": "┼",
  right: "│",
  "right-mid": "┤",
  middle: "│",
};

/** How a table looks, beyond its cells. */
export interface TableLook {
  /** Headings in bold (pass the formatter's `color`). */
  boldHead?: boolean;
  /** Borders in grey (pass the formatter's `color`). */
  greyBorders?: boolean;
  /** A rule between rows and under the heading (default); false: a compact list under one top rule. */
  rowRules?: boolean;
}

export interface DrawOptions extends TableLook {
  /** Column widths, padding included; without them each column is as wide as its widest line. */
  widths?: readonly number[];
  /** With `widths`: wrap cells at word boundaries to fit them (a word wider than its column is cut with "…"). */
  wrap?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Display width: what a terminal gives a text, as string-width 4 (cli-table3's measure) counts it.

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** A colour (SGR) code as cli-table3 reads them. */
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;
/** Any ANSI escape (ansi-regex 5, what string-width strips). */
const ANSI = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;
/**
 * An emoji: two columns. Built at run time: the `v` flag is newer than the TypeScript target. Built
 * on first need: compiling this set of strings is a large part of a short command's start-up
 * (docs/benchmarks.md), and most tables hold no emoji.
 */
let emoji: RegExp | undefined;
/**
 * What every emoji sequence holds: a non-ASCII code point with the Emoji property (each sequence
 * starts with one: a basic emoji, a regional indicator, a black flag before tags), or U+FE0F
 * (keycaps: "1\uFE0F\u20E3"). A text without one is not given to the emoji expression.
 */
const MAYBE_EMOJI = /\ufe0f|(?![\x00-\x7f])\p{Emoji}/u;

/** East Asian wide and full-width code points (is-fullwidth-code-point 3). */
function isFullWidth(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

/** Columns one line takes on a terminal: colour codes none, wide characters and emoji two, combining marks none. */
export function displayWidth(line: string): number {
  if (PRINTABLE_ASCII.test(line)) return line.length;
  let text = line.replace(SGR, "").replace(ANSI, "");
  // biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag does not compile for ES2022
  if (MAYBE_EMOJI.test(text)) text = text.replace((emoji ??= new RegExp("\\p{RGI_Emoji}", "gv")), "  ");
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue;
    width += isFullWidth(code) ? 2 : 1;
  }
  return width;
}

/** The width of a text's widest line. */
function textWidth(text: string): number {
  if (!text.includes("\n")) return displayWidth(text);
  let widest = 0;
  for (const line of text.split("\n")) widest = Math.max(widest, displayWidth(line));
  return widest;
}

// ---------------------------------------------------------------------------------------------
// Word wrap: cli-table3's, a paragraph at a time. Runs of whitespace are kept inside a line and
// counted as they are; a word wider than the line gets a line of its own; empty paragraphs go.

function wrapParagraph(maxWidth: number, input: string, lines: string[]): void {
  const split = input.split(/(\s+)/g);
  let line: string[] = [];
  let lineWidth = 0;
  let whitespace: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i]!;
    const width = displayWidth(word);
    let newWidth = lineWidth + width;
    if (lineWidth > 0 && whitespace) newWidth += whitespace.length;
    if (newWidth > maxWidth) {
      if (lineWidth !== 0) lines.push(line.join(""));
      line = [word];
      lineWidth = width;
    } else {
      line.push(whitespace || "", word);
      lineWidth = newWidth;
    }
    whitespace = split[i + 1];
  }
  if (lineWidth) lines.push(line.join(""));
}

/** The lines of `text` wrapped at word boundaries to `maxWidth` columns. */
export function wrapText(text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) wrapParagraph(maxWidth, paragraph, lines);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Colour across lines: a colour opened on one line of a cell is closed at its end and opened again
// on the next, so that borders and padding stay uncoloured (cli-table3's colorizeLines).

const CODE_OF = new Map<string, { set: string; to: boolean }>();
const CODES = new Map<string, { on: string; off: string }>();
for (const [name, on, off] of [
  ["bold", 1, 22],
  ["italics", 3, 23],
  ["underline", 4, 24],
  ["inverse", 7, 27],
  ["strikethrough", 9, 29],
] as const) {
  CODE_OF.set(`\u001b[${on}m`, { set: name, to: true });
  CODE_OF.set(`\u001b[${off}m`, { set: name, to: false });
  CODES.set(name, { on: `\u001b[${on}m`, off: `\u001b[${off}m` });
}

interface ColourState {
  on: Map<string, boolean>;
  foreground?: string;
  background?: string;
}

const SGR_CAPTURE = /\u001b\[((?:\d*;){0,5}\d*)m/g;

function updateState(state: ColourState, code: string, parameters: string): void {
  const first = parameters ? Number.parseInt(parameters.split(";")[0]!, 10) : 0;
  if ((first >= 30 && first <= 39) || (first >= 90 && first <= 97)) state.foreground = code;
  else if ((first >= 40 && first <= 49) || (first >= 100 && first <= 107)) state.background = code;
  else if (first === 0) {
    state.on.clear();
    state.foreground = undefined;
    state.background = undefined;
  } else {
    const known = CODE_OF.get(code);
    if (known) state.on.set(known.set, known.to);
  }
}

function readState(line: string): ColourState {
  const state: ColourState = { on: new Map() };
  for (const match of line.matchAll(SGR_CAPTURE)) updateState(state, match[0], match[1]!);
  return state;
}

/** `text` with what is still open in `state` closed at its end. */
function unwind(state: ColourState, text: string): string {
  let out = text;
  for (const [name, on] of state.on) if (on) out += CODES.get(name)!.off;
  if (state.background && state.background !== "\u001b[49m") out += "\u001b[49m";
  if (state.foreground && state.foreground !== "\u001b[39m") out += "\u001b[39m";
  return out;
}

/** `text` with what is open in `state` opened again at its start. */
function rewind(state: ColourState, text: string): string {
  let out = text;
  for (const [name, on] of state.on) if (on) out = CODES.get(name)!.on + out;
  if (state.background && state.background !== "\u001b[49m") out = state.background + out;
  if (state.foreground && state.foreground !== "\u001b[39m") out = state.foreground + out;
  return out;
}

function colourLines(lines: string[]): string[] {
  let state: ColourState = { on: new Map() };
  return lines.map((text) => {
    const line = rewind(state, text);
    state = readState(line);
    return unwind(state, line);
  });
}

// ---------------------------------------------------------------------------------------------
// Truncation: a line wider than its cell ends in "…" at the cell's edge, colours closed.

/** The longest start of `text` (no colour codes in it) at most `width` columns wide. */
function cutToWidth(text: string, width: number): string {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, width));
  let out = "";
  let used = 0;
  for (const character of text) {
    const w = displayWidth(character);
    if (used + w > width) break;
    out += character;
    used += w;
  }
  return out;
}

function truncate(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  const room = width - 1;
  const pieces = line.split(SGR);
  const codes = [...line.matchAll(SGR_CAPTURE)];
  const state: ColourState = { on: new Map() };
  let out = "";
  let used = 0;
  for (let i = 0; used < room; i++) {
    let piece = pieces[i]!;
    if (used + displayWidth(piece) > room) piece = cutToWidth(piece, room - used);
    out += piece;
    used += displayWidth(piece);
    if (used < room) {
      const code = codes[i];
      if (!code) break;
      out += code[0];
      updateState(state, code[0], code[1]!);
    }
  }
  return `${unwind(state, out)}…`;
}

// ---------------------------------------------------------------------------------------------
// Drawing.

/** `text` in a colour given as its on and off codes, the off code inside turned on again (as colors.js does). */
function paint(text: string, on: string, off: string): string {
  if (!text) return text;
  return on + (text.includes(off) ? text.split(off).join(on) : text) + off;
}

const plain = (text: string) => text;
const SPACES: string[] = [];
/** `count` spaces (none for a negative count). */
function spaces(count: number): string {
  if (count <= 0) return "";
  return (SPACES[count] ??= " ".repeat(count));
}

/** Each column as wide as its widest line, padding included (at least the padding). */
export function naturalWidths(head: readonly string[], rows: readonly (readonly unknown[])[]): number[] {
  const widths = head.map((title) => textWidth(title) + 2);
  for (const row of rows) {
    for (let column = 0; column < widths.length; column++) {
      const width = textWidth(cellText(row[column])) + 2;
      if (width > widths[column]!) widths[column] = width;
    }
  }
  return widths;
}

/** The text of a cell: a string, a number or a boolean as written; anything else empty. */
function cellText(cell: unknown): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" || typeof cell === "boolean" || typeof cell === "bigint") return String(cell);
  return cell ? String(cell) : "";
}

/**
 * The table of `head` over `rows`, in cli-table3's layout. Without `widths`, each column is as wide
 * as its widest line plus padding; with them, each cell is wrapped (with `wrap`) or cut to its column.
 */
export function drawTable(head: readonly string[], rows: readonly (readonly unknown[])[], options: DrawOptions = {}): string {
  const columns = head.length;
  const border = options.greyBorders ? (text: string) => paint(text, "\u001b[90m", "\u001b[39m") : plain;
  const heading = options.boldHead ? (text: string) => paint(text, "\u001b[1m", "\u001b[22m") : plain;
  const wrapTo = options.widths && options.wrap ? options.widths : undefined;

  const widths = options.widths ?? naturalWidths(head, rows);
  const chars = options.rowRules === false ? { ...CHARS, mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" } : CHARS;
  const rule = (left: string, middle: string, right: string, fill: string) => {
    let line = "";
    for (let column = 0; column < columns; column++) {
      const segment = (column === 0 ? left : middle) + fill.repeat(widths[column]!) + (column === columns - 1 ? right : "");
      line += border(segment);
    }
    return line;
  };
  const leftBorder = border(chars.left);
  const middleBorder = border(chars.middle);
  const rightBorder = border(chars.right);
  const between = rule(chars["left-mid"], chars["mid-mid"], chars["right-mid"], chars.mid);

  const out: string[] = [rule(chars["top-left"], chars["top-mid"], chars["top-right"], chars.top)];
  // A row at a time: a cell is its text, or its lines when it has more than one or colour codes.
  const cells: (string | string[])[] = new Array(columns);
  const drawRow = (row: readonly unknown[], style: (text: string) => string) => {
    let height = 1;
    for (let column = 0; column < columns; column++) {
      const text = cellText(row[column]);
      if (!wrapTo && !text.includes("\n") && !text.includes("\u001b")) cells[column] = text;
      else {
        const lines = wrapTo ? wrapText(text, wrapTo[column]! - 2) : text.split("\n");
        cells[column] = text.includes("\u001b") ? colourLines(lines) : lines;
        height = Math.max(height, lines.length);
      }
    }
    for (let l = 0; l < height; l++) {
      let line = "";
      for (let column = 0; column < columns; column++) {
        const room = widths[column]! - 2;
        const cell = cells[column]!;
        let text = typeof cell === "string" ? (l === 0 ? cell : "") : (cell[l] ?? "");
        let used = displayWidth(text);
        if (used > room) {
          text = truncate(text, room);
          used = displayWidth(text);
        }
        line += (column === 0 ? leftBorder : middleBorder) + style(` ${text}${spaces(room - used)} `);
      }
      out.push(line + rightBorder);
    }
  };
  drawRow(head, heading);
  for (const row of rows) {
    if (between) out.push(between);
    drawRow(row, plain);
  }
  out.push(rule(chars["bottom-left"], chars["bottom-mid"], chars["bottom-right"], chars.bottom));
  return out.join("\n");
}
