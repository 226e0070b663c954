// Dependency cycles among components and among a change's tasks, reported as paths
// with the file:line of each edge.
import type { Issue, Location } from "../../model/issues.js";
import type { Component } from "../../model/files.js";
import { findCycles } from "../graph.js";
import { items, list, type ProjectView } from "./view.js";

function edgeText(from: string, to: string, at: Location): string {
  return `${from} → ${to} (${at.file}:${at.line ?? 1})`;
}

/** A cycle of components; `edgeAt` locates the depends_on entry that makes each edge. */
export function describeCycle(cycle: string[], edgeAt: (from: string, to: string) => Location): { message: string; edges: Location[] } {
  const edges: Location[] = [];
  const parts: string[] = [];
  for (let i = 0; i < cycle.length; i++) {
    const from = cycle[i]!;
    const to = cycle[(i + 1) % cycle.length]!;
    const at = edgeAt(from, to);
    edges.push(at);
    parts.push(edgeText(from, to, at));
  }
  return { message: `dependency cycle ${[...cycle, cycle[0]].join(" → ")}: ${parts.join("; ")}`, edges };
}

function componentEdgeLocator(view: ProjectView, components: readonly Component[]) {
  const byId = new Map(components.map((c) => [c.id, c]));
  return (from: string, to: string): Location => {
    const component = byId.get(from)!;
    const index = list(component.depends_on).indexOf(to);
    return view.where(component, "depends_on", index);
  };
}

/** Component cycles: one findCycles pass, O(V + E) plus the cycles reported (at most MAX_CYCLES). */
export function checkComponentCycles(view: ProjectView): Issue[] {
  const byId = new Map(view.components.map((c) => [c.id, c]));
  const depends = (id: string) => list(byId.get(id)?.depends_on).filter((d) => typeof d === "string" && byId.has(d));
  const locateEdge = componentEdgeLocator(view, view.components);
  return findCycles([...byId.keys()].sort(), depends).map((cycle) => {
    const { message, edges } = describeCycle(cycle, locateEdge);
    return { severity: "error" as const, code: "dependency-cycle", message, ...edges[0]! };
  });
}

/** Task cycles of each change: one findCycles pass per change, O(tasks + after edges). */
export function checkTaskCycles(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  for (const change of view.changes) {
    const tasks = items(change.tasks);
    const byId = new Map(tasks.map((t, i) => [t.id, { task: t, index: i }]));
    const after = (id: string) => list(byId.get(id)?.task.after).filter((d) => byId.has(d));
    for (const cycle of findCycles([...byId.keys()], after)) {
      const edges: string[] = [];
      let first: Location | undefined;
      cycle.forEach((from, i) => {
        const to = cycle[(i + 1) % cycle.length]!;
        const entry = byId.get(from)!;
        const at = view.where(change, "tasks", entry.index, "after", list(entry.task.after).indexOf(to));
        first ??= at;
        edges.push(`${from} waits for ${to} (${at.file}:${at.line ?? 1})`);
      });
      issues.push({ severity: "error", code: "task-cycle", message: `tasks of ${change.id} wait for each other in a circle ${[...cycle, cycle[0]].join(" → ")}: ${edges.join("; ")}`, ...first! });
    }
  }
  return issues;
}
