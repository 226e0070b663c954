// The docs commands refuse an invalid project like every command, except for the two
// findings `tam docs check` itself reports: a doc's unknown owner (broken) and a doc
// covering an unknown component (coverage). Those must not stop the check or a review.
import type { Clock } from "../domain/clock.js";
import { ProjectError } from "../errors.js";
import { compareIssues, type Issue } from "../model/issues.js";
import { projectIssues } from "../project/check.js";
import { FILE_NAMES, type LoadPart, type Project } from "../project/load.js";
import { count } from "../util/plural.js";
import { type ClockOptions, clockFor, openProject, type ProjectOptions } from "./context.js";

function reportedByDocsCheck(issue: Issue): boolean {
  return issue.file === FILE_NAMES.docs && (issue.code === "unknown-owner" || (issue.code === "unknown-reference" && issue.message.startsWith("unknown component")));
}

/** `streamed`: the errors of incident files read one by one (streamedValidation), which the project no longer holds. */
export function requireValidForDocs(project: Project, streamed: readonly Issue[] = []): void {
  const errors = [...streamed, ...projectIssues(project).filter((issue) => issue.severity === "error" && !reportedByDocsCheck(issue))].sort(compareIssues);
  if (errors.length > 0) throw new ProjectError(`the project has ${count(errors.length, "error")}; fix them first (see \`tam validate\`):`, errors);
}

/** The project of a docs command, refused unless valid for docs, and the command's clock (in the project's zone). */
export function openForDocs(options: ProjectOptions & ClockOptions, parts?: LoadPart[]): { project: Project; clock: Clock } {
  const project = openProject(options, parts);
  requireValidForDocs(project);
  return { project, clock: clockFor(project, options.asOf, options.now) };
}
