// tam docs baseline [REV]: the commit the documents match, recorded in tam.yaml (src/app/docs-baseline.ts).
import { recordDocsBaseline } from "../app/docs-baseline.js";
import { EXIT_OK } from "../errors.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags } from "./write-flags.js";

export interface DocsBaselineOptions extends WriteFlags {
  by?: string;
  note?: string;
  asOf?: string;
  commit: boolean;
}

export async function runDocsBaseline(globals: GlobalOptions, rev: string | undefined, options: DocsBaselineOptions, output: Output = processOutput): Promise<number> {
  const saved = await recordDocsBaseline({ project: globals.project, rev, ...options, warn: plainOutput(output).err });
  plainOutput(output).out(`Recorded the docs baseline ${saved.hash.slice(0, 7)} in ${saved.file}: changes up to that commit no longer make docs stale${committedNote(saved.write)}.`);
  return EXIT_OK;
}
