// The docs commands refuse an invalid project like every command, except for the two
// findings `tam docs check` itself reports: a doc's unknown owner (broken) and a doc
// covering an unknown component (coverage). Those must not stop the check or a review.
import { ProjectError } from "../errors.js";
import { compareIssues, type Issue } from "../model/issues.js";
import { projectIssues } from "../project/check.js";
import { FILE_NAMES, type Project } from "../project/load.js";
import { count } from "../util/plural.js";

function reportedByDocsCheck(issue: Issue): boolean {
  return issue.file === FILE_NAMES.docs && (issue.code === "unknown-owner" || (issue.code === "unknown-reference" && issue.message.startsWith("unknown component")));
}

/** `streamed`: the errors of incident files read one by one (streamedValidation), which the project no longer holds. */
export function requireValidForDocs(project: Project, streamed: readonly Issue[] = []): void {
  const errors = [...streamed, ...projectIssues(project).filter((issue) => issue.severity === "error" && !reportedByDocsCheck(issue))].sort(compareIssues);
  if (errors.length > 0) throw new ProjectError(`the project has ${count(errors.length, "error")}; fix them first (see \`tam validate\`):`, errors);
}
