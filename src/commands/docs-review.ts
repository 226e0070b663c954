// tam docs review <DOC>: records a review in docs.yaml (one surgical edit) and commits that file alone.
import { dateProblem } from "../domain/dates.js";
import { UsageError } from "../errors.js";
import { terminalSafe } from "../format/text.js";
import { gitOrLoginName } from "../project/identity.js";
import { editFiles } from "../project/transaction.js";
import { editMapEntry } from "../project/yaml-text.js";
import { didYouMean } from "../util/suggest.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { reviewFromEdit } from "./docs-review-edit.js";
import { requireValidForDocs } from "../app/docs-valid.js";
import { canonicalId } from "../util/ids.js";
import type { WriteFlags } from "./write-flags.js";

export interface DocsReviewOptions extends WriteFlags {
  by?: string;
  note?: string;
  date?: string;
  asOf?: string;
  commit: boolean;
  /** The last commit that edited the doc's file was the review: take its date, author and hash. */
  editWasReview?: boolean;
}

export async function runDocsReview(globals: GlobalOptions, docId: string, options: DocsReviewOptions, output: Output = processOutput): Promise<number> {
  const project = openProject(globals);
  requireValidForDocs(project);
  const clock = clockFor(project, options.asOf);
  const canonical = canonicalId(docId, project.docs.map((entry) => entry.id));
  const doc = project.docs.find((entry) => entry.id === canonical);
  const origin = doc && project.originOf(doc);
  if (!doc || !origin) {
    const hint = didYouMean(docId, project.docs.map((entry) => entry.id));
    throw new UsageError(`no document "${docId}" in docs.yaml${hint ? `: ${hint}` : ""}`);
  }
  const edit = options.editWasReview ? await reviewFromEdit(project.root, doc, clock) : undefined;
  const date = options.date ?? edit?.date ?? clock.today;
  const problem = dateProblem(date);
  if (problem) throw new UsageError(`--date: ${problem}`);
  if (date > clock.today) throw new UsageError(`--date ${date} is after today (${clock.today}): a review cannot be recorded in advance`);
  const by = options.by ?? edit?.by ?? (await gitOrLoginName(project.root));
  if (!by) throw new UsageError("cannot tell who reviewed the document: pass --by NAME");

  const rel = origin.source.rel;
  const saved = await editFiles(
    project,
    [
      {
        path: rel,
        edit: (text, source) => {
          // Find the entry in the file as it is now, under the lock: another review may just have landed.
          const docs = (source?.data as { docs?: { id?: unknown }[] } | undefined)?.docs;
          const index = Array.isArray(docs) ? docs.findIndex((entry) => entry?.id === doc.id) : -1;
          if (index < 0 || text === null) throw new UsageError(`no document "${docId}" in ${rel} any more`);
          return editMapEntry(text, ["docs", index], "last_review", { date, by, note: options.note ?? edit?.note }, rel);
        },
      },
    ],
    { message: `docs: review ${doc.id} (${date}, ${by})`, by, commit: options.commit, waitSeconds: options.wait, includeLocalChanges: options.includeLocalChanges, validate: ["departments", "architecture", "docs"], warn: output.err },
  );
  const what = `review of ${terminalSafe(doc.id)} on ${date} by ${terminalSafe(by)}`;
  if (saved.written.length === 0) output.out(`The ${what} is already recorded in ${rel}; nothing to change, no commit.`);
  else if (saved.commit) output.out(`Recorded the ${what} in ${rel}; committed ${saved.commit}.`);
  else if (saved.nothingToCommit) output.out(`Recorded the ${what} in ${rel}; nothing to commit (the committed file already says this).`);
  else output.out(`Recorded the ${what} in ${rel} (not committed).`);
  return 0;
}
