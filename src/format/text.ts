// Safety for user-written text in terminal and markup outputs.

/** Removes control characters (escape sequences included) so file content cannot drive the terminal. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "�");
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "");
}

/**
 * Escapes user text for a GitHub / GitLab markdown table cell or paragraph: one line, no HTML,
 * no emphasis, links, code spans or table breaks. Characters that are markup only at the start
 * of a line are escaped there alone, so dates and ids (2026-10-01, core-fw) stay readable.
 */
export function markdownEscape(text: string): string {
  return terminalSafe(text)
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/^(\s*)([#+\-=]|\d+[.)])(?=\s|$)/, "$1\\$2");
}

/**
 * JSON.stringify, with DEL and the C1 controls (U+007F-U+009F, which JSON.stringify leaves raw) written
 * as \u escapes: the data is unchanged, and `tam … --format json` in a terminal cannot drive it.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}
