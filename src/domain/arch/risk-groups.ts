// Risks of one kind and severity, one line each: a landscape with eight unmonitored VMs has one
// problem to discuss with eight names, not eight arguments that differ in a name.
import type { RiskKind, Risk, RiskSeverity } from "./risk-types.js";
import type { RuleId } from "./rules.js";

export interface RiskGroup {
  kind: RiskKind;
  severity: RiskSeverity;
  /** What the risks have in common, e.g. "single point of failure". */
  label: string;
  /** One entry per risk: its component ids, and what tells it apart (a cause and count) when any. */
  members: { id: string; components: string[]; detail?: string }[];
  /** The action the group shares. */
  action: string;
  rule?: RuleId;
}

const LABEL: Record<RiskKind, string> = {
  "single-point-of-failure": "single point of failure",
  "no-monitoring": "not monitored",
  "no-backup": "no backup",
  "recurring-incidents": "same cause again",
  "docs-stale": "document stale",
  "docs-missing": "no document",
};

const ACTION: Record<RiskKind, string> = {
  "single-point-of-failure": "Add a redundant peer with failover (a replica, a second VM, device or array); record `instances` where it already exists.",
  "no-monitoring": "Ask the Monitoring group for checks and alerts, then set `monitored: true`.",
  "no-backup": "Ask the Backup group for a backup job with a tested restore, then set `backed_up: true` (or record why not).",
  "recurring-incidents": "Fix the cause, not the symptom: each cause's remedy is in `--verbose`.",
  "docs-stale": "Have each owner review the document against the changes since its last review.",
  "docs-missing": "Write or extend a document that covers them, and list them in docs.yaml.",
};

/** Groups in the order of the risks (severity first), members in the order given. */
export function groupRisks(risks: readonly Risk[]): RiskGroup[] {
  const groups = new Map<string, RiskGroup>();
  for (const risk of risks) {
    const key = `${risk.severity}\u0000${risk.kind}`;
    let group = groups.get(key);
    if (!group) {
      const suggestion = risks.filter((r) => r.kind === risk.kind && r.severity === risk.severity).every((r) => r.suggestion === risk.suggestion) ? risk.suggestion : ACTION[risk.kind];
      group = { kind: risk.kind, severity: risk.severity, label: LABEL[risk.kind], members: [], action: suggestion, rule: risk.rule };
      groups.set(key, group);
    }
    group.members.push({ id: risk.id, components: risk.components, detail: detailOf(risk) });
  }
  return [...groups.values()];
}

/** "configuration ×2" for recurring incidents (the id is recurring:<component>:<cause>); docs: the doc id. */
function detailOf(risk: Risk): string | undefined {
  if (risk.kind === "recurring-incidents") {
    const count = /^(.*?): (\d+) /.exec(risk.title)?.[2];
    return `${risk.id.split(":").at(-1)}${count ? ` ×${count}` : ""}`;
  }
  if (risk.kind === "docs-stale") return risk.id.slice("docs-stale:".length);
  return undefined;
}
