import type { ArchGraph } from "../../domain/arch/graph.js";
import type { Risk, RiskSeverity } from "../../domain/arch/risks.js";
import type { RecordLine } from "../../domain/recommendations/register.js";

export type { ArchGraph } from "../../domain/arch/graph.js";

export interface RisksResult {
  /** The day the audit was made (YYYY-MM-DD). */
  asOf: string;
  risks: Risk[];
  counts: Record<RiskSeverity, number>;
  /** Whether the doc freshness states were part of the audit. */
  docStatesChecked: boolean;
  /** What recommendations.yaml has on record for a risk, by risk id. */
  records?: Record<string, RecordLine>;
}

export type GraphResult = ArchGraph;
