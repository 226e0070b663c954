// Validation of a loaded project: read problems, schema findings, cross-file rules.
import { compareIssues, type Issue } from "../issues.js";
import { ProjectError } from "../errors.js";
import { validateProject } from "../domain/validation/index.js";
import type { Project } from "./load.js";
import { checkSchema } from "./schema-check.js";

/** Which id kinds are missing because their file failed to parse. */
function unavailableKinds(project: Project): Set<string> {
  const unavailable = new Set<string>();
  for (const file of project.files) {
    if (file.data !== undefined && file.data !== null) continue;
    if (file.kind === "departments") unavailable.add("department");
    if (file.kind === "architecture") unavailable.add("component");
    if (file.kind === "manifest") unavailable.add("calendar");
  }
  return unavailable;
}

export function projectIssues(project: Project): Issue[] {
  const schemaIssues = project.files.flatMap((file) => checkSchema(file));
  const crossIssues = validateProject({
    ...project,
    fileOf: (entity) => project.originOf(entity)?.source.rel,
    unavailable: unavailableKinds(project),
  });
  return [...project.readIssues, ...schemaIssues, ...crossIssues].sort(compareIssues);
}
/**
 * For commands other than validate: refuse to work on a project whose files have errors,
 * so that domain code only ever sees well-formed data.
 */
export function requireValid(project: Project, reportedByCaller: readonly string[] = []): void {
  // A caller that reports some errors itself (the planner reports cycles as plan findings) lists their codes.
  const errors = projectIssues(project).filter((issue) => issue.severity === "error" && !reportedByCaller.includes(issue.code));
  if (errors.length > 0) {
    throw new ProjectError(`the project has ${errors.length} error(s); fix them first (see \`tam validate\`):`, errors);
  }
}
