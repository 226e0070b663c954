// The JSON Schemas shipped in schemas/, one per file kind.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FileKind } from "../model/files.js";
import type { Issue } from "../model/issues.js";
import { packageUrl } from "../version.js";

export const SCHEMA_NAMES: Record<FileKind, string> = {
  manifest: "tam",
  departments: "departments",
  architecture: "architecture",
  change: "change",
  incidents: "incidents",
  docs: "docs",
  recommendations: "recommendations",
  meetings: "meetings",
};

const SCHEMA_DIR = packageUrl("schemas/");

function schemaFileName(kind: FileKind): string {
  return `${SCHEMA_NAMES[kind]}.schema.json`;
}

/** A shipped schema's text: JSON as JSON.stringify(schema, null, 2) writes it, and a newline (a test holds them to it). */
function schemaText(kind: FileKind): string {
  return readFileSync(new URL(schemaFileName(kind), SCHEMA_DIR), "utf8");
}

export function readSchema(kind: FileKind): Record<string, unknown> {
  return JSON.parse(schemaText(kind)) as Record<string, unknown>;
}

/** Where a project keeps its copy of the schemas, for editors that work offline (tam init writes it). */
export const PROJECT_SCHEMA_DIR = ".tam/schemas";

/** The schema files as this tam writes them into a project: path relative to the project, text. */
export function projectSchemaFiles(): { path: string; text: string }[] {
  return (Object.keys(SCHEMA_NAMES) as FileKind[]).map((kind) => ({ path: `${PROJECT_SCHEMA_DIR}/${schemaFileName(kind)}`, text: schemaText(kind) }));
}

/**
 * A warning when the project's copy of the schemas (.tam/schemas) is not the running tam's: an
 * editor would then complete and check against older (or newer) rules than `tam validate`.
 * Nothing when the project keeps no copy.
 */
export function schemaCopyIssues(root: string, version: string): Issue[] {
  if (!existsSync(join(root, PROJECT_SCHEMA_DIR))) return [];
  const stale = projectSchemaFiles().filter((file) => {
    try {
      return readFileSync(join(root, file.path), "utf8") !== file.text;
    } catch {
      return true;
    }
  });
  if (!stale.length) return [];
  return [
    {
      severity: "warning",
      code: "schemas-outdated",
      file: PROJECT_SCHEMA_DIR,
      message: `${stale.map((f) => f.path.slice(PROJECT_SCHEMA_DIR.length + 1)).join(", ")} ${stale.length === 1 ? "differs" : "differ"} from the schemas of this tam (${version}): editors check against other rules than tam validate`,
      hint: "run `tam schema --write` to refresh them, and commit them",
    },
  ];
}
