// Terminal table (cli-table3): severity, risk, why, proposed change; wrapped to the terminal width.
import { Chalk } from "chalk";
import Table from "cli-table3";
import { terminalSafe } from "../text.js";
import type { FormatOptions } from "../registry.js";
import type { RisksResult } from "./types.js";

export function formatRisksTable(result: RisksResult, options: FormatOptions): string {
  const { high, medium, low } = result.counts;
  const summary = `${result.risks.length} risk(s) as of ${result.asOf}: ${high} high, ${medium} medium, ${low} low`;
  if (result.risks.length === 0) return `No architecture risks found as of ${result.asOf}.\n`;
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const colour = { high: paint.red.bold, medium: paint.yellow, low: paint.dim };
  const width = Math.max(options.width ?? 120, 80);
  // Fixed columns for severity and id; the rest shared by the argument and the suggestion.
  const idWidth = Math.min(40, Math.max(20, ...result.risks.map((r) => r.id.length + 2)));
  const fixed = [10, idWidth];
  const free = width - fixed.reduce((a, b) => a + b, 0) - 5 * 3;
  const argument = Math.floor(free * 0.55);
  const table = new Table({
    head: ["severity", "risk", "why it matters", "proposed change"],
    colWidths: [...fixed, argument, free - argument],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  for (const risk of result.risks) {
    table.push([colour[risk.severity](risk.severity), terminalSafe(`${risk.id}\n${risk.title}`), terminalSafe(risk.argument), terminalSafe(risk.suggestion)]);
  }
  const note = result.docStatesChecked ? "" : "\n(documentation freshness not checked)";
  return `${table.toString()}\n${summary}${note}\n`;
}
