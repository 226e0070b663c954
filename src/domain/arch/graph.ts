// The architecture as a graph: components grouped by owning department, one edge per depends_on.
import type { Component, Criticality, Department } from "../../model/files.js";
import { ownerIndex, owningDepartmentId } from "../validation/owners.js";
import { pushTo } from "../../util/collections.js";

export interface ArchDepartment {
  /** Department id; null for components no department owns. */
  id: string | null;
  name: string;
  /** Component ids, sorted. */
  components: string[];
}

export interface ArchNode {
  id: string;
  name: string;
  kind: string;
  department: string | null;
  criticality: Criticality | null;
  /** As declared; null when architecture.yaml does not say. */
  instances: number | null;
  /** Product and version as declared (e.g. "Windows Server", "2016"); null when not given. */
  product: string | null;
  version: string | null;
}

/** `from` depends on `to`. */
export interface ArchEdge {
  from: string;
  to: string;
}

export interface ArchGraph {
  departments: ArchDepartment[];
  nodes: ArchNode[];
  edges: ArchEdge[];
}

const UNASSIGNED_NAME = "No owning department";

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Departments sorted by id (the unassigned group last); nodes by id; edges by (from, to). O((V + E) log(V + E)): sorting. */
export function buildArchGraph(input: { components: readonly Component[]; departments: readonly Department[] }): ArchGraph {
  const byKind = ownerIndex(input.departments);
  const departmentsById = new Map(input.departments.map((d) => [d.id, d]));
  const known = new Set(input.components.map((c) => c.id));
  const nodes: ArchNode[] = input.components
    .map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      department: owningDepartmentId(c, byKind) ?? null,
      criticality: c.criticality ?? null,
      instances: typeof c.instances === "number" ? c.instances : null,
      product: typeof c.product === "string" ? c.product : null,
      version: typeof c.version === "string" ? c.version : null,
    }))
    .sort((a, b) => byId(a.id, b.id));

  const groups = new Map<string | null, string[]>();
  for (const node of nodes) {
    const key = node.department !== null && departmentsById.has(node.department) ? node.department : null;
    pushTo(groups, key, node.id);
  }
  const departments: ArchDepartment[] = [...groups.entries()]
    .map(([id, components]) => ({ id, name: id === null ? UNASSIGNED_NAME : departmentsById.get(id)!.name, components }))
    .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : byId(a.id, b.id)));

  const seen = new Set<string>();
  const edges: ArchEdge[] = [];
  for (const c of input.components) {
    for (const to of c.depends_on ?? []) {
      const key = `${c.id}\u0000${to}`;
      if (!known.has(to) || seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: c.id, to });
    }
  }
  edges.sort((a, b) => byId(a.from, b.from) || byId(a.to, b.to));
  return { departments, nodes, edges };
}

/** For each component, the components that depend on it directly. O(V + E). */
export function directDependents(components: readonly Component[]): Map<string, string[]> {
  const direct = new Map<string, string[]>();
  for (const c of components) direct.set(c.id, []);
  for (const c of components) for (const to of c.depends_on ?? []) direct.get(to)?.push(c.id);
  return direct;
}

/**
 * For each component, the components that depend on it directly or through others (sorted ids),
 * at most `limit` + 1 of them: a list longer than `limit` means "more than limit". All of them
 * would be quadratic (a 5,000-deep chain has 12.5 million pairs); with the limit each search
 * stops after limit + 1 finds: O(V · limit · degree) at worst, O(V + E) per component otherwise.
 */
export function transitiveDependents(components: readonly Component[], limit = Infinity): Map<string, string[]> {
  const direct = directDependents(components);
  const result = new Map<string, string[]>();
  for (const c of components) {
    const seen = new Set<string>();
    const stack = [...(direct.get(c.id) ?? [])];
    while (stack.length && seen.size <= limit) {
      const next = stack.pop()!;
      if (seen.has(next) || next === c.id) continue;
      seen.add(next);
      for (const more of direct.get(next) ?? []) stack.push(more);
    }
    result.set(c.id, [...seen].sort(byId));
  }
  return result;
}
