// Use case: record a review of a document in docs.yaml, one surgical edit, one commit (tam docs review).
import { type WriteRequest, transactionFlags } from "./write-request.js";
import { dateProblem } from "../domain/dates.js";
import { UsageError } from "../errors.js";
import { gitOrLoginName } from "../project/identity.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import { editMapEntry } from "../project/yaml-text.js";
import { canonicalId } from "../util/ids.js";
import { didYouMean } from "../util/suggest.js";
import type { ClockOptions, ProjectOptions } from "./context.js";
import { reviewFromEdit } from "./docs-review-edit.js";
import { openForDocs } from "./docs-valid.js";

export interface ReviewDocOptions extends ProjectOptions, ClockOptions, WriteRequest {
  docId: string;
  by?: string;
  note?: string;
  /** The review's day (YYYY-MM-DD); default today. */
  date?: string;
  commit: boolean;
  /** The last commit that edited the doc's file was the review: take its date, author and hash. */
  editWasReview?: boolean;
}

export interface ReviewDocResult extends WriteResult {
  docId: string;
  date: string;
  by: string;
  /** The file the review was written to. */
  file: string;
}

export async function reviewDoc(options: ReviewDocOptions): Promise<ReviewDocResult> {
  const { project, clock } = openForDocs(options);
  const { docId } = options;
  // Ids typed in any case: the project's spelling is used from here on.
  const canonical = canonicalId(
    docId,
    project.docs.map((entry) => entry.id),
  );
  const doc = project.docs.find((entry) => entry.id === canonical);
  const origin = doc && project.originOf(doc);
  if (!doc || !origin) {
    const hint = didYouMean(
      docId,
      project.docs.map((entry) => entry.id),
    );
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
    {
      message: `docs: review ${doc.id} (${date}, ${by})`,
      by,
      ...transactionFlags(options),
      validate: ["departments", "architecture", "docs"],
    },
  );
  return { ...saved, docId: doc.id, date, by, file: rel };
}
