// Use case: tam docs baseline [REV]: records in tam.yaml the commit whose architecture the documents
// are taken to match (adopting a project with its history), and commits tam.yaml alone. From then
// on, that commit and everything before it are no longer changes to the components.
import { UsageError } from "../errors.js";
import { withDocsBaseline } from "../project/docs-baseline.js";
import { resolveCommit } from "../project/git.js";
import { gitOrLoginName } from "../project/identity.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import type { ClockOptions, ProjectOptions } from "./context.js";
import { openForDocs } from "./docs-valid.js";
import { type WriteRequest, transactionFlags } from "./write-request.js";

export interface DocsBaselineRequest extends ProjectOptions, ClockOptions, WriteRequest {
  /** A commit (default HEAD). */
  rev?: string;
  by?: string;
  note?: string;
}

export interface DocsBaselineResult {
  /** The commit recorded (full hash). */
  hash: string;
  /** The manifest written (tam.yaml). */
  file: string;
  write: WriteResult;
}

export async function recordDocsBaseline(request: DocsBaselineRequest): Promise<DocsBaselineResult> {
  const { project, clock } = openForDocs(request);
  const manifest = project.files.find((file) => file.kind === "manifest");
  if (!manifest) throw new UsageError("no tam.yaml in the project");
  const { rev } = request;
  const hash = await resolveCommit(project.root, rev ?? "HEAD");
  if (!hash) throw new UsageError(rev ? `${rev} names no commit of this repository` : "the repository has no commit yet: commit the project first");
  const by = request.by ?? (await gitOrLoginName(project.root));
  const write = await editFiles(project, [{ path: manifest.rel, edit: (text) => withDocsBaseline(text ?? "", { commit: hash, date: clock.today, by, note: request.note }, manifest.rel) }], {
    message: `docs: baseline at ${hash.slice(0, 7)}${by ? ` (${by})` : ""}`,
    by,
    ...transactionFlags(request),
    validate: ["departments", "architecture", "docs"],
  });
  return { hash, file: manifest.rel, write };
}
