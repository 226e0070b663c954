// "Erring is normal, erring twice the same way is not": the same cause on the same component.
import type { CauseCategory, Component, Incident } from "../../model/files.js";
import { addDays } from "../dates.js";
import { inScope, type Risk } from "./risk-types.js";

export const RECURRENCE_WINDOW_DAYS = 180;
const RECURRENCE_MIN = 2;

const REMEDY: Record<CauseCategory, string> = {
  capacity: "Plan capacity: add headroom now, alert on the growth trend well before the limit, and put the clean-up procedure in the runbook.",
  configuration: "Review the configuration and put it under change control (a peer-reviewed change and a documented target state), so the same setting is not broken again.",
  hardware: "Replace the failing hardware and add a redundant peer, so the next failure is not an outage.",
  software: "Find the defect with the vendor or the developers and schedule the upgrade or patch as a change; until then, document the workaround in the runbook.",
  "human-error": "Review the procedure: a checklist or automation for the step that went wrong, and a runbook update so the next engineer does not repeat it.",
  network: "Review the network path: a redundant link or path, and alerts on latency and loss, not only on link state.",
  vendor: "Escalate with the vendor (a case and a fix date), and agree a workaround in the meantime.",
  security: "Review the protection with the Cyber-defence center: tune the DDoS/WAF profiles and alerting for this pattern before it succeeds.",
  external: "Agree with the third party on how the problem is prevented and announced, and consider an alternative path that does not depend on them.",
  unknown: "Complete the root-cause analysis of these incidents; a cause nobody knows will come back.",
};

/** What the repetition tells, in the cause's own terms. */
const CONSEQUENCE: Record<CauseCategory, string> = {
  capacity: "The resource keeps running out: the growth was absorbed each time, never planned for, and the next peak will find the same limit.",
  configuration: "The same kind of setting broke again: the fix was made by hand and the target state is written nowhere a change is checked against.",
  hardware: "The same hardware failed again: until it is replaced or doubled, each failure is an outage.",
  software: "The same defect came back: the workaround holds until the next restart or load peak, the fix is not in yet.",
  "human-error": "The same step went wrong again: the procedure, not the engineer, is what lets it happen.",
  network: "The same path failed again: it is a single route, and its trouble is seen only when it is down.",
  vendor: "The same vendor problem returned: without a fix date from the vendor it will keep returning.",
  security: "Repeated probing means someone is testing the defences on purpose; each attempt that is only absorbed teaches the attacker more, and the next one may succeed.",
  external: "The same third party failed again: the service depends on something outside our and your control.",
  unknown: "The cause is still not known, so nothing stops it from coming back.",
};

export function recurringIncidents(components: readonly Component[], incidents: readonly Incident[], today: string): Risk[] {
  const since = addDays(today, -RECURRENCE_WINDOW_DAYS);
  const byId = new Map(components.map((c) => [c.id, c]));
  const groups = new Map<string, { component: string; category: CauseCategory; hits: Incident[] }>();
  for (const incident of incidents) {
    const category = incident.cause?.category;
    // No cause or an unknown one cannot be "the same mistake".
    if (!category || category === "unknown") continue;
    const day = openedDay(incident);
    if (day <= since || day > today) continue;
    for (const component of new Set(incident.components ?? [])) {
      const key = `${component}:${category}`;
      const group = groups.get(key) ?? { component, category, hits: [] };
      group.hits.push(incident);
      groups.set(key, group);
    }
  }
  const risks: Risk[] = [];
  for (const [key, { component, category, hits }] of groups) {
    const c = byId.get(component);
    if (hits.length < RECURRENCE_MIN || (c && !inScope(c))) continue;
    hits.sort((a, b) => (openedDay(a) < openedDay(b) ? -1 : openedDay(a) > openedDay(b) ? 1 : a.id < b.id ? -1 : 1));
    const list = hits.map((i) => `${i.id} (${openedDay(i)}, ${i.priority})`).join(", ");
    const p1 = hits.some((i) => i.priority === "P1");
    risks.push({
      id: `recurring:${key}`,
      kind: "recurring-incidents",
      severity: hits.length >= 3 || p1 ? "high" : "medium",
      components: [component],
      title: `${component}: ${hits.length} ${category} incidents in ${RECURRENCE_WINDOW_DAYS} days`,
      argument: `${component}${c ? ` (${c.name})` : ""} had ${hits.length} incidents with the same cause (${category}) in the last ${RECURRENCE_WINDOW_DAYS} days: ${list}. ${CONSEQUENCE[category]}`,
      suggestion: REMEDY[category],
      client: {
        title: `${c?.name ?? component}: ${hits.length} ${category} incidents in ${RECURRENCE_WINDOW_DAYS} days`,
        argument: `${c?.name ?? component} had ${hits.length} incidents with the same cause (${category}) in the last ${RECURRENCE_WINDOW_DAYS} days: ${list}. ${CONSEQUENCE[category]}`,
        recommendation: REMEDY[category],
      },
      rule: "never-twice",
    });
  }
  return risks;
}

/** The calendar day the incident was opened, as written (the local date of whoever wrote it). */
function openedDay(incident: Incident): string {
  return incident.opened.slice(0, 10);
}
