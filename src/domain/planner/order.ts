// Plan order: longest-path levels (waves) and task ids compared by number.
import { topologicalOrder } from "../graph.js";
import { compareText } from "../../model/text-order.js";

/** Longest-path level of each node, starting at 1; edges inside a cycle are ignored. One pass in dependency order, O(V + E). */
export function levels(nodes: readonly string[], after: (node: string) => readonly string[]): Map<string, number> {
  const level = new Map<string, number>();
  for (const node of topologicalOrder(nodes, after)) {
    let value = 1;
    for (const dep of after(node)) {
      const l = level.get(dep);
      if (l !== undefined) value = Math.max(value, l + 1);
    }
    level.set(node, value);
  }
  return level;
}

export function compareIds(a: string, b: string): number {
  const na = /^T(\d+)$/.exec(a)?.[1];
  const nb = /^T(\d+)$/.exec(b)?.[1];
  if (na && nb) return Number(na) - Number(nb);
  return compareText(a, b);
}
