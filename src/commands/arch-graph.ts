// tam arch graph: the landscape as Mermaid, DOT or JSON, grouped by owning department.
import { EXIT_OK } from "../errors.js";
import { buildArchGraph } from "../domain/arch/graph.js";
import { graphFormatters } from "../format/arch/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { requireValid } from "../project/check.js";
import { openProject, processOutput, type GlobalOptions, type Output } from "./context.js";

export interface ArchGraphOptions {
  format: string;
}

export async function runArchGraph(globals: GlobalOptions, options: ArchGraphOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(graphFormatters, options.format);
  const project = openProject(globals, ["departments", "architecture"]);
  requireValid(project);
  const graph = buildArchGraph({ components: project.components, departments: project.departments });
  output.out(format(graph, { color: useColor(globals.color), width: process.stdout.columns }));
  return EXIT_OK;
}
