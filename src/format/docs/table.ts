// Default terminal output: one row per document with every reason, then coverage and a summary.
import { Chalk } from "chalk";
import Table from "cli-table3";
import type { DocState } from "../../domain/freshness/types.js";
import type { FormatOptions } from "../registry.js";
import { terminalSafe } from "../text.js";
import { criticalityText, reviewedText, summaryLine } from "./summary.js";
import type { DocsCheckResult } from "./types.js";

/** Below this terminal width the reasons column is not wrapped: a narrow table helps nobody. */
const MIN_WRAP_WIDTH = 80;

export function formatTable(result: DocsCheckResult, options: FormatOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<DocState, (text: string) => string> = { fresh: chalk.green, due: chalk.yellow, stale: chalk.red, broken: chalk.bgRed.white };
  const { report } = result;
  const lines: string[] = [];

  if (report.docs.length) {
    const wrap = options.width !== undefined && options.width >= MIN_WRAP_WIDTH;
    const table = new Table({
      head: ["doc", "state", "owner", "last review", "next due", "why"],
      style: { head: options.color ? ["bold"] : [], border: options.color ? ["grey"] : [] },
      ...(wrap ? { wordWrap: true, colWidths: [null, null, null, null, null, Math.max(30, options.width! - 80)] } : {}),
    });
    for (const doc of report.docs) {
      table.push([
        terminalSafe(doc.id),
        paint[doc.state](doc.state),
        terminalSafe(doc.owner),
        terminalSafe(reviewedText(doc)),
        doc.dueDate ?? "-",
        doc.reasons.map((reason) => terminalSafe(reason.severity === "note" ? `note: ${reason.message}` : reason.message)).join("\n"),
      ]);
    }
    lines.push(table.toString());
  } else {
    lines.push(result.owner === null ? "No documents in docs.yaml." : `No documents owned by ${terminalSafe(result.owner)}.`);
  }

  const { uncovered, unknown } = report.coverage;
  if (uncovered.length) {
    lines.push("", `Components no doc covers (${uncovered.length}):`);
    for (const component of uncovered) lines.push(`  ${terminalSafe(component.id)}  ${criticalityText(component.criticality)}  ${terminalSafe(component.name)}`);
  }
  if (unknown.length) {
    lines.push("", `Docs covering unknown components (${unknown.length}):`);
    for (const entry of unknown) lines.push(`  ${terminalSafe(entry.doc)} -> ${terminalSafe(entry.component)}`);
  }
  lines.push("", result.failed ? chalk.red(summaryLine(result)) : summaryLine(result));
  return `${lines.join("\n")}\n`;
}
