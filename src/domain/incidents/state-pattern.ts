// State patterns of an event-log mapping: a plain state name, a glob (`Awaiting*`, `?` one character),
// or a regular expression written `/…/flags`. Globs and names match the whole value, ignoring case.

export interface StatePattern {
  /** As written in the mapping, for messages. */
  text: string;
  test: (state: string) => boolean;
  /** From a preset: covers states some instances have, so matching nothing alone is no warning. */
  preset?: boolean;
}

/** The compiled pattern, or why it cannot be compiled. */
export function compileStatePattern(text: string): StatePattern | string {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(text);
  if (regex) {
    try {
      const re = new RegExp(regex[1]!, regex[2]!.replace(/[gy]/g, ""));
      return { text, test: (state) => re.test(state) };
    } catch (error) {
      return `state pattern ${text} is not a regular expression: ${(error as Error).message}`;
    }
  }
  const source = text
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")))
    .join("");
  const re = new RegExp(`^${source}$`, "i");
  return { text, test: (state) => re.test(state.trim()) };
}
