// Stable JSON shape: { version: 1, departments[], nodes[], edges[] }. docs/commands/arch.md documents it.
import type { GraphResult } from "./types.js";
import { jsonText } from "../text.js";

export function formatGraphJson(graph: GraphResult): string {
  return jsonText({ version: 1, departments: graph.departments, nodes: graph.nodes, edges: graph.edges });
}
