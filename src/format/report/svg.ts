// The report's charts as inline SVG for the HTML export: drawn from our own data, no library,
// no browser, no network. Scales with the page (viewBox, width 100%) and prints as vectors.
import { addDays, dayNumber, weekdayIndex } from "../../domain/dates.js";
import { xmlEscape as x } from "../text.js";
import { COMPLIANCE_COLOURS, PRIORITY_COLOURS, type Chart, type ComplianceChart, type GanttChart, type PriorityChart } from "./blocks.js";
import { monthShort } from "./words.js";

const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="12"`;

export function svgChart(chart: Chart): string {
  return chart.type === "gantt" ? ganttSvg(chart) : chart.type === "compliance" ? complianceSvg(chart) : prioritySvg(chart);
}

function frame(width: number, height: number, title: string, body: string[], kind: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart ${kind}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${x(title)}" ${FONT}>`,
    `<title>${x(title)}</title>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="600">${x(title)}</text>`,
    ...body,
    "</svg>",
  ].join("\n");
}

interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Horizontal grid lines with their values, from `low` to `high` in `steps`. */
function yGrid(plot: Plot, low: number, high: number, steps: number, unit = ""): string[] {
  const out: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const value = low + ((high - low) * i) / steps;
    const y = plot.top + plot.height - (plot.height * i) / steps;
    out.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.left + plot.width}" y2="${y}" stroke="#ddd"/>`);
    out.push(`<text x="${plot.left - 6}" y="${y + 4}" text-anchor="end" fill="#555">${round(value)}${unit}</text>`);
  }
  return out;
}

const round = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

function monthLabels(months: readonly { month: string }[]): string[] {
  const years = new Set(months.map((m) => m.month.slice(0, 4)));
  return months.map((m) => monthShort(m.month, years.size > 1));
}

function complianceSvg(chart: ComplianceChart): string {
  const width = 640;
  const plot: Plot = { left: 48, top: 36, width: 570, height: 170 };
  const values = chart.months.map((m) => m.compliancePct ?? 0);
  const goals = chart.months.map((m) => m.goalPct ?? 0);
  const low = Math.max(0, Math.floor((Math.min(...values, ...goals) - 10) / 10) * 10);
  const y = (v: number) => plot.top + plot.height - ((v - low) / (100 - low)) * plot.height;
  const slot = plot.width / chart.months.length;
  const labels = monthLabels(chart.months);
  const body = yGrid(plot, low, 100, 4, "%");
  chart.months.forEach((_m, i) => {
    const cx = plot.left + slot * i + slot / 2;
    const bar = Math.min(48, slot * 0.6);
    const value = values[i]!;
    const colour = value >= goals[i]! ? COMPLIANCE_COLOURS.bar : COMPLIANCE_COLOURS.below;
    body.push(
      `<rect x="${cx - bar / 2}" y="${y(value)}" width="${bar}" height="${plot.top + plot.height - y(value)}" fill="${colour}"><title>${x(`${labels[i]}: ${value.toFixed(1)}% (goal ${goals[i]!.toFixed(1)}%)`)}</title></rect>`,
    );
    body.push(`<text x="${cx}" y="${y(value) - 4}" text-anchor="middle">${value.toFixed(1)}</text>`);
    body.push(`<text x="${cx}" y="${plot.top + plot.height + 16}" text-anchor="middle" fill="#333">${x(labels[i]!)}</text>`);
  });
  const points = goals.map((g, i) => `${plot.left + slot * i + slot / 2},${y(g)}`).join(" ");
  body.push(`<polyline points="${points}" fill="none" stroke="${COMPLIANCE_COLOURS.goal}" stroke-width="2" stroke-dasharray="6 3"/>`);
  const legendY = plot.top + plot.height + 36;
  body.push(`<rect x="${plot.left}" y="${legendY - 9}" width="12" height="10" fill="${COMPLIANCE_COLOURS.bar}"/><text x="${plot.left + 16}" y="${legendY}">within target (red: below the goal)</text>`);
  body.push(
    `<line x1="${plot.left + 250}" y1="${legendY - 4}" x2="${plot.left + 274}" y2="${legendY - 4}" stroke="${COMPLIANCE_COLOURS.goal}" stroke-width="2" stroke-dasharray="6 3"/><text x="${plot.left + 280}" y="${legendY}">goal</text>`,
  );
  return frame(width, legendY + 10, chart.title, body, "bars");
}

function prioritySvg(chart: PriorityChart): string {
  const width = 640;
  const plot: Plot = { left: 48, top: 36, width: 570, height: 170 };
  const totals = chart.months.map((m) => m.incidents);
  const steps = 4;
  const high = Math.max(steps, Math.ceil(Math.max(...totals) / steps) * steps);
  const scale = (v: number) => (v / high) * plot.height;
  const slot = plot.width / chart.months.length;
  const labels = monthLabels(chart.months);
  const body = yGrid(plot, 0, high, steps);
  chart.months.forEach((m, i) => {
    const cx = plot.left + slot * i + slot / 2;
    const bar = Math.min(48, slot * 0.6);
    let base = plot.top + plot.height;
    for (const p of ["P1", "P2", "P3", "P4"] as const) {
      const n = m.byPriority[p];
      if (!n) continue;
      const h = scale(n);
      base -= h;
      body.push(`<rect x="${cx - bar / 2}" y="${base}" width="${bar}" height="${h}" fill="${PRIORITY_COLOURS[p]}"><title>${x(`${labels[i]}: ${n} ${p}`)}</title></rect>`);
    }
    if (m.incidents) body.push(`<text x="${cx}" y="${base - 4}" text-anchor="middle">${m.incidents}</text>`);
    body.push(`<text x="${cx}" y="${plot.top + plot.height + 16}" text-anchor="middle" fill="#333">${x(labels[i]!)}</text>`);
  });
  const legendY = plot.top + plot.height + 36;
  (["P1", "P2", "P3", "P4"] as const).forEach((p, i) => {
    const lx = plot.left + i * 70;
    body.push(`<rect x="${lx}" y="${legendY - 9}" width="12" height="10" fill="${PRIORITY_COLOURS[p]}"/><text x="${lx + 16}" y="${legendY}">${p}</text>`);
  });
  return frame(width, legendY + 10, chart.title, body, "bars");
}

const GANTT_COLOURS = { done: "#aab7b8", active: "#2e86c1", planned: "#85c1e9", blocked: "#e67e22", crit: "#c0392b" };
const LABEL_CHARS = 52;

function ganttSvg(chart: GanttChart): string {
  const width = 900;
  const labelWidth = 330;
  const row = 20;
  const first = chart.tasks.reduce((min, t) => (t.start < min ? t.start : min), chart.asOf);
  const last = chart.tasks.reduce(
    (max, t) => (t.finish > max ? t.finish : max),
    chart.tasks.reduce((max, t) => (t.overdueUntil && t.overdueUntil > max ? t.overdueUntil : max), chart.asOf),
  );
  const days = dayNumber(last) - dayNumber(first) + 1;
  const plot: Plot = { left: labelWidth, top: 44, width: width - labelWidth - 40, height: 0 };
  const dayWidth = plot.width / days;
  const xOf = (date: string) => plot.left + (dayNumber(date) - dayNumber(first)) * dayWidth;

  const rows: { label: string; section?: boolean; task?: GanttChart["tasks"][number] }[] = [];
  let section = "";
  for (const task of chart.tasks) {
    const group = task.level === "task" ? task.change : "";
    if (group && group !== section) rows.push({ label: (section = group), section: true });
    const label = task.level === "task" ? `${task.id} ${task.title}` : `${task.title} (${task.change})`;
    rows.push({ label: label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label, task });
  }
  plot.height = rows.length * row;
  const bottom = plot.top + plot.height;
  const body: string[] = [];
  // Weekends shaded, and a date label each Monday (or every day on a short chart).
  for (let d = 0; d < days; d++) {
    const date = addDays(first, d);
    const weekday = weekdayIndex(date); // 0 Monday … 6 Sunday
    const left = plot.left + d * dayWidth;
    if (weekday >= 5) body.push(`<rect x="${left}" y="${plot.top}" width="${dayWidth}" height="${plot.height}" fill="#f2f3f4"/>`);
    if (weekday === 0 || days <= 14) {
      body.push(`<line x1="${left}" y1="${plot.top - 4}" x2="${left}" y2="${bottom}" stroke="#ddd"/>`);
      body.push(`<text x="${left + 2}" y="${plot.top - 8}" fill="#555" font-size="11">${date.slice(5)}</text>`);
    }
  }
  rows.forEach((r, i) => {
    const y = plot.top + i * row;
    if (r.section) {
      body.push(`<text x="4" y="${y + 14}" font-weight="600">${x(r.label)}</text>`);
      return;
    }
    const t = r.task!;
    body.push(
      `<text x="${t.level === "task" ? 14 : 4}" y="${y + 14}" fill="#222">${x(r.label)}<title>${x(`${t.level === "task" ? `${t.id} ${t.title} (${t.department})` : t.title}: ${t.start === t.finish ? t.start : `${t.start} to ${t.finish}`}${t.state === "blocked" ? ", blocked" : ""}${t.overdueUntil ? `, overdue (work goes on to ${t.overdueUntil})` : ""}`)}</title></text>`,
    );
    const fill = t.state === "blocked" ? GANTT_COLOURS.blocked : t.critical && t.state !== "done" ? GANTT_COLOURS.crit : GANTT_COLOURS[t.state];
    const start = xOf(t.start);
    const end = xOf(addDays(t.finish, 1));
    body.push(
      `<rect x="${start}" y="${y + 4}" width="${Math.max(2, end - start)}" height="${row - 8}" rx="2" fill="${fill}"${t.critical && t.state === "done" ? ` stroke="${GANTT_COLOURS.crit}"` : ""}/>`,
    );
    // Overdue: the stretch from the bar's end to the forecast, hatched, so a bar that ends in the past
    // never reads as work on time.
    if (t.overdueUntil && t.overdueUntil > t.finish) {
      const lateEnd = xOf(addDays(t.overdueUntil, 1));
      body.push(`<rect x="${end}" y="${y + 4}" width="${Math.max(2, lateEnd - end)}" height="${row - 8}" fill="url(#overdue)" stroke="${GANTT_COLOURS.crit}"/>`);
    }
  });
  const today = xOf(chart.asOf) + dayWidth / 2;
  body.push(`<line x1="${today}" y1="${plot.top - 4}" x2="${today}" y2="${bottom}" stroke="#c0392b" stroke-width="2"/>`);
  body.push(`<text x="${today + 3}" y="${bottom + 14}" fill="#c0392b" font-size="11">as of ${chart.asOf}</text>`);
  const legendY = bottom + 34;
  const legend: [string, string][] = [
    ["done", GANTT_COLOURS.done],
    ["in progress", GANTT_COLOURS.active],
    ["planned", GANTT_COLOURS.planned],
    [chart.tasks.some((t) => t.level === "task") ? "critical" : "late against a date", GANTT_COLOURS.crit],
    ...(chart.tasks.some((t) => t.state === "blocked") ? [["blocked", GANTT_COLOURS.blocked] as [string, string]] : []),
    ...(chart.tasks.some((t) => t.overdueUntil) ? [["overdue", "url(#overdue)"] as [string, string]] : []),
  ];
  legend.forEach(([label, colour], i) => {
    const lx = 4 + (i % 4) * 150;
    const ly = legendY + Math.floor(i / 4) * 16;
    body.push(
      `<rect x="${lx}" y="${ly - 9}" width="12" height="10" fill="${colour}"${colour.startsWith("url") ? ` stroke="${GANTT_COLOURS.crit}"` : ""}/><text x="${lx + 16}" y="${ly}">${x(label)}</text>`,
    );
  });
  const hatch = `<defs><pattern id="overdue" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fdecea"/><line x1="0" y1="0" x2="0" y2="6" stroke="${GANTT_COLOURS.crit}" stroke-width="2"/></pattern></defs>`;
  return frame(width, legendY + 10 + Math.floor((legend.length - 1) / 4) * 16, chart.title, [hatch, ...body], "gantt");
}
