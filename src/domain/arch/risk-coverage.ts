// Components without monitoring or backup, as declared or as delivered by done follow-up tasks.
import type { Change, Component, Manifest, TaskKind } from "../../model/files.js";
import { inScope, lower, severityFor, type Risk } from "./risk-types.js";

/** Kinds that hold data worth restoring; the manifest's followups.backup.kinds add to them. */
const STATEFUL_KINDS = ["vm", "hyperv-vm", "database", "postgresql", "mysql", "mssql", "oracle", "storage", "san", "nas", "file-share", "redis", "rabbitmq"];

/** Components a done task of this kind covers, with the task that did it ("CHG-0001/T2"). */
function deliveredBy(changes: readonly Change[], kind: TaskKind): Map<string, string> {
  const covered = new Map<string, string>();
  for (const change of changes) {
    for (const task of change.tasks ?? []) {
      if (task.kind !== kind || task.status !== "done") continue;
      for (const id of task.components ?? []) if (!covered.has(id)) covered.set(id, `${change.id}/${task.id}`);
    }
  }
  return covered;
}

export function withoutMonitoring(components: readonly Component[], changes: readonly Change[]): Risk[] {
  const delivered = deliveredBy(changes, "monitoring");
  const risks: Risk[] = [];
  for (const c of components) {
    if (!inScope(c) || c.monitored === true || delivered.has(c.id)) continue;
    const known = c.monitored === false;
    risks.push({
      id: `no-monitoring:${c.id}`,
      kind: "no-monitoring",
      severity: known ? severityFor(c.criticality) : lower(severityFor(c.criticality)),
      components: [c.id],
      title: known ? `${c.id} is not monitored` : `${c.id} has no declared monitoring`,
      argument:
        (known ? `${c.id} (${c.name}) is not monitored.` : `architecture.yaml does not say whether ${c.id} (${c.name}) is monitored, and no done monitoring task covers it.`) +
        ` Without monitoring a failure or a slow degradation (a disk filling up, a tunnel flapping) is found by users instead of by the duty engineers, and every minute of that delay counts against the resolution time.`,
      suggestion: `Ask the Monitoring group to add checks and alerts for ${c.id} (availability, and the resource it runs out of first), then set \`monitored: true\` in architecture.yaml.`,
      client: {
        title: known ? `${c.name} is not monitored` : `Monitoring of ${c.name} is not confirmed`,
        argument: `${known ? `${c.name} is not monitored.` : `We have no record that ${c.name} is monitored.`} Without monitoring a failure or a slow degradation (a disk filling up, a tunnel flapping) is found by users instead of by the duty engineers, and every minute of that delay counts against the resolution time.`,
        recommendation: `Add checks and alerts for ${c.name}: its availability, and the resource it runs out of first.`,
      },
      chore: `Once the Monitoring group has added the checks for ${c.id}, set \`monitored: true\` in architecture.yaml.`,
    });
  }
  return risks;
}

export function withoutBackup(components: readonly Component[], changes: readonly Change[], followups?: Manifest["followups"]): Risk[] {
  const stateful = new Set([...STATEFUL_KINDS, ...(followups?.backup?.kinds ?? [])]);
  const delivered = deliveredBy(changes, "backup");
  const risks: Risk[] = [];
  for (const c of components) {
    if (!inScope(c) || !stateful.has(c.kind) || c.backed_up === true || delivered.has(c.id)) continue;
    const known = c.backed_up === false;
    risks.push({
      id: `no-backup:${c.id}`,
      kind: "no-backup",
      severity: known ? severityFor(c.criticality) : lower(severityFor(c.criticality)),
      components: [c.id],
      title: known ? `${c.id} is not backed up` : `${c.id} has no declared backup`,
      argument:
        (known
          ? `${c.id} (${c.name}) holds data and is not backed up.`
          : `${c.id} (${c.name}) holds data, and architecture.yaml does not say whether it is backed up; no done backup task covers it.`) +
        ` Without a backup, a failed disk, a bad change or a deleted table cannot be undone, and rebuilding takes far longer than a restore.`,
      suggestion: `Ask the Backup group for a backup job for ${c.id} with an agreed retention and a test restore, then set \`backed_up: true\` in architecture.yaml (if ${c.id} is deliberately not backed up, record who decided it and how its data is rebuilt).`,
      client: {
        title: known ? `${c.name} is not backed up` : `A backup of ${c.name} is not confirmed`,
        argument: `${known ? `${c.name} holds data and is not backed up.` : `${c.name} holds data, and we have no record of a backup of it.`} Without a backup, a failed disk, a bad change or a deleted table cannot be undone, and rebuilding takes far longer than a restore.`,
        recommendation: `Back up ${c.name} with an agreed retention and a tested restore; if it is deliberately not backed up, agree how its data would be rebuilt.`,
      },
      chore: `Once the Backup group runs the job for ${c.id} (or the decision not to back it up is recorded), set \`backed_up\` in architecture.yaml.`,
      rule: "insurance",
    });
  }
  return risks;
}
