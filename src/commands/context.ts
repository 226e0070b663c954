// What every command needs: the project, the clock, the output sink.
import { safeForTerminal, terminalSafe } from "../format/text.js";

export interface GlobalOptions {
  project?: string;
  debug?: boolean;
  color?: boolean;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Outputs longer than this many characters are written in slices of about this size. */
const SLICE_CHARS = 1 << 20;

/**
 * `text` as one line or more (a final line break added), through the output-safety sink. A large
 * output (the internal report of a large project is tens of MB) is written in slices cut after a
 * line break, where no pattern of the sink can span: the same bytes, without a second copy of the
 * whole text and a buffer of it at once.
 */
export function writeLines(write: (chunk: string) => void, text: string, sliceChars = SLICE_CHARS): void {
  let start = 0;
  while (text.length - start > sliceChars) {
    const eol = text.indexOf("\n", start + sliceChars);
    if (eol < 0) break;
    write(safeForTerminal(text.slice(start, eol + 1)));
    start = eol + 1;
  }
  const rest = start === 0 ? text : text.slice(start);
  if (start === 0 || rest !== "") write(safeForTerminal(rest.endsWith("\n") || rest === "" ? rest : `${rest}\n`));
}

/** stdout and stderr, through the output-safety sink (format/text.ts): no raw control or bidi character gets out. */
export const processOutput: Output = {
  out: (text) => writeLines((chunk) => process.stdout.write(chunk), text),
  err: (text) => writeLines((chunk) => process.stderr.write(chunk), text),
};

/**
 * `output` for a command whose lines are tam's plain text with user text in them (a name given
 * with --by, an id, a file name): every control character made visible before the sink, which
 * keeps colour codes (ESC [ … m) and so would let a user's own through.
 */
export function plainOutput(output: Output): Output {
  return { out: (text) => output.out(terminalSafe(text)), err: (text) => output.err(terminalSafe(text)) };
}
