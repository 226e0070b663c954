// tam status as markdown, for a status mail or a meeting.
import type { StatusReport, TaskRef } from "../../domain/tracking/status.js";
import { markdownEscape } from "../text.js";
import { untoldLine } from "./untold.js";

export function formatMarkdown(report: StatusReport): string {
  const lines = [`## Open changes as of ${report.today}${report.department ? ` (department ${markdownEscape(report.department)})` : ""}`, ""];
  if (!report.changes.length) return `${lines.join("\n")}No open changes.\n`;
  lines.push("| Change | Status | Progress | Due | Planned finish | Ready | In progress | Blocked | Late |", "|---|---|---|---|---|---|---|---|---|");
  const ids = (refs: TaskRef[]) => refs.map((r) => r.id).join(", ");
  for (const c of report.changes) {
    lines.push(`| ${c.id} ${markdownEscape(c.title)} | ${c.status} | ${c.planned ? `${c.done}/${c.total}` : "not planned"} | ${c.due ?? ""}${c.overdue ? " **overdue**" : ""} | ${c.plannedFinish ?? ""} | ${c.waitsFor ? `(awaiting ${c.waitsFor})` : ids(c.ready)} | ${ids(c.inProgress)} | ${ids(c.blocked)} | ${ids(c.late)} |`);
  }
  const list = (title: string, refs: TaskRef[], extra: (t: TaskRef) => string) => {
    if (!refs.length) return;
    lines.push("", `### ${title}`, "");
    for (const t of refs) lines.push(`- ${t.change}/${t.id} ${markdownEscape(t.department)}: ${markdownEscape(t.title)}${extra(t)}`);
  };
  list("Ready to start now", report.readyByDepartment.flatMap((g) => g.tasks), (t) => ` (planned ${t.plannedStart})`);
  list("In progress", report.changes.flatMap((c) => c.inProgress), (t) => (t.since ? ` (since ${t.since})` : ""));
  list("Blocked", report.changes.flatMap((c) => c.blocked), (t) => (t.note ? `: ${markdownEscape(t.note.trim())}` : ""));
  list("Late against the plan", report.changes.flatMap((c) => c.late), (t) => ` (planned finish ${t.plannedFinish})`);
  const untold = report.changes.filter((c) => c.untold.length);
  if (untold.length) lines.push("", "### Not told to the client yet", "", ...untold.map((c) => `- ${markdownEscape(untoldLine(c))}`));
  return `${lines.join("\n")}\n`;
}
