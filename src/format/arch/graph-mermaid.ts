// Mermaid flowchart: one subgraph per department. Ids are generated so that no
// component id (e.g. "end") can clash with Mermaid syntax; labels are entity-escaped.
import { mermaidIds, mermaidLabel } from "../mermaid-text.js";
import type { GraphResult } from "./types.js";

export { mermaidIds, mermaidLabel };

export function formatGraphMermaid(graph: GraphResult): string {
  const nodeIds = mermaidIds(
    graph.nodes.map((n) => n.id),
    "c",
  );
  const groupIds = mermaidIds(
    graph.departments.map((d) => d.id ?? "unassigned"),
    "d",
  );
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const lines = ["flowchart LR", "  %% An arrow a --> b means: a depends on b."];
  for (const department of graph.departments) {
    lines.push(`  subgraph ${groupIds.get(department.id ?? "unassigned")}["${mermaidLabel(department.name)}"]`);
    for (const id of department.components) {
      const node = byId.get(id)!;
      lines.push(`    ${nodeIds.get(id)}["${mermaidLabel(node.id)}<br/>${mermaidLabel(node.name)}"]`);
    }
    lines.push("  end");
  }
  for (const edge of graph.edges) lines.push(`  ${nodeIds.get(edge.from)} --> ${nodeIds.get(edge.to)}`);
  return `${lines.join("\n")}\n`;
}
