// The output-safety module: every formatter, the top-level error path and the output sink pass
// user-written text (file content, file names, argument values) through here, so that it cannot
// drive the terminal (C0/C1 controls, ESC sequences), reorder what is shown (Unicode bidi
// overrides and isolates) or hide characters (invisible format characters, category Cf).

/**
 * Characters never printed raw: C0 controls but TAB and LF, DEL and the C1 controls (ESC and CSI
 * among them), the line and paragraph separators, and every format character (Cf): the bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the marks U+200E/U+200F/U+061C,
 * zero-width spaces and joiners, U+FEFF, soft hyphens, tags.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]/gu;
/** What an unsafe character becomes: U+FFFD, visible, so the reader sees that something was there. */
const REPLACEMENT = "\ufffd";

/** Does the text hold a character that must not reach a terminal raw? */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE_CHARACTERS.lastIndex = 0;
  const found = UNSAFE_CHARACTERS.test(text);
  UNSAFE_CHARACTERS.lastIndex = 0;
  return found;
}

/** Replaces control, bidi and invisible format characters with U+FFFD (TAB and LF stay). */
export function terminalSafe(text: string): string {
  return String(text).replace(UNSAFE_CHARACTERS, REPLACEMENT);
}

/** One line of user text for a message: unsafe characters made visible, line breaks as spaces. */
export function inlineSafe(text: string): string {
  return terminalSafe(String(text).replace(/\r?\n/g, " "));
}

const SINK = /\u001b\[[0-9;]*m|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]/gu;

/**
 * The last line of defence, applied to everything tam writes to stdout and stderr: keeps the
 * colour codes tam itself adds (SGR, ESC [ … m) and CRLF line ends (CSV records), makes every
 * other unsafe character visible. Formatters still escape user text themselves; this catches any
 * path that forgot.
 */
export function safeForTerminal(output: string): string {
  return output.replace(SINK, (match) => (match.length > 1 ? match : REPLACEMENT));
}

/** Text for XML (JUnit): markup escaped, CR kept as a character reference, unsafe characters removed. */
export function xmlEscape(text: string): string {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\r/g, "&#13;").replace(UNSAFE_CHARACTERS, "");
}

/**
 * Escapes user text for a GitHub / GitLab markdown table cell or paragraph: one line, no HTML,
 * no emphasis, links, code spans or table breaks. Characters that are markup only at the start
 * of a line are escaped there alone, so dates and ids (2026-10-01, core-fw) stay readable.
 */
export function markdownEscape(text: string): string {
  return terminalSafe(String(text).replace(/\r?\n/g, " "))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/^(\s*)([#+\-=]|\d+[.)])(?=\s|$)/, "$1\\$2");
}

const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\p{Cf}]/gu;

/**
 * JSON.stringify, with DEL, the C1 controls, the line separators and every format character (bidi
 * controls included), which JSON.stringify leaves raw, written as \u escapes: the data is
 * unchanged, and `tam … --format json` in a terminal cannot drive or reorder it.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => [...c].map((unit) => unicodeEscape(unit)).join(""))}\n`;
}

/** \uXXXX of a character (a pair of escapes for one outside the BMP, as JSON requires). */
function unicodeEscape(character: string): string {
  let out = "";
  for (let i = 0; i < character.length; i++) out += `\\u${character.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}
