// Graphviz DOT: one cluster per department; every id and label is a quoted, escaped string.
import { terminalSafe } from "../text.js";
import type { GraphResult } from "./types.js";

/** A quoted DOT string: unsafe characters made visible (text.ts), then quotes and backslashes escaped, one line. */
export function dotString(text: string): string {
  return `"${terminalSafe(String(text).replace(/[\r\n\t]+/g, " "))
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')}"`;
}

export function formatGraphDot(graph: GraphResult): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const lines = ["// An edge a -> b means: a depends on b.", "digraph architecture {", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];'];
  for (const department of graph.departments) {
    lines.push(`  subgraph ${dotString(`cluster_${department.id ?? "unassigned"}`)} {`);
    lines.push(`    label=${dotString(department.name)};`);
    for (const id of department.components) {
      // "\n" inside a DOT label is a line break; it is written after escaping so it stays one.
      const label = `${dotString(id).slice(0, -1)}\\n${dotString(byId.get(id)!.name).slice(1)}`;
      lines.push(`    ${dotString(id)} [label=${label}];`);
    }
    lines.push("  }");
  }
  for (const edge of graph.edges) lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)};`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
