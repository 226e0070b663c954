// The client-meeting report: everything `tam report` shows, as plain data.
import type { Risk } from "../arch/risk-types.js";
import type { FreshnessReport } from "../freshness/index.js";
import type { Period } from "../sla/period.js";
import type { SlaReport } from "../sla/report.js";
import type { ChangeProgress, TaskRef } from "../tracking/status.js";

export interface ReportHeader {
  client: string;
  project: string;
  projectId: string;
  tam: string;
  serviceManager: string | null;
  period: Period;
  asOf: string;
}

export interface ChangeLine {
  id: string;
  title: string;
  type: string;
  status: string;
  due: string | null;
  /** Tasks done of tasks that count (cancelled ones do not). */
  done: number;
  total: number;
  /** First and last day of the work: from task history for finished work, from the plan otherwise. */
  start: string | null;
  finish: string | null;
  overdue: boolean;
}

export interface GanttTask {
  change: string;
  id: string;
  title: string;
  department: string;
  start: string;
  finish: string;
  state: "done" | "active" | "planned";
  critical: boolean;
}

export interface TamFit {
  departments: string[];
  applicationAdministration: boolean;
  warranted: boolean;
}

export interface ClientReport {
  version: 1;
  header: ReportHeader;
  changes: { done: ChangeLine[]; inProgress: ChangeLine[]; planned: ChangeLine[] };
  gantt: GanttTask[];
  sla: SlaReport;
  /** What was done after each breach so that it does not recur (the incidents' `actions`). */
  breachActions: { id: string; actions: string }[];
  docs: FreshnessReport;
  risks: Risk[];
  /** Open tasks to do next: late first in plan order; `late` when the plan says they should be finished. */
  nextSteps: (TaskRef & { owner: string | null; departmentName: string; late: boolean })[];
  changeProgress: ChangeProgress[];
  tamFit: TamFit;
}
