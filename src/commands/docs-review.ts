// tam docs review <DOC>: records a review in docs.yaml (one surgical edit) and commits that file alone.
import { reviewDoc } from "../app/review-doc.js";
import { terminalSafe } from "../format/text.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import type { WriteFlags } from "./write-flags.js";

export interface DocsReviewOptions extends WriteFlags {
  by?: string;
  note?: string;
  date?: string;
  asOf?: string;
  commit: boolean;
  editWasReview?: boolean;
}

export async function runDocsReview(globals: GlobalOptions, docId: string, options: DocsReviewOptions, output: Output = processOutput): Promise<number> {
  const saved = await reviewDoc({ ...options, project: globals.project, docId, warn: plainOutput(output).err });
  const what = `review of ${terminalSafe(saved.docId)} on ${saved.date} by ${terminalSafe(saved.by)}`;
  if (saved.written.length === 0) output.out(`The ${what} is already recorded in ${saved.file}; nothing to change, no commit.`);
  else if (saved.commit) output.out(`Recorded the ${what} in ${saved.file}; committed ${saved.commit}.`);
  else if (saved.nothingToCommit) output.out(`Recorded the ${what} in ${saved.file}; nothing to commit (the committed file already says this).`);
  else output.out(`Recorded the ${what} in ${saved.file} (not committed).`);
  return 0;
}
