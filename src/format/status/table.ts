// tam status for a terminal: one line per open change (forecast vs due vs promise), then each
// department's plate (start now, queued, in progress, blocked), then the schedule's signals.
import { Chalk } from "chalk";
import type { DepartmentStatus, StatusReport, TaskRef } from "../../domain/tracking/status.js";
import type { FormatOptions } from "../registry.js";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";
import { untoldLine } from "./untold.js";
import { changeCells, CHANGE_HEADERS, escalationLines, meetingActionLines, reviewLines, taskLine, updateLines } from "./view.js";

export function formatTable(report: StatusReport, options: FormatOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const scope = [report.department ? `department ${report.department}` : "", report.assignee ? `assigned to ${report.assignee}` : ""].filter(Boolean).join(", ");
  const lines: string[] = [chalk.bold(`Open changes as of ${report.today}${scope ? `, ${terminalSafe(scope)}` : ""}`)];
  if (!report.changes.length) return fitText(`${[lines[0], "no open changes", ...reviewSection(report, chalk)].join("\n")}\n`, options.width);
  const rows = report.changes.map((c) => changeCells(c, (text) => chalk.red(text), terminalSafe));
  lines.push(fittedTable(CHANGE_HEADERS, rows, options.width, { boldHead: options.color, rowRules: false }));
  lines.push("", chalk.bold("By department"));
  if (!report.departments.length) lines.push("  nothing open");
  for (const d of report.departments) lines.push(...departmentLines(d, terminalSafe));
  if (report.findings.length) {
    lines.push("", chalk.bold("Signals"));
    for (const f of report.findings) lines.push(`  ${f.severity === "error" ? chalk.red(f.severity) : f.severity} ${f.code}: ${terminalSafe(f.message)}`);
  }
  const untold = report.changes.filter((c) => c.untold.length);
  if (untold.length) {
    lines.push("", chalk.bold("Not told to the client yet"));
    for (const c of untold) lines.push(chalk.red(`  ${untoldLine(c)}`));
  }
  lines.push(...reviewSection(report, chalk));
  return fitText(`${lines.join("\n")}\n`, options.width);
}

function reviewSection(report: StatusReport, chalk: InstanceType<typeof Chalk>): string[] {
  const updates = updateLines(report, terminalSafe);
  const escalations = escalationLines(report, terminalSafe, (text) => chalk.red(text));
  const lines = escalations.length ? ["", chalk.bold("Escalations"), ...escalations.map((l) => `  ${l}`)] : [];
  if (updates.length) lines.push("", chalk.bold("Client updates overdue"), ...updates.map((l) => chalk.red(`  ${l}`)));
  const promises = meetingActionLines(report, terminalSafe, (text) => chalk.red(text));
  if (promises.length) lines.push("", chalk.bold("Meeting action items overdue, by owner"));
  for (const o of promises) lines.push(`  ${terminalSafe(o.owner)}:`, ...o.lines.map((l) => `    ${l}`));
  const { due, owners } = reviewLines(report.reviews, terminalSafe, (text) => chalk.red(text));
  if (!due.length && !owners.length) return lines;
  lines.push("", chalk.bold("Post-incident reviews"));
  if (due.length) lines.push("  reviews to hold:", ...due.map((l) => `    ${l}`));
  if (owners.length) lines.push("  open actions by owner:");
  for (const o of owners) lines.push(`    ${terminalSafe(o.owner)}:`, ...o.lines.map((l) => `      ${l}`));
  return lines;
}

function departmentLines(d: DepartmentStatus, safe: (text: string) => string): string[] {
  const lines = [`  ${d.department} (${safe(d.name)}${d.capacity !== null ? `, capacity ${d.capacity}` : ""}): ${d.done}/${d.total} done`];
  const group = (title: string, refs: TaskRef[]) => {
    if (!refs.length) return;
    lines.push(`    ${title}:`);
    for (const t of refs) lines.push(`      ${taskLine(t, safe)}`);
  };
  group("start now", d.startNow);
  group("in progress", d.inProgress);
  group("blocked", d.blocked);
  group("queued next", d.queued);
  return lines;
}
