// GitHub Actions workflow commands (`::error file=…,line=…::message`), as `tam validate` and
// `tam docs check` print them with --format github.
import { terminalSafe } from "./text.js";

/** GitHub shows at most this many annotations of each level per step; the formats list the rest as plain lines. */
export const GITHUB_ANNOTATIONS_PER_LEVEL = 10;

/** A command's message. */
export function escapeData(text: string): string {
  // Control characters from user text become U+FFFD first (CI logs are terminals too); CR and LF stay escapable.
  return terminalSafe(text.replace(/\r?\n/g, "\n")).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value (file=, title=). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
