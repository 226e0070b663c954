// tam schema: print one JSON Schema, or write them all for editors and other tools.
import { join, relative, resolve } from "node:path";
import { UsageError, EXIT_OK } from "../errors.js";
import type { FileKind } from "../model/files.js";
import { findProjectRoot } from "../project/discover.js";
import { PROJECT_SCHEMA_DIR, projectSchemaFiles, readSchema, SCHEMA_NAMES } from "../project/schemas.js";
import { writeFileAtomic } from "../project/write.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { inlineSafe } from "../format/text.js";

const KINDS = Object.entries(SCHEMA_NAMES) as [FileKind, string][];

export async function runSchema(globals: GlobalOptions, kind: string | undefined, options: { write?: string | boolean }, output: Output = processOutput): Promise<number> {
  if (options.write !== undefined && options.write !== false) {
    // `--write` alone: the project's own copy (.tam/schemas), which its modelines point at. Atomic
    // writes, no lock and no commit: generated files the user reviews and commits (docs/editors.md).
    const dir = options.write === true ? join(findProjectRoot(globals.project), PROJECT_SCHEMA_DIR) : resolve(options.write);
    for (const file of projectSchemaFiles()) writeFileAtomic(join(dir, file.path.slice(PROJECT_SCHEMA_DIR.length + 1)), file.text);
    output.err(inlineSafe(`wrote ${KINDS.length} schemas to ${options.write === true ? relative(process.cwd(), dir) || "." : options.write}`));
    return EXIT_OK;
  }
  if (!kind) {
    output.out(KINDS.map(([, name]) => `${name}\t${name}.schema.json`).join("\n"));
    return EXIT_OK;
  }
  const match = KINDS.find(([fileKind, name]) => name === kind || fileKind === kind);
  if (!match) throw new UsageError(`unknown schema "${kind}": choose one of ${KINDS.map(([, n]) => n).join(", ")}`);
  output.out(`${JSON.stringify(readSchema(match[0]), null, 2)}`);
  return EXIT_OK;
}
