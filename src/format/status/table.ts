// tam status for a terminal: one line per open change, then what is ready, running, blocked, late.
import { Chalk } from "chalk";
import type { StatusReport, TaskRef } from "../../domain/tracking/status.js";
import type { FormatOptions } from "../registry.js";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";

export function formatTable(report: StatusReport, options: FormatOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [chalk.bold(`Open changes as of ${report.today}${report.department ? `, department ${report.department}` : ""}`)];
  if (!report.changes.length) return `${lines[0]}\nno open changes\n`;
  const rows: string[][] = [];
  for (const c of report.changes) {
    const due = c.due ? (c.overdue ? chalk.red(`${c.due} overdue`) : c.due) : "";
    rows.push([`${c.id} ${terminalSafe(c.title)}`, c.status, c.planned ? `${c.done}/${c.total}` : "not planned", due, c.plannedFinish ?? "", ids(c.ready), ids(c.inProgress), ids(c.blocked), c.late.length ? chalk.red(ids(c.late)) : ""]);
  }
  lines.push(fittedTable(["change", "status", "progress", "due", "planned finish", "ready", "in progress", "blocked", "late"], rows, options.width, { style: { head: options.color ? ["bold"] : [], border: [] }, chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" } }));
  const section = (title: string, refs: TaskRef[], extra: (t: TaskRef) => string) => {
    if (!refs.length) return;
    lines.push("", chalk.bold(title));
    for (const t of refs) lines.push(`  ${t.change}/${t.id} ${t.department}: ${terminalSafe(t.title)}${extra(t)}`);
  };
  lines.push("", chalk.bold("Ready to start now"));
  if (!report.readyByDepartment.length) lines.push("  nothing");
  for (const group of report.readyByDepartment) {
    lines.push(`  ${group.department}:`);
    for (const t of group.tasks) lines.push(`    ${t.change}/${t.id} ${terminalSafe(t.title)} (planned ${t.plannedStart})`);
  }
  section("In progress", report.changes.flatMap((c) => c.inProgress), (t) => (t.since ? ` (since ${t.since})` : ""));
  section("Blocked", report.changes.flatMap((c) => c.blocked), (t) => (t.note ? ` (${terminalSafe(t.note.trim())})` : ""));
  section("Late against the plan", report.changes.flatMap((c) => c.late), (t) => ` (planned finish ${t.plannedFinish}, ${t.status})`);
  return fitText(`${lines.join("\n")}\n`, options.width);
}

function ids(refs: TaskRef[]): string {
  return refs.map((r) => r.id).join(", ");
}
