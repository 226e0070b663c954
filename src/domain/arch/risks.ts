// The architecture risk audit: everything a TAM should raise with the client before it hurts.
import { missingDocs, staleDocs } from "./risk-docs.js";
import { withoutBackup, withoutMonitoring } from "./risk-coverage.js";
import { recurringIncidents } from "./risk-incidents.js";
import { singlePointsOfFailure } from "./risk-spof.js";
import { SEVERITY_ORDER, type Risk, type RiskInput } from "./risk-types.js";

export type { DocState, Risk, RiskInput, RiskKind, RiskSeverity } from "./risk-types.js";

/** Every risk, sorted by severity (high first), then id. Pure: same input, same output. */
export function assessRisks(input: RiskInput): Risk[] {
  // A decommissioned component is no longer part of the landscape: it carries no risk.
  const components = input.components.filter((c) => !c.decommissioned);
  const { changes } = input;
  const risks = [
    ...singlePointsOfFailure(components),
    ...withoutMonitoring(components, changes),
    ...withoutBackup(components, changes, input.followups),
    ...recurringIncidents(components, input.incidents, input.today),
    ...(input.docs ? missingDocs(components, input.docs) : []),
    ...(input.docStates ? staleDocs(components, input.docStates) : []),
  ];
  return risks.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function countBySeverity(risks: readonly Risk[]): Record<Risk["severity"], number> {
  const counts = { high: 0, medium: 0, low: 0 };
  for (const risk of risks) counts[risk.severity]++;
  return counts;
}
