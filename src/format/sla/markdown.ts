// The SLA report as markdown, for client meetings: user text escaped.
import type { SlaReport } from "../../domain/sla/report.js";
import { formatZonedShort } from "../../domain/zoned-timestamp.js";
import { markdownTable as table } from "../markdown-table.js";
import { markdownEscape } from "../text.js";
import { allGoalNote, breachText, causeText, estimatedLine, GROUP_HEADERS, groupCells, measureText, RECURRING_NONE, recurringHeading } from "./view.js";

const md = (text: string) => markdownEscape(text);

export function formatMarkdown(report: SlaReport): string {
  const zone = report.timezone;
  const { period } = report;
  const out: string[] = [];
  out.push(`# SLA report ${md(period.label)}`, "");
  out.push(`Period ${period.fromDate} to ${period.toDate} (${md(zone)}), grouped by ${report.by}, as of ${formatZonedShort(report.now, zone)}. Trend against ${md(period.previous.label)}.`, "");
  const rows = [...report.groups.map((g) => [md(g.key), ...groupCells(g).map(md)]), ["**all**", ...groupCells(report.total).map(md)]];
  pushLines(out, table([report.by, ...GROUP_HEADERS], rows), "");
  const goalNote = allGoalNote(report);
  if (goalNote) out.push(md(goalNote), "");
  if (report.withoutTarget.length) out.push(`Without an SLA target for their priority: ${report.withoutTarget.map(md).join(", ")}`, "");
  const estimated = estimatedLine(report.estimated.map(md));
  if (estimated) out.push(estimated, "");

  out.push(`## Open incidents (${report.open.length})`, "");
  if (report.open.length === 0) out.push("None.", "");
  else
    pushLines(
      out,
      table(
        ["id", "priority", "title", "department", "response", "resolution"],
        report.open.map((o) => [o.id, o.priority, o.title, o.department ?? "-", measureText(o.response, zone), measureText(o.resolution, zone)].map(md)),
      ),
      "",
    );

  out.push(`## Breaches (${report.breaches.length})`, "");
  if (report.breaches.length === 0) out.push("None.", "");
  else
    out.push(
      ...table(
        ["id", "priority", "title", "department", "missed", "cause"],
        report.breaches.map((b) =>
          [b.id, b.priority, b.title, b.department ?? "-", [breachText("response", b.response), breachText("resolution", b.resolution)].filter(Boolean).join("; "), causeText(b)].map(md),
        ),
      ),
      "",
    );

  out.push(`## ${recurringHeading(report)}`, "");
  if (report.recurring.length === 0) out.push(`${RECURRING_NONE[0]!.toUpperCase()}${RECURRING_NONE.slice(1)}.`, "");
  else
    pushLines(
      out,
      table(
        ["component", "cause", "count", "incidents"],
        report.recurring.map((r) => [r.component, r.cause, String(r.incidents.length), r.incidents.join(", ")].map(md)),
      ),
      "",
    );
  return `${out.join("\n").trimEnd()}\n`;
}

/** out.push(...lines, ...more), without passing every line as an argument (a table of 100,000 rows would overflow the stack). */
function pushLines(out: string[], lines: readonly string[], ...more: string[]): void {
  for (const line of lines) out.push(line);
  for (const line of more) out.push(line);
}
