// tam docs baseline [REV]: records in tam.yaml the commit whose architecture the documents are
// taken to match (adopting a project with its history), and commits tam.yaml alone. From then
// on, that commit and everything before it are no longer changes to the components.
import { UsageError } from "../errors.js";
import { terminalSafe } from "../format/text.js";
import { assertCanCommit, commitFiles, resolveCommit } from "../project/git.js";
import { writeDocsBaseline } from "../project/docs-baseline.js";
import { gitOrLoginName } from "../project/identity.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { requireValidForDocs } from "./docs-valid.js";

export interface DocsBaselineOptions {
  by?: string;
  note?: string;
  asOf?: string;
  commit: boolean;
}

export async function runDocsBaseline(globals: GlobalOptions, rev: string | undefined, options: DocsBaselineOptions, output: Output = processOutput): Promise<number> {
  const project = openProject(globals);
  requireValidForDocs(project);
  const clock = clockFor(project, options.asOf);
  const manifest = project.files.find((file) => file.kind === "manifest");
  if (!manifest) throw new UsageError("no tam.yaml in the project");
  const hash = await resolveCommit(project.root, rev ?? "HEAD");
  if (!hash) throw new UsageError(rev ? `${rev} names no commit of this repository` : "the repository has no commit yet: commit the project first");
  const by = options.by ?? (await gitOrLoginName(project.root));
  if (options.commit) await assertCanCommit(project.root);
  writeDocsBaseline(manifest.abs, { commit: hash, date: clock.today, by, note: options.note });
  const what = `docs baseline ${hash.slice(0, 7)}: changes up to that commit no longer make docs stale`;
  if (!options.commit) {
    output.out(`Recorded the ${what} (in ${manifest.rel}, not committed).`);
    return 0;
  }
  const commit = await commitFiles(project.root, [manifest.rel], `docs: baseline at ${hash.slice(0, 7)}${by ? ` (${by})` : ""}`);
  output.out(`Recorded the ${terminalSafe(what)} (in ${manifest.rel}); committed ${commit}.`);
  return 0;
}
