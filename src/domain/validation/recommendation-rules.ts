// recommendations.yaml (its ids are checked with every other list's in references.ts): references
// resolve (risks, components, changes, client contacts), and each state carries the record it needs (accepted: the change; declined: who, when, until when).
import type { Issue } from "../../model/issues.js";
import { didYouMean } from "../../util/suggest.js";
import { decisionMakers } from "../tracking/approvers.js";
import { referenceChecks } from "./references.js";
import { issueAt, items, type ProjectView } from "./view.js";

/** The first part of a risk id as `tam arch risks` names it, and what its second part names. */
const RISK_SUBJECTS: Record<string, "component" | "doc"> = {
  spof: "component",
  "no-monitoring": "component",
  "no-backup": "component",
  recurring: "component",
  "docs-missing": "component",
  "docs-stale": "doc",
};

/** The client's people a decision can be attributed to: tam.yaml's client contacts. */
export function clientContacts(view: Pick<ProjectView, "manifest">): string[] {
  return items(view.manifest?.client?.contacts).flatMap((c) => (typeof c.name === "string" ? [c.name] : []));
}

export function checkRecommendations(view: ProjectView): Issue[] {
  const recs = items(view.recommendations);
  if (!recs.length) return [];
  const issues: Issue[] = [];
  const { ref, refs } = referenceChecks(view, issues);
  const componentIds = new Set([...view.components.map((c) => c.id), ...view.changes.flatMap((c) => items(c.new_components).map((n) => n.id))]);
  const changeIds = new Set(view.changes.map((c) => c.id));
  const docIds = new Set(view.docs.map((d) => d.id));
  const contacts = clientContacts(view);
  const makers = decisionMakers(view.manifest);
  const contact = (name: unknown, rec: object, ...path: (string | number)[]) => {
    if (typeof name !== "string") return;
    if (contacts.includes(name)) {
      // Taking a recommendation on, or declining it and so accepting its risk, is the client's decision.
      if (!makers.includes(name))
        issues.push(
          issueAt(
            view,
            "error",
            "not-decision-maker",
            `"${name}" is a client contact but not a decision maker (can_approve: true in tam.yaml): the client's decision on a recommendation is by ${makers.join(", ") || "a contact with can_approve: true"}`,
            rec,
            ...path,
          ),
        );
      return;
    }
    const hint = didYouMean(name, contacts);
    const known = contacts.length ? `; the client's contacts are ${contacts.join(", ")}` : "; tam.yaml lists no client contacts";
    issues.push({ ...issueAt(view, "error", "unknown-contact", `"${name}" is not a client contact in tam.yaml${hint ? ` (${hint})` : known}`, rec, ...path), hint });
  };
  for (const rec of recs) {
    const risk = (rec.origin as { risk?: unknown } | undefined)?.risk;
    if (typeof risk === "string") {
      const [kind = "", subject = ""] = risk.split(":");
      const what = RISK_SUBJECTS[kind];
      if (!what) {
        const hint = didYouMean(kind, Object.keys(RISK_SUBJECTS));
        issues.push({
          ...issueAt(
            view,
            "error",
            "unknown-risk",
            `"${risk}" is not a risk id of \`tam arch risks\`: it starts with one of ${Object.keys(RISK_SUBJECTS).join(", ")}${hint ? ` (${hint})` : ""}`,
            rec,
            "origin",
            "risk",
          ),
          hint,
        });
      } else if (what === "component") ref(componentIds, "component", subject, rec, "origin", "risk");
      else ref(docIds, "doc", subject, rec, "origin", "risk");
    }
    refs(componentIds, "component", rec.components, rec, "components");
    const state = rec.state;
    if ((state === "accepted" || state === "done") && !rec.accepted)
      issues.push(issueAt(view, "error", "recommendation-state", `${rec.id} is ${state} but has no \`accepted\` (the change that carries it out)`, rec, "state"));
    if (state === "declined" && !rec.declined)
      issues.push(issueAt(view, "error", "recommendation-state", `${rec.id} is declined but has no \`declined\` (who accepted the risk, when, and the review date)`, rec, "state"));
    if ((state === "proposed" || state === "presented") && (rec.accepted || rec.declined))
      issues.push(
        issueAt(view, "error", "recommendation-state", `${rec.id} is ${state} but records the client's decision (\`${rec.accepted ? "accepted" : "declined"}\`): set its state`, rec, "state"),
      );
    if (rec.accepted && typeof rec.accepted === "object") {
      ref(changeIds, "change", rec.accepted.change, rec, "accepted", "change");
      contact(rec.accepted.by, rec, "accepted", "by");
      const change = view.changes.find((c) => c.id === rec.accepted?.change);
      if (state === "done" && change && change.status !== "done")
        issues.push(issueAt(view, "warning", "recommendation-state", `${rec.id} is done but its change ${change.id} is ${change.status}`, rec, "state"));
    }
    if (rec.declined && typeof rec.declined === "object") {
      contact(rec.declined.by, rec, "declined", "by");
      const { date, review } = rec.declined;
      if (typeof date === "string" && typeof review === "string" && review <= date)
        issues.push(issueAt(view, "error", "review-before-decision", `the review date ${review} is not after the decision (${date}): an accepted risk is reviewed later`, rec, "declined", "review"));
    }
  }
  return issues;
}
