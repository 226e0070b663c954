// The plan as markdown, for a ticket or a client meeting.
import { markdownEscape } from "../text.js";
import { criticalPathText, diffText, dueText, paddedText, planLine, proposalTasks, rows, slackText, stateText } from "./shared.js";
import type { PlanReport } from "./types.js";

export function formatMarkdown(report: PlanReport): string {
  const { plan } = report;
  const e = plan.estimates;
  const lines = [
    `## ${plan.changeId}: ${markdownEscape(plan.title)}`,
    "",
    `- Status: ${plan.status}`,
    `- ${plan.record ? "Recorded" : "Forecast"}: ${planLine(plan)}`,
    `- Critical path: ${criticalPathText(plan)}`,
  ];
  if (!plan.record || e.fromBaseline)
    lines.push(
      `- Internal date (×${e.internalFactor}${e.fromBaseline ? ", as promised" : ""}): ${e.fromBaseline ? "" : `${paddedText(e.internalDays, e.internalWork)}, `}until ${e.internalDate}`,
      `- Client promise (×${e.clientFactor}${e.fromBaseline ? ", as promised" : ""}): ${e.fromBaseline ? "" : `${paddedText(e.clientDays, e.clientWork)}, `}until **${e.clientDate}**`,
    );
  const due = dueText(plan);
  if (due) lines.push(`- ${due[0]!.toUpperCase()}${due.slice(1)}`);
  lines.push(`- Backout order: ${plan.backoutOrder.join(", ") || "none"}`);
  lines.push("", "| Wave | Task | Title | Department | Components | After | Estimate | State | Start | Finish | Slack | Critical |", "|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const { task, timing } of rows(plan)) {
    lines.push(
      `| ${timing.wave} | ${task.id} | ${markdownEscape(task.title)} | ${markdownEscape(task.department)} | ${task.components.map(markdownEscape).join(", ")} | ${task.after.join(", ")} | ${timing.estimate} | ${stateText(timing)} | ${timing.startDate ?? "-"} | ${timing.dateOpen && timing.finishDate ? `≥ ${timing.finishDate} (open)` : (timing.finishDate ?? "-")} | ${slackText(timing)} | ${timing.critical ? "yes" : ""} |`,
    );
  }
  lines.push("", "### Rollback", "", plan.rollback ? markdownEscape(plan.rollback.trim()) : "_No rollback plan written._");
  if (plan.findings.length) {
    lines.push("", "### Findings", "");
    for (const f of plan.findings) lines.push(`- **${f.severity}** \`${f.code}\` ${markdownEscape(f.message)} (${f.file}${f.line ? `:${f.line}` : ""})`);
  }
  lines.push("", `_${markdownEscape(diffText(report))}_`);
  if (report.proposal) for (const t of proposalTasks(report.proposal)) lines.push(`- ${t.sign === "+" ? "adds" : "removes"} ${t.id} ${markdownEscape(t.title)} (${markdownEscape(t.detail)})`);
  return `${lines.join("\n")}\n`;
}
