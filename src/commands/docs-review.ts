// tam docs review <DOC>: records a review in docs.yaml (one surgical edit) and commits that file alone.
import { dateProblem } from "../domain/dates.js";
import { UsageError } from "../errors.js";
import { terminalSafe } from "../format/text.js";
import { assertCanCommit, commitFiles } from "../project/git.js";
import { gitOrLoginName } from "../project/identity.js";
import { writeMapEntry } from "../project/yaml-edit.js";
import { didYouMean } from "../util/suggest.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { requireValidForDocs } from "./docs-valid.js";
import { canonicalId } from "../util/ids.js";

export interface DocsReviewOptions {
  by?: string;
  note?: string;
  date?: string;
  asOf?: string;
  commit: boolean;
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
  const date = options.date ?? clock.today;
  const problem = dateProblem(date);
  if (problem) throw new UsageError(`--date: ${problem}`);
  if (date > clock.today) throw new UsageError(`--date ${date} is after today (${clock.today}): a review cannot be recorded in advance`);
  const by = options.by ?? (await gitOrLoginName(project.root));
  if (!by) throw new UsageError("cannot tell who reviewed the document: pass --by NAME");

  if (options.commit) await assertCanCommit(project.root);
  writeMapEntry(origin.source.abs, origin.path, "last_review", { date, by, note: options.note });
  const what = `review of ${terminalSafe(doc.id)} on ${date} by ${terminalSafe(by)}`;
  if (!options.commit) {
    output.out(`Recorded the ${what} in ${origin.source.rel} (not committed).`);
    return 0;
  }
  const hash = await commitFiles(project.root, [origin.source.rel], `docs: review ${doc.id} (${date}, ${by})`);
  output.out(`Recorded the ${what} in ${origin.source.rel}; committed ${hash}.`);
  return 0;
}
