// Use case: the proactive audit of the landscape, each risk argued (tam arch risks).
import { assessRisks, countBySeverity } from "../domain/arch/risks.js";
import type { Risk } from "../domain/arch/risk-types.js";
import { recordLines, riskRecords, type RecordLine } from "../domain/recommendations/register.js";
import type { ClockOptions, ProjectOptions } from "./context.js";
import { openForDocs } from "./docs-valid.js";
import { assessProjectFreshness } from "./freshness-facts.js";

export interface ArchRisksResult {
  asOf: string;
  risks: Risk[];
  counts: ReturnType<typeof countBySeverity>;
  /** Whether documentation freshness was part of the audit. */
  docStatesChecked: boolean;
  /** What recommendations.yaml has on record for a risk, by risk id (only risks found now). */
  records: Record<string, RecordLine>;
  /** Notes for the user, e.g. that there is no git history. */
  warnings: string[];
}

export async function archRisks(options: ProjectOptions & ClockOptions): Promise<ArchRisksResult> {
  // The audit reads no meeting minutes: meetings.yaml is not read (nor checked), as docs check reads only what it uses.
  const { project, clock } = openForDocs(options, ["departments", "architecture", "changes", "incidents", "docs", "recommendations"]);
  // Only each doc's state and what it covers are read: no doc is located in docs.yaml.
  const freshness = await assessProjectFreshness(project, clock, { sources: false });
  const risks = assessRisks({
    components: project.components,
    departments: project.departments,
    changes: project.changes,
    incidents: project.incidents,
    docs: project.docs,
    docStates: freshness.report.docs.map((doc) => ({ docId: doc.id, state: doc.state, covers: doc.covers })),
    followups: project.manifest?.followups,
    today: clock.today,
  });
  const onRecord = riskRecords(recordLines(project.recommendations, project.changes, clock.today));
  const records = Object.fromEntries(risks.flatMap((r) => (onRecord.has(r.id) ? [[r.id, onRecord.get(r.id)!]] : [])));
  return { asOf: clock.today, risks, counts: countBySeverity(risks), records, docStatesChecked: true, warnings: freshness.warnings };
}
