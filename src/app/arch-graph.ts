// Use case: the landscape as a graph of components grouped by owning department (tam arch graph).
import { buildArchGraph, type ArchGraph } from "../domain/arch/graph.js";
import { requireValid } from "../project/check.js";
import { openProject, type ProjectOptions } from "./context.js";

export function archGraph(options: ProjectOptions): ArchGraph {
  const project = openProject(options, ["departments", "architecture"]);
  requireValid(project);
  return buildArchGraph({ components: project.components, departments: project.departments });
}
