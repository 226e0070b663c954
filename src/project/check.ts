// Validation of a loaded project: read problems, schema findings, cross-file rules.
import { compareIssues, type Issue } from "../model/issues.js";
import { ProjectError } from "../errors.js";
import { checkIncidents, validateProject, type FirstSeen, type IncidentIds } from "../domain/validation/index.js";
import { FILE_NAMES, isObject, loadProject, type IncidentFile, type Project } from "./load.js";
import { activeFindingsMemo } from "./findings-memo.js";
import { checkSchema } from "./schema-check.js";
import type { SourceFile } from "./source.js";
import { count } from "../util/plural.js";

/** Which id kinds are missing because their file could not be read or parsed (so references to them are not "unknown"). */
function unavailableKinds(project: Project): Set<string> {
  const unavailable = new Set<string>();
  const kindOfFile: Record<string, string> = { [FILE_NAMES.departments]: "department", [FILE_NAMES.architecture]: "component", [FILE_NAMES.manifest]: "calendar", [FILE_NAMES.docs]: "docs" };
  const readable = new Set<string>();
  for (const file of project.files) {
    // A file that is not a mapping (unparsable, empty, a list) yields no ids.
    if (isObject(file.data)) readable.add(file.rel);
    else if (kindOfFile[file.rel]) unavailable.add(kindOfFile[file.rel]!);
  }
  // Files refused before parsing (binary, too large, a folder, a link out of the project) are not in project.files.
  for (const issue of project.readIssues) {
    if (issue.severity === "error" && kindOfFile[issue.file] && !readable.has(issue.file)) unavailable.add(kindOfFile[issue.file]!);
  }
  return unavailable;
}

/**
 * The schema findings of a file, once per parsed file: a write re-validates the project as the edit
 * would leave it, and every file it did not edit is the same parsed file (reloadProject reuses it).
 */
const schemaIssuesOf = new WeakMap<SourceFile, Issue[]>();
function schemaIssues(file: SourceFile): Issue[] {
  let issues = schemaIssuesOf.get(file);
  if (!issues) schemaIssuesOf.set(file, (issues = checkSchema(file)));
  return issues;
}

/** The findings of each project as read, once: a write checks the project it read again under its lock, unchanged. */
const issuesOf = new WeakMap<Project, Issue[]>();

/**
 * The findings of the whole project: read problems, schema findings, the rules across files. The
 * CLI's memo (src/project/findings-memo.ts) answers for a project whose files are unchanged since an
 * earlier run; a writer's judgement of a part of a project (issuesIn, requireSoundIn) never uses it.
 */
export function projectIssues(project: Project): Issue[] {
  const known = issuesOf.get(project);
  if (known) return [...known];
  const memo = activeFindingsMemo();
  const issues = memo ? memo.findings(project, computeIssues) : computeIssues(project);
  issuesOf.set(project, issues);
  return [...issues];
}

/**
 * `reread` is `project` read again (reloadProject) and nothing in it changed: the same parsed
 * files in the same order and the same read problems. Its findings are then those of `project`.
 */
export function sameRead(project: Project, reread: Project): boolean {
  return project.files.length === reread.files.length && project.files.every((file, i) => reread.files[i] === file) && JSON.stringify(project.readIssues) === JSON.stringify(reread.readIssues);
}

/** The rules across files run on `view` (the project, or a part of it), entities located through the project as read. */
function crossFileIssues(project: Project, view: Project = project): Issue[] {
  return validateProject({ ...view, fileOf: (entity) => project.originOf(entity)?.source.rel, unavailable: unavailableKinds(project) });
}

/**
 * The findings located in `files`: their read problems and schema findings, and what the rules across
 * files (run on the whole project as read) find in them; a write that read only some change files
 * judges those alone.
 */
export function issuesIn(project: Project, files: readonly string[]): Issue[] {
  const crossIssues = crossFileIssues(project);
  const schemaFindings = project.files.filter((file) => files.includes(file.rel)).flatMap((file) => schemaIssues(file));
  return [...project.readIssues, ...schemaFindings, ...crossIssues].filter((issue) => files.includes(issue.file)).sort(compareIssues);
}

function computeIssues(project: Project): Issue[] {
  const schemaFindings = project.files.flatMap((file) => schemaIssues(file));
  const crossIssues = crossFileIssues(project);
  return [...project.readIssues, ...schemaFindings, ...crossIssues].sort(compareIssues);
}
/**
 * As requireValidIn, for a writer whose write checks the whole project (editFiles' refuseErrorsIn):
 * only the errors of `files` found by looking at them alone (read problems, the schema, the rules of
 * each change in them against the manifest, departments and components), so that the edit works on
 * well-formed data. Errors that need the rest of the project are the write's check.
 */
export function requireSoundIn(project: Project, files: readonly string[]): void {
  const inFiles = (entity: object) => files.includes(project.originOf(entity)?.source.rel ?? "");
  const view: Project = { ...project, files: project.files.filter((f) => files.includes(f.rel)), changes: project.changes.filter(inFiles), incidents: [], docs: [], recommendations: [] };
  const crossIssues = crossFileIssues(project, view);
  const issues = [...project.readIssues, ...view.files.flatMap((file) => schemaIssues(file)), ...crossIssues];
  refuseErrorsIn(issues.sort(compareIssues), files);
}

/**
 * For commands other than validate: refuse to work on a project whose files have errors,
 * so that domain code only ever sees well-formed data.
 */
/**
 * Errors that fail `tam validate` (and CI) but never stop a command from reading the project: the
 * data is sound, a step was taken past the gate (a change approved or started while not ready).
 */
const NON_BLOCKING_CODES: readonly string[] = ["not-ready", "doc-task-uncovered"];

export function requireValid(project: Project, reportedByCaller: readonly string[] = []): void {
  // A caller that reports some errors itself (the planner reports cycles as plan findings) lists their codes.
  refuseErrors(projectIssues(project).filter((issue) => issue.severity === "error" && !reportedByCaller.includes(issue.code) && !NON_BLOCKING_CODES.includes(issue.code)));
}

/** Refuses to go on when there are errors (as requireValid), listing them in the order of projectIssues. */
export function refuseErrors(errors: Issue[]): void {
  if (errors.length > 0) {
    throw new ProjectError(`the project has ${count(errors.length, "error")}; fix them first (see \`tam validate\`):`, [...errors].sort(compareIssues));
  }
}

/**
 * Validation of a project whose incident files are streamed (loadProject's eachIncidentFile): each
 * file's findings as it is read, then the rest of the project's. Together they are the findings
 * projectIssues gives for the whole project read at once (the incident rules look at one incident
 * at a time, but for unique ids, which this keeps across files).
 */
export function streamedValidation(): { file(file: IncidentFile, project: Project): Issue[]; rest(project: Project): Issue[] } {
  let root = "";
  let unavailable: Set<string> | undefined;
  let current: IncidentFile | undefined;
  // Earlier files read again to locate an id first seen there: once each (a month's file copied
  // under the next month's name repeats thousands of ids of one earlier file).
  const earlierFiles = new Map<string, IncidentFile | undefined>();
  const earlierFile = (rel: string): IncidentFile | undefined => {
    if (!earlierFiles.has(rel)) {
      let found: IncidentFile | undefined;
      loadProject(root, ["incidents"], { incidentFiles: [rel], eachIncidentFile: (file) => (found = file) });
      earlierFiles.set(rel, found);
    }
    return earlierFiles.get(rel);
  };
  const ids: IncidentIds = {
    first: new Map<string, FirstSeen>(),
    file: undefined,
    locate(first) {
      const file = first.file === current?.rel ? current : first.file === undefined ? undefined : earlierFile(first.file);
      const incident = file?.incidents[first.index];
      return file && incident ? file.where(incident, "id") : { file: first.file ?? "?" };
    },
  };
  return {
    file(file, project) {
      root = project.root;
      current = file;
      ids.file = file.rel;
      unavailable ??= unavailableKinds(project);
      const view = {
        ...project,
        incidents: file.incidents,
        where: file.where,
        // Every incident checked here comes from this file.
        fileOf: () => file.rel,
        unavailable,
      };
      return [...file.readIssues, ...file.files.flatMap((source) => checkSchema(source)), ...checkIncidents(view, file.incidents, ids)];
    },
    rest: (project) => projectIssues(project),
  };
}

/**
 * As requireValid, but only the errors in `files` (the ones a command reads the data it acts on
 * from) refuse; errors elsewhere are for the write transaction to report as a warning.
 */
export function requireValidIn(project: Project, files: readonly string[]): void {
  refuseErrorsIn(projectIssues(project), files);
}

/** As requireValidIn, on the findings of a project checked already. */
export function refuseErrorsIn(issues: readonly Issue[], files: readonly string[]): void {
  const errors = issues.filter((issue) => issue.severity === "error" && files.includes(issue.file) && !NON_BLOCKING_CODES.includes(issue.code));
  if (errors.length > 0) {
    throw new ProjectError(
      `${files.join(", ")} ${errors.length === 1 ? "has an error" : `has ${errors.length} errors`}; fix ${errors.length === 1 ? "it" : "them"} first (see \`tam validate\`):`,
      errors,
    );
  }
}
