// tam arch graph: the landscape as Mermaid, DOT or JSON, grouped by owning department.
import { archGraph } from "../app/arch-graph.js";
import { EXIT_OK } from "../errors.js";
import { graphFormatters } from "../format/arch/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export interface ArchGraphOptions {
  format: string;
}

export async function runArchGraph(globals: GlobalOptions, options: ArchGraphOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(graphFormatters, options.format);
  const graph = archGraph({ project: globals.project });
  output.out(format(graph, { color: useColor(globals.color), width: process.stdout.columns }));
  return EXIT_OK;
}
