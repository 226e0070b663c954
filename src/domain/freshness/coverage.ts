// Which components no document describes, and which covers entries name nothing.
import { OPEN_CHANGE_STATUSES, type Change, type Component, type Criticality, type DocEntry } from "../../model/files.js";
import type { Coverage } from "./types.js";
import { compareText } from "../../model/text-order.js";

const CRITICALITY_RANK: Record<Criticality, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function rank(criticality: Criticality | undefined): number {
  return criticality === undefined ? 4 : CRITICALITY_RANK[criticality];
}

/** `building`: components open changes add (not in architecture.yaml yet): a document may already cover them. */
export function coverageOf(components: readonly Component[], docs: readonly DocEntry[], building: readonly string[] = []): Coverage {
  const covered = new Set(docs.flatMap((doc) => doc.covers ?? []));
  const known = new Set([...components.map((component) => component.id), ...building]);
  // A decommissioned component is history: it needs no document any more.
  const uncovered = components
    .filter((component) => !covered.has(component.id) && !component.decommissioned)
    .sort((a, b) => rank(a.criticality) - rank(b.criticality) || compareText(a.id, b.id))
    .map((component) => ({ id: component.id, name: component.name, criticality: component.criticality ?? null }));
  const unknown = docs
    .flatMap((doc) => [...new Set(doc.covers ?? [])].filter((id) => !known.has(id)).map((component) => ({ doc: doc.id, component })))
    .sort((a, b) => compareText(a.doc, b.doc) || compareText(a.component, b.component));
  return { uncovered, unknown };
}

/** Components that open changes add: a document written for the change may cover them before it closes. */
export function componentsBeingBuilt(changes: readonly Change[]): string[] {
  return (Array.isArray(changes) ? changes : [])
    .filter((c) => c && OPEN_CHANGE_STATUSES.includes(c.status))
    .flatMap((c) => (Array.isArray(c.new_components) ? c.new_components : []).map((n: Component | null) => n?.id))
    .filter((id): id is string => typeof id === "string");
}
