// Mermaid flowchart: one subgraph per department. Ids are generated so that no
// component id (e.g. "end") can clash with Mermaid syntax; labels are entity-escaped.
import type { GraphResult } from "./types.js";

/** Every character that could end a label or start markup becomes a Mermaid entity (#34; etc.). */
export function mermaidLabel(text: string): string {
  return text.replace(/[\r\n\t\u0000-\u001f\u007f-\u009f]+/g, " ").replace(/["#&<>[\]{}|`;]/g, (ch) => `#${ch.charCodeAt(0)};`);
}

/** Safe, readable, unique node ids: "c_shop_pg", with a counter on collisions. */
export function mermaidIds(ids: readonly string[], prefix: string): Map<string, string> {
  const used = new Set<string>();
  const result = new Map<string, string>();
  for (const id of ids) {
    const base = `${prefix}_${id.replace(/[^A-Za-z0-9]/g, "_")}`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
    used.add(candidate);
    result.set(id, candidate);
  }
  return result;
}

export function formatGraphMermaid(graph: GraphResult): string {
  const nodeIds = mermaidIds(graph.nodes.map((n) => n.id), "c");
  const groupIds = mermaidIds(graph.departments.map((d) => d.id ?? "unassigned"), "d");
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
