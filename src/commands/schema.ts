// tam schema: print one JSON Schema, or write them all for editors and other tools (src/app/schemas.ts).
import { relative } from "node:path";
import { schemaList, schemaOf, writeSchemas } from "../app/schemas.js";
import { EXIT_OK } from "../errors.js";
import { inlineSafe } from "../format/text.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export async function runSchema(globals: GlobalOptions, kind: string | undefined, options: { write?: string | boolean }, output: Output = processOutput): Promise<number> {
  if (options.write !== undefined && options.write !== false) {
    const written = writeSchemas({ project: globals.project, to: options.write });
    output.err(inlineSafe(`wrote ${written.count} schemas to ${options.write === true ? relative(process.cwd(), written.dir) || "." : options.write}`));
    return EXIT_OK;
  }
  if (!kind) {
    output.out(
      schemaList()
        .map((s) => `${s.name}\t${s.file}`)
        .join("\n"),
    );
    return EXIT_OK;
  }
  output.out(`${JSON.stringify(schemaOf(kind), null, 2)}`);
  return EXIT_OK;
}
