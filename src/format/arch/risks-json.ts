// Stable JSON shape: { version: 1, asOf, summary, docStatesChecked, risks[], rules }. docs/commands/arch.md documents it.
import type { RisksResult } from "./types.js";
import type { RecordLine } from "../../domain/recommendations/register.js";
import { jsonText } from "../text.js";
import { RULES } from "../../domain/arch/rules.js";

/** What recommendations.yaml has on record for the risk, or null. */
function recordJson(line: RecordLine | undefined) {
  if (!line) return null;
  return { recommendation: line.recommendation, state: line.state, text: line.text, change: line.change?.id ?? null, acceptedBy: line.acceptedBy, review: line.review };
}

export function formatRisksJson(result: RisksResult): string {
  const shape = {
    version: 1,
    asOf: result.asOf,
    summary: result.counts,
    docStatesChecked: result.docStatesChecked,
    risks: result.risks.map((r) => ({
      id: r.id,
      kind: r.kind,
      severity: r.severity,
      components: r.components,
      title: r.title,
      argument: r.argument,
      suggestion: r.suggestion,
      rule: r.rule ?? null,
      record: recordJson(result.records?.[r.id]),
    })),
    rules: Object.fromEntries([...new Set(result.risks.flatMap((r) => (r.rule ? [r.rule] : [])))].sort().map((rule) => [rule, RULES[rule].internal])),
  };
  return jsonText(shape);
}
