// Use case: the JSON Schemas of the project files (tam schema): the list, one schema, or all of them
// written for editors and other tools (the project's own copy, which its modelines point at).
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { FileKind } from "../model/files.js";
import { findProjectRoot } from "../project/discover.js";
import { PROJECT_SCHEMA_DIR, projectSchemaFiles, readSchema, SCHEMA_NAMES } from "../project/schemas.js";
import { writeFileAtomic } from "../project/write.js";
import type { ProjectOptions } from "./context.js";

const KINDS = Object.entries(SCHEMA_NAMES) as [FileKind, string][];

/** Every schema: its name and file name. */
export function schemaList(): { name: string; file: string }[] {
  return KINDS.map(([, name]) => ({ name, file: `${name}.schema.json` }));
}

/** One schema, by its name or the kind of file it describes. */
export function schemaOf(kind: string): unknown {
  const match = KINDS.find(([fileKind, name]) => name === kind || fileKind === kind);
  if (!match) throw new UsageError(`unknown schema "${kind}": choose one of ${KINDS.map(([, n]) => n).join(", ")}`);
  return readSchema(match[0]);
}

/**
 * Writes every schema to `to` (a folder), or with `to` true to the project's own copy (.tam/schemas).
 * Atomic writes, no lock and no commit: generated files the user reviews and commits (docs/editors.md).
 */
export function writeSchemas(request: ProjectOptions & { to: string | true }): { count: number; dir: string } {
  const dir = request.to === true ? join(findProjectRoot(request.project), PROJECT_SCHEMA_DIR) : resolve(request.to);
  for (const file of projectSchemaFiles()) writeFileAtomic(join(dir, file.path.slice(PROJECT_SCHEMA_DIR.length + 1)), file.text);
  return { count: KINDS.length, dir };
}
