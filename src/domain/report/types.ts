// The client-meeting report: everything `tam report` shows, as plain data. The client audience
// leaves the internal parts out (null or empty), so even the JSON can be handed over.
import type { ReviewsReport } from "./reviews.js";
import type { Priority } from "../../model/files.js";
import type { Risk } from "../arch/risk-types.js";
import type { FreshnessReport } from "../freshness/index.js";
import type { Period } from "../sla/period.js";
import type { SlaReport } from "../sla/report.js";
import type { ChangeProgress, TaskRef } from "../tracking/status.js";
import type { MonthHistory } from "./history.js";
import type { RegisterReport } from "../recommendations/register.js";
import type { ActionsReview } from "../meetings/minutes.js";

export type Audience = "client" | "internal";
export const AUDIENCES: Audience[] = ["client", "internal"];

export interface ReportHeader {
  client: string;
  project: string;
  projectId: string;
  tam: string;
  serviceManager: string | null;
  period: Period;
  asOf: string;
  audience: Audience;
}

export interface ChangeLine {
  id: string;
  title: string;
  type: string;
  status: string;
  /** The date the client asked for. */
  due: string | null;
  /** Tasks done of tasks that count (cancelled ones do not). */
  done: number;
  total: number;
  /** Finished work: first and last day recorded. Open work: the forecast (internal audience only). */
  start: string | null;
  finish: string | null;
  /** The date promised to the client (x3); open changes only. */
  promised: string | null;
  /** The TAM's internal date (x2); internal audience only. */
  internal: string | null;
  /** The finish of the plan as first agreed, when the schedule keeps one (internal audience only). */
  baseline: string | null;
  /** Where the forecast finish lies after a date it should meet, in calendar days (internal audience only). */
  slips: Slip[];
  overdue: boolean;
  /** Open changes: why the promised date does not hold, in the client's words ("we will not make …; new date to agree"). */
  notKept: string | null;
}

export interface Slip {
  against: "baseline" | "internal" | "promised" | "due";
  days: number;
}

export interface GanttTask {
  /** A bar per task (internal audience) or per change, ending on the promised date (client audience). */
  level: "task" | "change";
  change: string;
  id: string;
  title: string;
  department: string;
  start: string;
  finish: string;
  state: "done" | "active" | "planned" | "blocked";
  critical: boolean;
  /**
   * Not done, and its bar ends before the as-of date (the client's bar: the promised date has
   * passed): the work goes on to this day (the forecast, at least the as-of date).
   */
  overdueUntil?: string;
}

export interface TamFit {
  departments: string[];
  applicationAdministration: boolean;
  warranted: boolean;
}

/** A risk as the report argues it: to the client, a recommendation. */
export interface Recommendation {
  id: string;
  severity: Risk["severity"];
  title: string;
  argument: string;
  recommendation: string;
  /** The rule of the trade it argues from: quoted once per report, not in `argument`. */
  rule?: Risk["rule"];
}

export interface Decision {
  /** What the decision is about: a change id, an incident id, or "recommendations". */
  subject: string;
  text: string;
}

export interface BreachLine {
  id: string;
  priority: Priority;
  title: string;
  /** "resolution 17h 40m against 16h (+1h 40m)" parts, as measures. */
  missed: string[];
  components: string[];
  department: string | null;
  cause: string | null;
  rootCause: string | null;
  /** What was done so that it does not recur; null while the analysis is open. */
  actions: string | null;
}

export interface ReportDelta {
  since: string;
  newIncidents: { id: string; title: string; priority: Priority; opened: string }[];
  changesDone: { id: string; title: string; finish: string }[];
  risksResolved: { id: string; title: string }[];
  risksNew: { id: string; title: string }[];
  /** False when the previous report's risks were not known (a date was given, not a report file). */
  risksCompared: boolean;
}

export interface DataWarning {
  code: string;
  message: string;
}

export interface InternalPart {
  tamFit: TamFit;
  /** Open tasks to do next: late first in plan order; `late` when the plan says they should be finished. */
  nextSteps: (TaskRef & { owner: string | null; departmentName: string; late: boolean })[];
  /** Bookkeeping in the project files once recommendations are done, and the documentation to review. */
  chores: { subject: string; text: string }[];
  docs: FreshnessReport;
  risks: Risk[];
  changeProgress: ChangeProgress[];
  /** Open changes that went past a failing readiness item (`--force --reason`): the accepted risks. */
  acceptedRisks: { change: string; items: string[]; reason: string; by?: string; at: string; task?: string }[];
  dataWarnings: DataWarning[];
}

export interface ClientReport {
  version: 2;
  header: ReportHeader;
  changes: { done: ChangeLine[]; inProgress: ChangeLine[]; planned: ChangeLine[] };
  gantt: GanttTask[];
  sla: SlaReport;
  history: MonthHistory[];
  breaches: BreachLine[];
  /** Component id -> name, for every component the report names. */
  componentNames: Record<string, string>;
  recommendations: Recommendation[];
  decisions: Decision[];
  delta: ReportDelta | null;
  /**
   * With `--since`: the action items of the meetings held by then (meetings.yaml) and not done before
   * it, each kept (done by its due date), late (done after it, or open past it) or still open; null
   * without --since or without minutes.
   */
  actions: ActionsReview | null;
  /**
   * recommendations.yaml as of the report: decisions needed (proposed, presented), accepted risks
   * with their review dates, done since the last meeting (or the period's start); the proposals
   * adopted per author only in the internal audience (empty in the client's).
   */
  register: RegisterReport;
  /** Post-incident reviews held and their actions done since the last meeting (`--since`, else the period's start), and those still open. */
  reviews: ReviewsReport;
  /** Only in the internal audience. */
  internal: InternalPart | null;
}
