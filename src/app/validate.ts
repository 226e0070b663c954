// Use case: validate the project (tam validate): schema and cross-file findings, the copies of the
// schemas the project keeps, and the review and meeting-action rules judged on the clock's date.
import { checkMeetingActions } from "../domain/validation/meeting-rules.js";
import { checkReviews } from "../domain/validation/review-rules.js";
import { compareIssues, countBySeverity, SEVERITY_RANK, type Issue, type Severity } from "../model/issues.js";
import { projectIssues } from "../project/check.js";
import { repositoryPrefix } from "../project/discover.js";
import { schemaCopyIssues } from "../project/schemas.js";
import { VERSION } from "../version.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";

export interface ValidateRequest extends ProjectOptions, ClockOptions {
  /** The lowest severity that fails the project. */
  failOn: Severity;
}

export interface ValidateResult {
  /** Absolute project root. */
  root: string;
  /**
   * The project root's path from the repository's top level, with a trailing slash ("" when
   * they are one folder). CI formats (github, sarif, junit, codeclimate) prefix issue files
   * with it: CI systems place findings by repository-relative paths.
   */
  repoPrefix: string;
  /** The running tam's version (SARIF's driver version). */
  toolVersion: string;
  filesChecked: number;
  issues: Issue[];
  counts: ReturnType<typeof countBySeverity>;
  failOn: Severity;
  /** Whether the exit code is 1. */
  failed: boolean;
}

export function validate(request: ValidateRequest): ValidateResult {
  // Every finding is printed with its line and column.
  const project = openProject(request, undefined, { positionsWithData: true });
  const clock = clockFor(project, request.asOf, request.now);
  const issues = [...projectIssues(project), ...schemaCopyIssues(project.root, VERSION), ...checkReviews(project, clock), ...checkMeetingActions(project, clock.today)].sort(compareIssues);
  const counts = countBySeverity(issues);
  const failed = issues.some((issue) => SEVERITY_RANK[issue.severity] >= SEVERITY_RANK[request.failOn]);
  return { root: project.root, repoPrefix: repositoryPrefix(project.root), toolVersion: VERSION, filesChecked: project.files.length, issues, counts, failOn: request.failOn, failed };
}
