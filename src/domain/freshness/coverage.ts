// Which components no document describes, and which covers entries name nothing.
import type { Component, Criticality, DocEntry } from "../../model/files.js";
import type { Coverage } from "./types.js";

const CRITICALITY_RANK: Record<Criticality, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function rank(criticality: Criticality | undefined): number {
  return criticality === undefined ? 4 : CRITICALITY_RANK[criticality];
}

export function coverageOf(components: readonly Component[], docs: readonly DocEntry[]): Coverage {
  const covered = new Set(docs.flatMap((doc) => doc.covers ?? []));
  const known = new Set(components.map((component) => component.id));
  // A decommissioned component is history: it needs no document any more.
  const uncovered = components
    .filter((component) => !covered.has(component.id) && !component.decommissioned)
    .sort((a, b) => rank(a.criticality) - rank(b.criticality) || a.id.localeCompare(b.id))
    .map((component) => ({ id: component.id, name: component.name, criticality: component.criticality ?? null }));
  const unknown = docs
    .flatMap((doc) => [...new Set(doc.covers ?? [])].filter((id) => !known.has(id)).map((component) => ({ doc: doc.id, component })))
    .sort((a, b) => a.doc.localeCompare(b.doc) || a.component.localeCompare(b.component));
  return { uncovered, unknown };
}
