// tam docs baseline [REV]: records in tam.yaml the commit whose architecture the documents are
// taken to match (adopting a project with its history), and commits tam.yaml alone. From then
// on, that commit and everything before it are no longer changes to the components.
import { UsageError } from "../errors.js";
import { withDocsBaseline } from "../project/docs-baseline.js";
import { resolveCommit } from "../project/git.js";
import { gitOrLoginName } from "../project/identity.js";
import { editFiles } from "../project/transaction.js";
import { plainOutput, clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { requireValidForDocs } from "../app/docs-valid.js";
import { committedNote, type WriteFlags } from "./write-flags.js";

export interface DocsBaselineOptions extends WriteFlags {
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
  const saved = await editFiles(project, [{ path: manifest.rel, edit: (text) => withDocsBaseline(text ?? "", { commit: hash, date: clock.today, by, note: options.note }, manifest.rel) }], {
    message: `docs: baseline at ${hash.slice(0, 7)}${by ? ` (${by})` : ""}`,
    by,
    commit: options.commit,
    waitSeconds: options.wait,
    includeLocalChanges: options.includeLocalChanges,
    verify: options.verify,
    validate: ["departments", "architecture", "docs"],
    warn: plainOutput(output).err,
  });
  plainOutput(output).out(`Recorded the docs baseline ${hash.slice(0, 7)} in ${manifest.rel}: changes up to that commit no longer make docs stale${committedNote(saved)}.`);
  return 0;
}
