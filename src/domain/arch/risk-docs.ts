// Components whose documentation is missing or out of date.
import type { Component, DocEntry } from "../../model/files.js";
import { inScope, listSome, type DocState, type Risk } from "./risk-types.js";

export function missingDocs(components: readonly Component[], docs: readonly DocEntry[]): Risk[] {
  const covered = new Set(docs.flatMap((d) => d.covers ?? []));
  const risks: Risk[] = [];
  for (const c of components) {
    if (!inScope(c) || covered.has(c.id)) continue;
    const severity = c.criticality === "critical" ? "high" : c.criticality === "high" ? "medium" : "low";
    risks.push({
      id: `docs-missing:${c.id}`,
      kind: "docs-missing",
      severity,
      components: [c.id],
      title: `${c.id} is not covered by any document`,
      argument:
        `No document in the register covers ${c.id} (${c.name}). ` +
        `When it fails at night, the duty engineer has no runbook to follow, and every change to it starts by rediscovering how it is built.`,
      suggestion: `Write a runbook for ${c.id} (how it is built, how it is checked, how it is restored) and add it to docs.yaml with \`covers: [${c.id}]\`, or add ${c.id} to the \`covers\` of an existing document.`,
    });
  }
  return risks;
}

export function staleDocs(components: readonly Component[], states: readonly DocState[]): Risk[] {
  const byId = new Map(components.map((c) => [c.id, c]));
  const risks: Risk[] = [];
  for (const doc of states) {
    if (doc.state !== "stale" && doc.state !== "broken") continue;
    const covers = [...new Set(doc.covers)].sort();
    const critical = covers.some((id) => byId.get(id)?.criticality === "critical");
    const what = doc.state === "stale" ? "is overdue for review" : "cannot be opened where the register says it is";
    risks.push({
      id: `docs-stale:${doc.docId}`,
      kind: "docs-stale",
      severity: critical ? "high" : "medium",
      components: covers,
      title: `document ${doc.docId} ${doc.state === "stale" ? "is stale" : "is broken"}`,
      argument:
        `The document ${doc.docId} ${what}${covers.length ? `; it covers ${listSome(covers)}` : ""}. ` +
        `An outdated runbook is worse than none: during an outage engineers follow it and act on a landscape that no longer exists.`,
      suggestion:
        doc.state === "stale"
          ? `Have the owner review ${doc.docId} against the changes made since its last review, then record the review date in docs.yaml.`
          : `Fix the location of ${doc.docId} in docs.yaml (or restore the document), then review it.`,
    });
  }
  return risks;
}
