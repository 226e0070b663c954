// Terminal table (cli-table3): severity, risk, why, proposed change; wrapped to the terminal width.
import { Chalk } from "chalk";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";
import type { FormatOptions } from "../registry.js";
import type { RisksResult } from "./types.js";
import { count } from "../../util/plural.js";

export function formatRisksTable(result: RisksResult, options: FormatOptions): string {
  const { high, medium, low } = result.counts;
  const summary = `${count(result.risks.length, "risk")} as of ${result.asOf}: ${high} high, ${medium} medium, ${low} low`;
  if (result.risks.length === 0) return `No architecture risks found as of ${result.asOf}.\n`;
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const colour = { high: paint.red.bold, medium: paint.yellow, low: paint.dim };
  // Arguments are prose: off a terminal they wrap at a readable width rather than run on.
  const width = Math.max(options.width ?? 120, 80);
  const rows = result.risks.map((risk) => [colour[risk.severity](risk.severity), terminalSafe(`${risk.id}\n${risk.title}`), terminalSafe(risk.argument), terminalSafe(risk.suggestion)]);
  const table = fittedTable(["severity", "risk", "why it matters", "proposed change"], rows, width, { style: { head: [], border: [] }, stackTitle: ["risk"] });
  const note = result.docStatesChecked ? "" : "\n(documentation freshness not checked)";
  return fitText(`${table}\n${summary}${note}\n`, options.width);
}
