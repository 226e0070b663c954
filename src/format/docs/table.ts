// Default terminal output: one row per document with every reason, then coverage and a summary.
import { Chalk } from "chalk";
import type { DocState } from "../../domain/freshness/types.js";
import type { FormatOptions } from "../registry.js";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";
import { criticalityText, reviewedText, summaryLine } from "./summary.js";
import type { CheckDocsResult } from "./types.js";

/**
 * Width assumed when the output is not a terminal (files, CI logs): the reasons are prose, so
 * they wrap at a readable width that is the same everywhere instead of running on.
 */
const DEFAULT_WIDTH = 160;

export function formatTable(result: CheckDocsResult, options: FormatOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<DocState, (text: string) => string> = { fresh: chalk.green, due: chalk.yellow, stale: chalk.red, broken: chalk.bgRed.white };
  const { report } = result;
  const lines: string[] = [];

  if (report.docs.length) {
    const head = ["doc", "state", "owner", "last review", "next due", "why"];
    const rows = report.docs.map((doc) => [
      terminalSafe(doc.id),
      doc.state,
      terminalSafe(doc.owner),
      terminalSafe(reviewedText(doc)),
      doc.dueDate ?? "-",
      doc.reasons.map((reason) => terminalSafe(reason.severity === "note" ? `note: ${reason.message}` : reason.message)).join("\n"),
    ]);
    const painted = report.docs.map((doc, index) => rows[index]!.map((cell, column) => (column === 1 ? paint[doc.state](cell) : cell)));
    lines.push(fittedTable(head, painted, options.width ?? DEFAULT_WIDTH, { boldHead: options.color, greyBorders: options.color }));
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
  return fitText(`${lines.join("\n")}\n`, options.width);
}
