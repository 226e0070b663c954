// "Two of everything": single points of failure.
import type { Component } from "../../model/files.js";
import { directDependents, transitiveDependents } from "./graph.js";
import { higher, inScope, listSome, nameOf, severityFor, type Risk, type RiskSeverity } from "./risk-types.js";

/** A component this many others rely on (directly or not) must not stand alone. */
const MANY_DEPENDENTS = 3;

/** Dependents counted and named per component: past this, "more than 200" (keeps the audit linear in practice). */
const DEPENDENTS_COUNTED = 200;

/**
 * The worst criticality among all components that depend on each one, directly or not: one
 * iterative post-order pass over the reversed graph, O(V + E) (a cycle contributes what is known
 * when it closes; validation reports cycles).
 */
function worstDependentSeverity(components: readonly Component[]): Map<string, RiskSeverity> {
  const direct = directDependents(components);
  const own = new Map(components.map((c) => [c.id, severityFor(c.criticality)]));
  const worst = new Map<string, RiskSeverity>();
  for (const root of components) {
    if (worst.has(root.id)) continue;
    worst.set(root.id, "low");
    const frames: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const children = direct.get(frame.id) ?? [];
      if (frame.next < children.length) {
        const child = children[frame.next++]!;
        if (!worst.has(child)) {
          worst.set(child, "low");
          frames.push({ id: child, next: 0 });
        }
        continue;
      }
      let value: RiskSeverity = "low";
      for (const child of children) value = higher(value, higher(own.get(child) ?? "low", worst.get(child) ?? "low"));
      worst.set(frame.id, value);
      frames.pop();
    }
  }
  return worst;
}

export function singlePointsOfFailure(components: readonly Component[]): Risk[] {
  const dependents = transitiveDependents(components, DEPENDENTS_COUNTED);
  const worstBelow = worstDependentSeverity(components);
  const byId = new Map(components.map((c) => [c.id, c]));
  const risks: Risk[] = [];
  for (const c of components) {
    if (!inScope(c)) continue;
    const declared = typeof c.instances === "number";
    const instances = declared ? c.instances! : 1;
    if (instances >= 2) continue;
    const relying = dependents.get(c.id) ?? [];
    const important = c.criticality === "critical" || c.criticality === "high";
    // An explicit single instance is named whatever its criticality; an undeclared one only when it matters.
    const single = declared || important;
    const many = relying.length >= MANY_DEPENDENTS;
    if (!single && !many) continue;

    let severity: RiskSeverity = severityFor(c.criticality);
    if (many) {
      const worstDependent = worstBelow.get(c.id) ?? "low";
      severity = higher(severity, higher(worstDependent, "medium"));
    }
    // Undeclared is unknown, not known-missing: ask to declare it rather than alarm.
    if (!declared) severity = many ? "medium" : "low";

    const reasons: string[] = [];
    reasons.push(
      declared
        ? `${c.id} (${c.name}) runs as a single instance${c.criticality ? ` and its criticality is ${c.criticality}` : ""}.`
        : `architecture.yaml does not say how many instances ${c.id} (${c.name}) has, so we assume one${c.criticality ? ` (its criticality is ${c.criticality}; the risk stays ${severity} until the count is declared)` : ""}.`,
    );
    if (relying.length > 0) {
      const count = relying.length > DEPENDENTS_COUNTED ? `More than ${DEPENDENTS_COUNTED} components depend` : relying.length === 1 ? "1 component depends" : `${relying.length} components depend`;
      reasons.push(
        `${count} on it directly or indirectly (${listSome(relying.slice(0, DEPENDENTS_COUNTED))}): one failure of ${c.id} stops ${relying.length === 1 ? "it too" : "all of them"} until it is repaired or restored.`,
      );
    } else {
      reasons.push(`If it fails, what it provides is unavailable until it is repaired or restored.`);
    }
    const clientReasons = [
      declared ? `${c.name} runs as a single instance.` : `As far as we know, ${c.name} runs as a single instance.`,
      relying.length > 0
        ? `${relying.length === 1 ? "1 other component relies" : relying.length > DEPENDENTS_COUNTED ? `More than ${DEPENDENTS_COUNTED} other components rely` : `${relying.length} other components rely`} on it (${listSome(
            relying.slice(0, DEPENDENTS_COUNTED).map((id) => nameOf(byId, id)),
            4,
          )}): one failure stops ${relying.length === 1 ? "it too" : "all of them"} until it is repaired or restored.`
        : `If it fails, what it provides is unavailable until it is repaired or restored.`,
    ];
    risks.push({
      id: `spof:${c.id}`,
      kind: "single-point-of-failure",
      severity,
      components: [c.id],
      title: declared ? `${c.id} is a single point of failure` : `${c.id} may be a single point of failure (instances not declared)`,
      argument: reasons.join(" "),
      suggestion: `${redundancyFor(c.kind)}${declared ? "" : ` If it is already redundant, record \`instances\` in architecture.yaml.`}`,
      client: { title: `${c.name} is a single point of failure`, argument: clientReasons.join(" "), recommendation: redundancyFor(c.kind) },
      rule: "two-of-everything",
      ...(declared ? {} : { chore: `If ${c.id} is already redundant, record \`instances\` in architecture.yaml.` }),
    });
  }
  return risks;
}

/** What "a second one" means for a kind of component. */
function redundancyFor(kind: string): string {
  if (["postgresql", "mysql", "mssql", "oracle", "database", "redis"].includes(kind)) return "Add a replica (standby) with tested failover, so the service survives the loss of one database server.";
  if (["vm", "hyperv-vm"].includes(kind)) return "Run a second VM (active/active behind a balancer, or a standby) on another host, so one VM or guest failure does not stop the service.";
  if (["san", "nas", "storage", "file-share"].includes(kind)) return "Add a second array or a replicated copy in another chassis, so one storage failure does not take the data offline.";
  if (["network", "vlan", "firewall", "load-balancer", "vpn", "ddos-protection", "waf"].includes(kind)) return "Add a redundant peer (a second device, link or path) with automatic failover.";
  return "Add a redundant peer (a second instance with failover), so one failure does not stop the service.";
}
