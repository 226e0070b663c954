// tam schema: print one JSON Schema, or write them all for editors and other tools.
import { join, resolve } from "node:path";
import { UsageError, EXIT_OK } from "../errors.js";
import type { FileKind } from "../model/files.js";
import { readSchema, SCHEMA_NAMES, schemaFileName } from "../project/schemas.js";
import { writeFileAtomic } from "../project/write.js";
import { processOutput, type Output } from "./context.js";
import { inlineSafe } from "../format/text.js";

const KINDS = Object.entries(SCHEMA_NAMES) as [FileKind, string][];

export async function runSchema(kind: string | undefined, options: { write?: string }, output: Output = processOutput): Promise<number> {
  if (options.write) {
    const dir = resolve(options.write);
    // Output to a folder the user names (not project files): atomic, no lock, no commit.
    for (const [fileKind] of KINDS) writeFileAtomic(join(dir, schemaFileName(fileKind)), `${JSON.stringify(readSchema(fileKind), null, 2)}\n`);
    output.err(inlineSafe(`wrote ${KINDS.length} schemas to ${options.write}`));
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
