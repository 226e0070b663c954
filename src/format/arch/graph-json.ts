// Stable JSON shape: { version: 1, departments[], nodes[], edges[] }. docs/commands/arch.md documents it.
import type { GraphResult } from "./types.js";

export function formatGraphJson(graph: GraphResult): string {
  return `${JSON.stringify({ version: 1, departments: graph.departments, nodes: graph.nodes, edges: graph.edges }, null, 2)}\n`;
}
