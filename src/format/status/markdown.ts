// tam status as markdown, for a status mail or a meeting.
import type { StatusReport } from "../../domain/tracking/status.js";
import { markdownTable } from "../markdown-table.js";
import { markdownEscape } from "../text.js";
import { untoldLine } from "./untold.js";
import { changeCells, CHANGE_HEADERS, escalationLines, meetingActionLines, reviewLines, taskLine, updateLines } from "./view.js";

export function formatMarkdown(report: StatusReport): string {
  const scope = [report.department ? `department ${report.department}` : "", report.assignee ? `assigned to ${report.assignee}` : ""].filter(Boolean).join(", ");
  const lines = [`## Open changes as of ${report.today}${scope ? ` (${markdownEscape(scope)})` : ""}`, ""];
  if (!report.changes.length) return `${[...lines, "No open changes.", ...reviewSection(report)].join("\n")}\n`;
  lines.push(
    ...markdownTable(
      CHANGE_HEADERS,
      report.changes.map((c) => changeCells(c, (text) => `**${text}**`, markdownEscape)),
    ),
  );
  for (const d of report.departments) {
    lines.push("", `### ${markdownEscape(d.department)}: ${d.done}/${d.total} done${d.capacity !== null ? ` (capacity ${d.capacity})` : ""}`, "");
    const group = (title: string, refs: typeof d.startNow) => {
      for (const t of refs) lines.push(`- ${title}: ${taskLine(t, markdownEscape)}`);
    };
    group("start now", d.startNow);
    group("in progress", d.inProgress);
    group("blocked", d.blocked);
    group("queued", d.queued);
  }
  if (report.findings.length) {
    lines.push("", "### Signals", "");
    for (const f of report.findings) lines.push(`- **${f.severity}** \`${f.code}\` ${markdownEscape(f.message)}`);
  }
  const untold = report.changes.filter((c) => c.untold.length);
  if (untold.length) lines.push("", "### Not told to the client yet", "", ...untold.map((c) => `- ${markdownEscape(untoldLine(c))}`));
  lines.push(...reviewSection(report));
  return `${lines.join("\n")}\n`;
}

function reviewSection(report: StatusReport): string[] {
  const updates = updateLines(report, markdownEscape);
  const escalations = escalationLines(report, markdownEscape, (text) => `**${text}**`);
  const lines = escalations.length ? ["", "### Escalations", "", ...escalations.map((l) => `- ${l}`)] : [];
  if (updates.length) lines.push("", "### Client updates overdue", "", ...updates.map((l) => `- ${l}`));
  const promises = meetingActionLines(report, markdownEscape, (text) => `**${text}**`);
  if (promises.length) lines.push("", "### Meeting action items overdue", "");
  for (const o of promises) for (const l of o.lines) lines.push(`- ${markdownEscape(o.owner)}: ${l}`);
  const { due, owners } = reviewLines(report.reviews, markdownEscape, (text) => `**${text}**`);
  if (!due.length && !owners.length) return lines;
  lines.push("", "### Post-incident reviews", "");
  for (const l of due) lines.push(`- review to hold: ${l}`);
  for (const o of owners) for (const l of o.lines) lines.push(`- ${markdownEscape(o.owner)}: ${l}`);
  return lines;
}
