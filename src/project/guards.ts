// Checks on a file's raw bytes and text before the YAML parser sees it: hostile or accidental
// content (huge files, binary, other encodings, merge-conflict markers, absurd nesting) gets one
// clear, located finding instead of a parser error, a hang or an exhausted stack.
import type { Issue } from "../model/issues.js";

/** Larger files are not read at all: no client project file comes near this. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Deeper nesting is refused before parsing: real files nest fewer than 10 levels. */
export const MAX_NESTING = 100;

type Finding = Omit<Issue, "file" | "severity">;

/** The text of a file's bytes, or why they are not UTF-8 text (with the position of the first bad byte). */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: Finding } {
  const nul = bytes.indexOf(0);
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    if (nul < 0) return { text };
    return { problem: { code: "not-utf8", message: "not UTF-8 text: the file holds binary data (a NUL byte)", ...positionOfByte(bytes, nul) } };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = nul >= 0 && nul < bad ? nul : bad;
    const byte = bytes[at] ?? 0;
    return {
      problem: { code: "not-utf8", message: `not UTF-8 text: byte 0x${byte.toString(16).padStart(2, "0").toUpperCase()} is not valid UTF-8; save the file as UTF-8`, ...positionOfByte(bytes, at) },
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const slice = bytes.subarray(i, i + length);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(slice);
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** 1-based line and column (in characters) of a byte offset, from the valid text before it. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, col: [...lines[lines.length - 1]!].length + 1 };
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/;
const ANY_CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |\r?$)/m;

/** Merge-conflict markers left in a file: one finding per conflict (at its `<<<<<<<` line). */
export function conflictMarkers(text: string): Finding[] {
  const findings: Finding[] = [];
  // Most files have none: one scan for a marker at a line start instead of splitting every file into lines.
  if (!ANY_CONFLICT_MARKER.test(text)) return findings;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!CONFLICT_MARKER.test(line)) return;
    const opening = line.startsWith("<<<<<<<");
    if (!opening && findings.length > 0) return;
    findings.push({
      code: "merge-conflict",
      message: opening
        ? "unresolved merge conflict: keep one side, delete the <<<<<<< ======= >>>>>>> marker lines, then commit"
        : `a merge-conflict marker (${line.slice(0, 7)}) is left in the file: resolve the conflict and delete the marker lines`,
      line: index + 1,
      col: 1,
    });
  });
  return findings;
}

/**
 * Where flow collections ([ and {) nest deeper than MAX_NESTING, if they do. Counts brackets outside
 * quotes and comments only where a flow collection can start, so a "[" inside plain text does not count.
 */
export function excessiveNesting(text: string): Finding | undefined {
  const compact = compactSequenceNesting(text);
  if (compact) return compact;
  // Past the test above, only brackets deepen: a text with at most MAX_NESTING of them is not scanned.
  if (fewBrackets(text)) return undefined;
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let previous = "\n"; // last significant character
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      lineStart = i + 1;
      previous = "\n";
      // Block sequences nested on one line ("- - - - x"): each "- " opens a level. Counted here, so
      // the finding does not depend on where the parser would run out of stack.
      let j = lineStart;
      while (text[j] === " ") j++;
      let dashes = 0;
      while (text[j] === "-" && (text[j + 1] === " " || text[j + 1] === "\t")) {
        if (++dashes > MAX_NESTING) return { code: "too-deep", message: `lists nest more than ${MAX_NESTING} levels deep here; tam does not read such files`, line, col: j - lineStart + 1 };
        j += 2;
        while (text[j] === " " || text[j] === "\t") j++;
      }
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") continue;
    if (c === "#" && (i === lineStart || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
      continue;
    }
    if ((c === '"' || c === "'") && (depth > 0 || /[\n:\-,[{?]/.test(previous))) {
      i = skipQuoted(text, i, c);
      previous = c;
      continue;
    }
    if ((c === "[" || c === "{") && (depth > 0 || /[\n:\-?]/.test(previous))) {
      depth++;
      if (depth > MAX_NESTING) {
        return { code: "too-deep", message: `collections nest more than ${MAX_NESTING} levels deep here; tam does not read such files`, line, col: i - lineStart + 1 };
      }
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
    previous = c;
  }
  return undefined;
}

/** At most MAX_NESTING opening brackets in the whole text (found by indexOf, not a scan by character). */
function fewBrackets(text: string): boolean {
  let count = 0;
  for (const bracket of ["[", "{"]) {
    for (let i = text.indexOf(bracket); i >= 0; i = text.indexOf(bracket, i + 1)) if (++count > MAX_NESTING) return false;
  }
  return true;
}

/**
 * Block sequences nested on one line ("- - - - …") deeper than MAX_NESTING. Found here rather than
 * by the parser running out of stack, which happens at a place that depends on the Node version.
 */
function compactSequenceNesting(text: string): Finding | undefined {
  const match = new RegExp(`^[ \\t]*(?:-[ \\t]+){${MAX_NESTING + 1}}`, "m").exec(text);
  if (!match) return undefined;
  const line = text.slice(0, match.index).split("\n").length;
  return { code: "too-deep", message: `collections nest more than ${MAX_NESTING} levels deep here; tam does not read such files`, line, col: match[0].trimEnd().lastIndexOf("-") + 1 };
}

/** Index of the closing quote (or the end of the text); counts no lines, as quoted strings rarely span them. */
function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote === '"' && c === "\\") i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    } else if (c === "\n") return i - 1;
  }
  return text.length;
}
