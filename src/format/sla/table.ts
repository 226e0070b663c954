// The SLA report for a terminal: tables of every row, PASS/FAIL coloured when allowed.
import { Chalk } from "chalk";
import type { SlaReport } from "../../domain/sla/report.js";
import { formatZonedShort } from "../../domain/zoned-timestamp.js";
import type { FormatOptions } from "../registry.js";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";
import { allGoalNote, breachText, causeText, COMPACT_HEADERS, compactCells, estimatedLine, GROUP_HEADERS, groupCells, measureText, RECURRING_NONE, recurringHeading } from "./view.js";

const visibleLength = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, "")].length;

export function formatTable(report: SlaReport, options: FormatOptions): string {
  // Every row of every list, at any count (the table is drawn in time linear in its rows).
  const tableOf = (head: string[], rows: string[][]) => fittedTable(head, rows, options.width);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (cells: string[]) => cells.map((cell) => (cell === "PASS" ? chalk.green(cell) : cell === "FAIL" ? chalk.red(cell) : cell));
  const zone = report.timezone;
  const { period } = report;
  const out: string[] = [];
  out.push(chalk.bold(`SLA report ${period.label} (${period.fromDate} .. ${period.toDate}, ${zone}), by ${report.by}, as of ${formatZonedShort(report.now, zone)}`));
  out.push(`Trend against ${period.previous.label} (${period.previous.fromDate} .. ${period.previous.toDate}).`);
  const fullRows = [...report.groups.map((g) => paint([terminalSafe(g.key), ...groupCells(g)])), paint(["all", ...groupCells(report.total)])];
  const full = fittedTable([report.by, ...GROUP_HEADERS], fullRows, undefined);
  // Where the full summary does not fit as a table, one row per group with the key figures beats
  // a stack of key/value lines nobody can compare; the time statistics are a wider terminal away.
  if (options.width !== undefined && visibleLength(full.split("\n")[0]!) > options.width) {
    out.push(tableOf([report.by, ...COMPACT_HEADERS], [...report.groups.map((g) => paint([terminalSafe(g.key), ...compactCells(g)])), paint(["all", ...compactCells(report.total)])]));
    out.push("(breached: response / resolution targets; the times: a wider terminal, or --format markdown or json)");
  } else out.push(full);
  const goalNote = allGoalNote(report);
  if (goalNote) out.push(goalNote);
  if (report.withoutTarget.length) out.push(`Without an SLA target for their priority: ${report.withoutTarget.map(terminalSafe).join(", ")}`);
  const estimated = estimatedLine(report.estimated.map(terminalSafe));
  if (estimated) out.push(estimated);

  out.push("", chalk.bold(`Open incidents (${report.open.length})`));
  if (report.open.length === 0) out.push("none");
  else
    out.push(
      tableOf(
        ["id", "priority", "title", "department", "opened", "response", "resolution"],
        report.open.map((o) => [o.id, o.priority, o.title, o.department ?? "-", o.opened, measureText(o.response, zone), measureText(o.resolution, zone)].map(terminalSafe)),
      ),
    );

  out.push("", chalk.bold(`Breaches (${report.breaches.length})`));
  if (report.breaches.length === 0) out.push("none");
  else
    out.push(
      tableOf(
        ["id", "priority", "title", "department", "missed", "cause"],
        report.breaches.map((b) =>
          [b.id, b.priority, b.title, b.department ?? "-", [breachText("response", b.response), breachText("resolution", b.resolution)].filter(Boolean).join("\n"), causeText(b)].map(terminalSafe),
        ),
      ),
    );

  out.push("", chalk.bold(recurringHeading(report)));
  if (report.recurring.length === 0) out.push(RECURRING_NONE);
  else
    out.push(
      tableOf(
        ["component", "cause", "count", "incidents"],
        report.recurring.map((r) => [r.component, r.cause, String(r.incidents.length), r.incidents.join(", ")].map(terminalSafe)),
      ),
    );
  return fitText(`${out.join("\n")}\n`, options.width);
}
