// A section for a client-meeting report or a pull-request comment.
import { markdownEscape } from "../text.js";
import { criticalityText, reviewedText, summaryLine } from "./summary.js";
import type { CheckDocsResult } from "./types.js";

export function formatMarkdown(result: CheckDocsResult): string {
  const { report } = result;
  const lines = [`## Documentation freshness`, "", `${summaryLine(result, markdownEscape)}.`, ""];
  if (!report.history.available) lines.push(`> No git history (${markdownEscape(report.history.reason ?? "")}): only review intervals and change records were used.`, "");
  if (report.docs.length) {
    lines.push("| Doc | State | Owner | Last review | Next due | Why |", "|---|---|---|---|---|---|");
    for (const doc of report.docs) {
      const why = doc.reasons.map((reason) => markdownEscape(reason.severity === "note" ? `note: ${reason.message}` : reason.message)).join("<br>");
      const title = `**${markdownEscape(doc.id)}** ${markdownEscape(doc.title)}`;
      lines.push(`| ${title} | ${doc.state} | ${markdownEscape(doc.owner)} | ${markdownEscape(reviewedText(doc))} | ${doc.dueDate ?? "-"} | ${why} |`);
    }
    lines.push("");
  }
  const { uncovered, unknown } = report.coverage;
  if (uncovered.length) {
    lines.push(`### Components no doc covers (${uncovered.length})`, "");
    for (const component of uncovered) lines.push(`- \`${component.id}\` ${markdownEscape(component.name)} (${criticalityText(component.criticality)})`);
    lines.push("");
  }
  if (unknown.length) {
    lines.push(`### Docs covering unknown components (${unknown.length})`, "");
    for (const entry of unknown) lines.push(`- ${markdownEscape(entry.doc)} covers unknown \`${entry.component.replace(/`/g, "")}\``);
    lines.push("");
  }
  return `${lines.join("\n")}`;
}
