// What every command needs: the project, the clock, the output sink.
import { safeForTerminal } from "../format/text.js";

export interface GlobalOptions {
  project?: string;
  debug?: boolean;
  color?: boolean;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const line = (text: string) => safeForTerminal(text.endsWith("\n") || text === "" ? text : `${text}\n`);

/** stdout and stderr, through the output-safety sink (format/text.ts): no raw control or bidi character gets out. */
export const processOutput: Output = {
  out: (text) => process.stdout.write(line(text)),
  err: (text) => process.stderr.write(line(text)),
};

// The project and the clock come from the use-case layer; commands keep these names.
export { clockFor, openProject } from "../app/context.js";
