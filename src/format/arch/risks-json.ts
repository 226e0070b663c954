// Stable JSON shape: { version: 1, asOf, summary, docStatesChecked, risks[], rules }. docs/commands/arch.md documents it.
import type { RisksResult } from "./types.js";
import { jsonText } from "../text.js";
import { RULES } from "../../domain/arch/rules.js";

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
    })),
    rules: Object.fromEntries([...new Set(result.risks.flatMap((r) => (r.rule ? [r.rule] : [])))].sort().map((rule) => [rule, RULES[rule].internal])),
  };
  return jsonText(shape);
}
