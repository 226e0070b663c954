// Stable JSON shape: { version: 1, asOf, summary, docStatesChecked, risks[] }. docs/commands/arch.md documents it.
import type { RisksResult } from "./types.js";

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
    })),
  };
  return `${JSON.stringify(shape, null, 2)}\n`;
}
