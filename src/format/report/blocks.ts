// What the report says, as blocks of markdown and charts. The markdown output writes the charts
// as Mermaid, the HTML output as inline SVG: one text for both.
import type { MonthHistory } from "../../domain/report/history.js";
import type { GanttTask } from "../../domain/report/types.js";

export interface GanttChart {
  type: "gantt";
  title: string;
  tasks: GanttTask[];
  /** The report's as-of date: the "today" line. */
  asOf: string;
}

export interface ComplianceChart {
  type: "compliance";
  title: string;
  /** Months with a result only. */
  months: MonthHistory[];
}

export interface PriorityChart {
  type: "priorities";
  title: string;
  months: MonthHistory[];
}

export type Chart = GanttChart | ComplianceChart | PriorityChart;

export type Block = { kind: "markdown"; lines: string[] } | { kind: "chart"; chart: Chart };

/** Priority colours, shared by the Mermaid palette and the SVG so both read the same. */
export const PRIORITY_COLOURS: Record<string, string> = { P1: "#c0392b", P2: "#e67e22", P3: "#f1c40f", P4: "#95a5a6" };

/** Compliance bars and the goal line, the same in Mermaid and SVG. */
export const COMPLIANCE_COLOURS = { bar: "#2e86c1", below: "#c0392b", goal: "#1e8449" };
