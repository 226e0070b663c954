// What a risk is: a named, argued, actionable finding for the client.
import type { Change, Component, Criticality, Department, DocEntry, Incident, Manifest } from "../../model/files.js";
import type { RuleId } from "./rules.js";

export type RiskKind = "single-point-of-failure" | "no-monitoring" | "no-backup" | "recurring-incidents" | "docs-stale" | "docs-missing";

export type RiskSeverity = "high" | "medium" | "low";

export interface Risk {
  /** Stable id, e.g. "spof:shop-pg", "recurring:shop-pg:capacity". */
  id: string;
  kind: RiskKind;
  severity: RiskSeverity;
  /** Component ids concerned, sorted. */
  components: string[];
  /** One line, for tables: what the risk is. */
  title: string;
  /** Plain language, for a client: why it matters. */
  argument: string;
  /** The proposed change (for the TAM: the recommendation and the bookkeeping in the project files). */
  suggestion: string;
  /**
   * The same risk as the client reads it: components by name, no file names or fields, the
   * recommendation without the bookkeeping. Absent for the TAM's own housekeeping (documentation).
   */
  client?: ClientRisk;
  /** The bookkeeping in the project files once the recommendation is done (internal follow-up). */
  chore?: string;
  /** The rule of the trade the risk argues from; its text is quoted once per output, not in `argument`. */
  rule?: RuleId;
}

export interface ClientRisk {
  title: string;
  argument: string;
  recommendation: string;
}

/** "Database VM db-01" for a component id, the id itself when the component is unknown. */
export function nameOf(byId: ReadonlyMap<string, Component>, id: string): string {
  return byId.get(id)?.name ?? id;
}

/** A doc's freshness as computed by the docs module. */
export interface DocState {
  docId: string;
  state: "fresh" | "due" | "stale" | "broken";
  covers: string[];
}

export interface RiskInput {
  components: readonly Component[];
  departments: readonly Department[];
  changes: readonly Change[];
  incidents: readonly Incident[];
  /** docs.yaml entries; without them no docs-missing risks are reported. */
  docs?: readonly DocEntry[];
  /** Without them no docs-stale risks are reported. */
  docStates?: readonly DocState[];
  /** The manifest's follow-up rules: `backup.kinds` widens the stateful kinds. */
  followups?: Manifest["followups"];
  /** YYYY-MM-DD, the day the assessment is made. */
  today: string;
}

export const SEVERITY_ORDER: Record<RiskSeverity, number> = { high: 0, medium: 1, low: 2 };

/** The severity a problem on a component of this criticality deserves. */
export function severityFor(criticality: Criticality | undefined): RiskSeverity {
  if (criticality === "critical" || criticality === "high") return "high";
  if (criticality === "medium") return "medium";
  return "low";
}

/** One step lower: for what is unknown rather than known to be missing. */
export function lower(severity: RiskSeverity): RiskSeverity {
  return severity === "high" ? "medium" : "low";
}

export function higher(a: RiskSeverity, b: RiskSeverity): RiskSeverity {
  return SEVERITY_ORDER[a] <= SEVERITY_ORDER[b] ? a : b;
}

/** "a, b, c and 4 more". */
export function listSome(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : (items[0] ?? "");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** Production-like components only: a single test VM is not a risk to argue with a client. */
export function inScope(component: Component): boolean {
  return component.environment !== "test" && component.environment !== "development";
}
