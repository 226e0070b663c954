// What every command needs: the project, the clock, the output sink.
import type { LoadPart, Project } from "../project/load.js";

export interface GlobalOptions {
  project?: string;
  debug?: boolean;
  color?: boolean;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith("\n") || text === "" ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") || text === "" ? text : `${text}\n`),
};

// The project and the clock come from the use-case layer; commands keep these names.
export { clockFor } from "../app/context.js";
import { openProject as openAppProject } from "../app/context.js";

export function openProject(options: GlobalOptions, parts?: LoadPart[]): Project {
  return openAppProject(options, parts);
}
