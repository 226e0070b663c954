// The client-meeting report as one markdown document (GitHub and GitLab render the tables and
// Mermaid blocks). Every piece of user-written text goes through markdownEscape.
import type { ClientReport, ChangeLine } from "../../domain/report/types.js";
import { breachText, GROUP_HEADERS, groupCells, measureText, percent, trend } from "../sla/view.js";
import { markdownTable as table } from "../markdown-table.js";
import { markdownEscape as md } from "../text.js";
import { ganttBlock } from "./mermaid.js";

/** How many medium risks the report names before pointing at `tam arch risks`. */
const MEDIUM_RISKS_LISTED = 8;

const none = (rows: unknown[], text: string[]): string[] => (rows.length === 0 ? ["None.", ""] : [...text, ""]);

function changeRows(lines: ChangeLine[]): string[][] {
  return lines.map((c) => [md(c.id), md(c.title), c.type, c.status, c.total ? `${c.done}/${c.total}` : "not planned yet", c.start ?? "-", c.finish ?? "-", c.due ? `${c.due}${c.overdue ? " (overdue)" : ""}` : "-"]);
}

export function formatReportMarkdown(report: ClientReport): string {
  const { header, sla, docs, changes } = report;
  const period = header.period;
  const out: string[] = [];
  out.push(`# ${md(header.client)}: service report ${md(period.label)}`, "");
  out.push(`**Project:** ${md(header.project)} (${md(header.projectId)})  `);
  out.push(`**Period:** ${period.fromDate} to ${period.toDate}, as of ${header.asOf}  `);
  out.push(`**Technical Account Manager:** ${md(header.tam)}${header.serviceManager ? `  \n**Service manager:** ${md(header.serviceManager)}` : ""}`, "");

  const high = report.risks.filter((r) => r.severity === "high");
  out.push("## Summary", "");
  out.push(`- **SLA:** ${percent(sla.total.compliancePct)} of ${sla.total.withResult} incident(s) within target (${trend(sla.total.trendPts)} against ${md(period.previous.label)}); ${sla.breaches.length} breach(es), ${sla.open.length} incident(s) still open.`);
  out.push(`- **Changes:** ${changes.done.length} done in the period, ${changes.inProgress.length} in progress, ${changes.planned.length} planned.`);
  out.push(`- **Documentation:** ${docs.counts.fresh} of ${docs.docs.length} document(s) current, ${docs.counts.due} due for review, ${docs.counts.stale} stale, ${docs.counts.broken} broken; ${docs.coverage.uncovered.length} component(s) without documentation.`);
  out.push(`- **Risks:** ${high.length} high, ${report.risks.filter((r) => r.severity === "medium").length} medium, ${report.risks.filter((r) => r.severity === "low").length} low.`);
  if (sla.recurring.length) out.push(`- **Recurring incidents:** ${sla.recurring.map((r) => `${md(r.component)} (${r.cause}, ${r.incidents.length}×)`).join(", ")}.`);
  out.push("");

  out.push("## Changes", "");
  const head = ["change", "title", "type", "status", "tasks done", "start", "finish", "due"];
  out.push("### Done in the period", "", ...none(changes.done, table(head, changeRows(changes.done))));
  out.push("### In progress", "", ...none(changes.inProgress, table(head, changeRows(changes.inProgress))));
  out.push("### Planned", "", ...none(changes.planned, table(head, changeRows(changes.planned))));
  const gantt = ganttBlock(report.gantt, `Changes as of ${header.asOf}`, { asOf: header.asOf, from: period.fromDate });
  if (gantt.length) out.push(...gantt, "");

  out.push("## SLA", "");
  out.push(...table(["priority", ...GROUP_HEADERS], [...sla.groups.map((g) => [md(g.key), ...groupCells(g).map(md)]), ["**all**", ...groupCells(sla.total).map(md)]]), "");
  out.push(`Compliance counts incidents meeting both the response and the resolution target, in working time of each priority's calendar, minus pauses while waiting for the client or a vendor. Trend: against ${md(period.previous.label)}.`, "");
  out.push(`### Breaches (${sla.breaches.length})`, "");
  const actions = new Map(report.breachActions.map((a) => [a.id, a.actions]));
  out.push(
    ...none(
      sla.breaches,
      table(
        ["incident", "priority", "title", "missed", "department", "cause", "action taken"],
        sla.breaches.map((b) => [md(b.id), b.priority, md(b.title), md([breachText("response", b.response), breachText("resolution", b.resolution)].filter(Boolean).join("; ")), md(b.department ?? "-"), md(b.cause ? `${b.cause}${b.rootCause ? `: ${b.rootCause}` : ""}` : "-"), md(actions.get(b.id) ?? "-")]),
      ),
    ),
  );
  if (sla.recurring.length) {
    out.push(`### Recurring incidents`, "", "The same component with the same cause more than once: erring once is normal, erring twice the same way points at documentation, communication or process.", "");
    out.push(...table(["component", "cause", "incidents"], sla.recurring.map((r) => [md(r.component), r.cause, md(r.incidents.join(", "))])), "");
  }
  if (sla.open.length) {
    out.push(`### Open incidents (${sla.open.length})`, "");
    out.push(...table(["incident", "priority", "title", "response", "resolution"], sla.open.map((o) => [md(o.id), o.priority, md(o.title), md(measureText(o.response, sla.timezone)), md(measureText(o.resolution, sla.timezone))])), "");
  }

  out.push("## Documentation", "");
  const notFresh = docs.docs.filter((d) => d.state !== "fresh");
  out.push(`${docs.counts.fresh} of ${docs.docs.length} documents are current.`, "");
  if (notFresh.length) out.push(...table(["document", "state", "owner", "why"], notFresh.map((d) => [md(d.title), d.state, md(d.owner), md(d.reasons.filter((r) => r.severity !== "note").map((r) => r.message).join("; ") || "-")])), "");
  if (docs.coverage.uncovered.length) out.push(`Components no document describes: ${docs.coverage.uncovered.map((c) => `${md(c.id)} (${md(c.name)})`).join(", ")}.`, "");

  out.push("## Risks and recommendations", "");
  // The high risks are argued in full; medium ones are named, so the meeting stays on what matters most.
  out.push(...none(high, table(["risk", "why it matters", "proposed change"], high.map((r) => [md(r.title), md(r.argument), md(r.suggestion)]))));
  const medium = report.risks.filter((r) => r.severity === "medium");
  if (medium.length) {
    out.push("Also worth attention:", "");
    for (const risk of medium.slice(0, MEDIUM_RISKS_LISTED)) out.push(`- ${md(risk.title)}: ${md(risk.suggestion)}`);
    out.push("");
  }
  const rest = report.risks.length - high.length - Math.min(medium.length, MEDIUM_RISKS_LISTED);
  if (rest) out.push(`${rest} more risk(s) of lower weight are listed by \`tam arch risks\`.`, "");

  out.push("## Next steps", "");
  out.push(...none(report.nextSteps, table(["change", "task", "department", "owner", "status", "planned", "note"], report.nextSteps.map((t) => [md(t.change), md(`${t.id} ${t.title}`), md(t.departmentName), md(t.owner ?? "-"), t.late ? `${t.status}, late` : t.status, `${t.plannedStart} to ${t.plannedFinish}`, md(t.note ?? "")]))));

  const fit = report.tamFit;
  out.push("## Does the project warrant a TAM?", "");
  const reasons = [`${fit.departments.length} engineering department(s) involved${fit.departments.length > 4 ? " (more than four)" : ""}`, fit.applicationAdministration ? "application administration" : "no application administration"];
  out.push(`${fit.warranted ? "Yes" : "No"}: ${reasons.join(", ")}. A TAM is assigned to projects involving more than four departments or high-level services such as application administration.`, "");
  return `${out.join("\n").trimEnd()}\n`;
}

