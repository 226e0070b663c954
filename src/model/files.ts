// The client-project data model: what the YAML files hold once parsed.
// Field names here are the field names in the files (snake_case), so a value
// can be located in its file by the same path used to read it.
// docs/format.md and schemas/*.schema.json describe every field.

/** A duration such as "30m", "4h", "2d", "1w", "1d4h". Working-time semantics depend on the user. */
export type DurationText = string;
/** A calendar date, "YYYY-MM-DD". */
export type DateText = string;
/** An ISO 8601 timestamp with an offset, "2026-10-05T09:30:00+03:00" or "...Z". */
export type TimestampText = string;

export interface Person {
  name: string;
  email?: string;
  phone?: string;
  role?: string;
}

/** A client-side person; `can_approve` marks a decision maker who may approve changes. */
export interface ClientContact extends Person {
  can_approve?: boolean;
}

/** Working hours per weekday: list of "HH:MM-HH:MM" ranges ("00:00-24:00" for the whole day). */
export type WeekHours = Partial<Record<Weekday, string[]>>;
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
export const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface Holiday {
  date: DateText;
  name?: string;
}

export interface Calendar {
  description?: string;
  /** IANA zone; defaults to the manifest's timezone. */
  timezone?: string;
  /** Weekly hours. A calendar without `hours` is 24x7. */
  hours?: WeekHours;
  holidays?: (DateText | Holiday)[];
}

export type Priority = "P1" | "P2" | "P3" | "P4";
export const PRIORITIES: Priority[] = ["P1", "P2", "P3", "P4"];

export interface SlaTarget {
  response: DurationText;
  resolution: DurationText;
  /** Calendar name from `calendars`, or the built-in "24x7". */
  calendar: string;
  /** Compliance goal in percent of incidents within target. */
  goal: number;
}

export interface Blackout {
  /** Name a change's `blackout_exceptions` refers to (else the date `from` falls on). */
  id?: string;
  from: TimestampText;
  to: TimestampText;
  reason?: string;
  /** Emergency changes may work in it (default false: the freeze holds for them too). */
  allow_emergency?: boolean;
}

export type FollowupKind = "backup" | "monitoring" | "security" | "documentation" | "final_backup" | "monitoring_removal" | "backup_retirement";

export interface FollowupRule {
  enabled?: boolean;
  /** Department that takes the follow-up task. */
  department?: string;
  /** Component kinds the rule applies to (backup: stateful kinds). */
  kinds?: string[];
  /** Estimate for one component. */
  estimate?: DurationText;
  /** Added for each further component when one task covers several (default: the estimate again). */
  per_component?: DurationText;
  /** One task per department and wave listing its components (default true). */
  group?: boolean;
  /** Security: no review of work the reviewing department did itself (default true). */
  skip_own_work?: boolean;
}

export interface Manifest {
  format: 1;
  client: { name: string; contacts?: ClientContact[] };
  project: { id: string; name: string; description?: string };
  tam: Person;
  service_manager?: Person;
  timezone: string;
  calendars?: Record<string, Calendar>;
  /** Calendar of departments without their own (default: "business", else the only calendar with hours). */
  default_calendar?: string;
  sla?: Partial<Record<Priority, SlaTarget>>;
  estimates?: { internal_factor?: number; client_factor?: number };
  blackouts?: Blackout[];
  /** `baseline`: recorded by `tam docs baseline`; that commit and its ancestors are not changes to the components. */
  docs?: { review_interval?: DurationText; warn_within?: DurationText; baseline?: DocsBaseline };
  followups?: Partial<Record<FollowupKind, FollowupRule>>;
  /** How tam commits: `hooks: skip` commits without the repository's git hooks, as --no-verify does (default: run). */
  git?: { hooks?: "run" | "skip" };
  /** The go/no-go items of `tam change check` (each on by default). */
  readiness?: Partial<Record<ReadinessRuleName, ReadinessRule>>;
  /** Which incidents need a post-incident review, and by when. */
  reviews?: ReviewRules;
  /** How often the client hears about an open incident, per priority (default P1 30m, P2 2h). */
  updates?: Partial<Record<Priority, DurationText>>;
}

/** Readiness items as tam.yaml names them (the item ids are kebab-case: test_plan is "test-plan"). */
export type ReadinessRuleName = "rollback" | "test_plan" | "backup" | "approver" | "blackout" | "conflict" | "plan" | "forecast";

export interface ReadinessRule {
  enabled?: boolean;
  /** backup: stateful component kinds (default: the backup follow-up's kinds). */
  kinds?: string[];
}

export interface ReviewRules {
  /** Priorities whose resolved incidents need a review (default P1, P2). */
  required_for?: Priority[];
  /** Every SLA breach needs a review too, whatever its priority (default true). */
  breaches?: boolean;
  /** Working days of the project's default calendar after the resolution (default 5d). */
  within?: DurationText;
  /** Incidents resolved before this date need no review (the day the rules were adopted). */
  since?: DateText;
}

export interface DocsBaseline {
  commit: string;
  date?: DateText;
  by?: string;
  note?: string;
}

export interface Department {
  id: string;
  name: string;
  /** Component kinds the department owns. */
  owns?: string[];
  lead?: Person;
  contacts?: Person[];
  /** Default estimate of one task. */
  lead_time?: DurationText;
  calendar?: string;
  /** Parallel tasks the department can take across open changes. */
  capacity?: number;
  /** Where the department takes its work: a Jira project key, a ServiceNow assignment group (`tam change dispatch`). */
  queue?: DepartmentQueue;
  /** Whom to escalate to when its work is blocked or its incidents age, and after how long (`tam status`, `tam task escalate`). */
  escalation?: EscalationChains;
}

/** The department's escalation matrix: one chain for blocked tasks, one per incident priority. */
export interface EscalationChains {
  /** Levels for a task blocked this long, in the department's working time. */
  blocked?: EscalationLevel[];
  /** Levels for an incident open this long, per priority, in the department's working time. */
  incidents?: Partial<Record<Priority, EscalationLevel[]>>;
}

export interface EscalationLevel {
  /** Working time on the department's calendar since the task was blocked (or the incident opened), e.g. 1d. */
  after: DurationText;
  /** "lead" (the department's lead), a department id (its lead), or a person's name (a lead, a contact, the TAM or the service manager). */
  to: string;
}

export interface DepartmentQueue {
  jira?: string;
  servicenow?: string;
}

export interface DepartmentsFile {
  departments: Department[];
}

export type Criticality = "critical" | "high" | "medium" | "low";
export type Environment = "production" | "staging" | "test" | "development" | "shared";

export interface Component {
  id: string;
  name: string;
  kind: string;
  /** Owning department id; when absent, the department that owns `kind`. */
  department?: string;
  depends_on?: string[];
  instances?: number;
  criticality?: Criticality;
  environment?: Environment;
  internet_facing?: boolean;
  monitored?: boolean;
  backed_up?: boolean;
  /** Product it runs, e.g. "Windows Server" (what `tam portfolio find --product` matches). */
  product?: string;
  /** Version of the product, dotted, e.g. "2016", "8.0.32". */
  version?: string;
  notes?: string;
  /** Set when a closed change removed the component: it stays for history, but is no longer part of the landscape. */
  decommissioned?: { date: DateText; change?: string };
}

export interface ArchitectureFile {
  components: Component[];
}

export type ChangeType = "standard" | "normal" | "emergency";
export type Risk = "low" | "medium" | "high";
/**
 * ITIL / ServiceNow states: draft = new, planned = assessed and scheduled (awaiting approval for a
 * normal change), approved = authorized, in-progress = implement, review = post-implementation
 * review, done = closed; or cancelled / rejected.
 */
export type ChangeStatus = "draft" | "planned" | "approved" | "in-progress" | "review" | "done" | "cancelled" | "rejected";
export const OPEN_CHANGE_STATUSES: ChangeStatus[] = ["draft", "planned", "approved", "in-progress", "review"];
/** A change in one of these states has had no work yet: its first task start is gated on its readiness. */
export const BEFORE_WORK_STATUSES: readonly ChangeStatus[] = ["draft", "planned", "approved"];
/** A change in one of these states is over: its tasks can no longer be updated. */
export const FINAL_CHANGE_STATUSES: ChangeStatus[] = ["done", "cancelled", "rejected"];
export type ScopeAction = "add" | "modify" | "remove";

export interface ScopeItem {
  component: string;
  action: ScopeAction;
  note?: string;
  estimate?: DurationText;
  /** For `modify`: the component's new values, written to architecture.yaml when the change closes successfully. */
  set?: ComponentValues;
}

/** The fields of a component a change may set. */
export type ComponentValues = Partial<
  Pick<Component, "name" | "kind" | "department" | "depends_on" | "instances" | "criticality" | "environment" | "internet_facing" | "monitored" | "backed_up" | "notes">
>;
export const SETTABLE_COMPONENT_FIELDS = ["name", "kind", "department", "depends_on", "instances", "criticality", "environment", "internet_facing", "monitored", "backed_up", "notes"] as const;

export type TaskStatus = "todo" | "in-progress" | "blocked" | "done" | "cancelled";
export type TaskKind = "implementation" | "backup" | "monitoring" | "security" | "documentation" | "final-backup" | "monitoring-removal" | "backup-retirement" | "manual";

export interface TaskEvent {
  at: TimestampText;
  status: TaskStatus;
  by?: string;
  note?: string;
  /** Set when a rule was overridden with --force: the reason given. */
  forced?: string;
  /** Risks the forced update took on (e.g. documentation: done before the docs index covered the task's components). */
  accepted?: string[];
  /** On a move to blocked: the day the block is expected to clear (agreed with whoever it waits for); none: the date is open. */
  until?: DateText;
}

export interface Task {
  id: string;
  title: string;
  department: string;
  kind?: TaskKind;
  components?: string[];
  /** Task ids this task waits for. */
  after?: string[];
  estimate?: DurationText;
  /** "planner" for tasks written by `tam change plan --write`, "manual" for hand-written ones. */
  origin?: "planner" | "manual";
  status: TaskStatus;
  /** Who does it (a person's name as git knows it), for `tam status --mine`. */
  assignee?: string;
  history?: TaskEvent[];
  /** The task's ticket in its department's queue, as `tam task sync` last read it. */
  ticket?: TaskTicket;
  /** Escalations while it was blocked (`tam task escalate`), in time order. */
  escalations?: Escalation[];
}

export interface TaskTicket {
  key: string;
  /** The ticket's status as the service desk names it. */
  status?: string;
  /** What that status means: todo, in-progress, blocked, done or wont-do. */
  state?: "todo" | "in-progress" | "blocked" | "done" | "wont-do";
  /** The time of the latest ticket event synced (the export's own time). */
  synced_at?: TimestampText;
}

export type ChangeOutcome = "successful" | "with-issues" | "rolled-back";
export const CHANGE_OUTCOMES: ChangeOutcome[] = ["successful", "with-issues", "rolled-back"];

/** Who authorized the change for the client, and when. */
export interface Approval {
  by: string;
  at: TimestampText;
  /** "client": the client's sign-off; "cab": a change advisory board. */
  via?: "client" | "cab";
  note?: string;
}

/** One step of the change's lifecycle. */
export interface ChangeEvent {
  at: TimestampText;
  /** The change's status after the step. */
  status: ChangeStatus;
  by?: string;
  note?: string;
  /** The step was forced past failing readiness items (`--force --reason`): the reason. */
  forced?: string;
  /** The readiness items that failed when the step was forced: accepted risks. */
  accepted?: string[];
}

/** The post-implementation review, written when the change is closed. */
export interface ChangeClosure {
  outcome: ChangeOutcome;
  note: string;
}

/** The last status update sent to the client, and the late or blocked tasks it told about. */
export interface ChangeNotice {
  at: TimestampText;
  by?: string;
  late?: string[];
  blocked?: string[];
}

export interface Change {
  id: string;
  title: string;
  request?: string;
  requested_by?: string;
  requested_at?: DateText;
  type: ChangeType;
  risk?: Risk;
  due?: DateText;
  /**
   * When work on the systems may happen. `out_of_hours`: the window itself is working time (a night
   * or weekend window); default: true when it lies entirely outside the department's hours.
   */
  window?: { start: TimestampText; end?: TimestampText; out_of_hours?: boolean };
  scope: ScopeItem[];
  /** Components the change adds, described here until they join architecture.yaml. */
  new_components?: Component[];
  rollback?: string;
  test_plan?: string;
  status: ChangeStatus;
  approval?: Approval;
  closure?: ChangeClosure;
  last_notice?: ChangeNotice;
  history?: ChangeEvent[];
  tasks?: Task[];
  /** Blackouts this change may work in, and who agreed. */
  blackout_exceptions?: BlackoutException[];
  /** The plan as first written: kept, so that forecasts show their slip against it. */
  baseline?: Baseline;
}

export interface BlackoutException {
  /** The blackout's `id`, or the date its `from` falls on (YYYY-MM-DD). */
  blackout: string;
  agreed_by: string;
  agreed_at: DateText;
  note?: string;
}

export interface Baseline {
  /** When the plan was first written. */
  recorded_at: TimestampText;
  start: TimestampText;
  finish: TimestampText;
  /** The dates promised: internally (estimate ×2) and to the client (×3). */
  internal: DateText;
  client: DateText;
  /** Planned start and finish of each task at the time. */
  tasks?: Record<string, { start: TimestampText; finish: TimestampText }>;
  /** Set by `tam change rebaseline`: why the dates moved, and the client date promised before. */
  reason?: string;
  previous_client?: DateText;
}

export type IncidentStatus = "open" | "responded" | "resolved" | "closed";
export type EstimatedTime = "responded" | "resolved" | "closed";
export type CauseCategory = "hardware" | "software" | "network" | "configuration" | "capacity" | "human-error" | "vendor" | "security" | "external" | "unknown";

export interface Pause {
  from: TimestampText;
  to?: TimestampText;
  reason: "client" | "vendor" | "other";
  note?: string;
}

export interface Incident {
  id: string;
  title: string;
  priority: Priority;
  components?: string[];
  department?: string;
  opened: TimestampText;
  responded?: TimestampText;
  resolved?: TimestampText;
  closed?: TimestampText;
  /** Times tam estimated at import (the export said resolved or closed without the time: its last update was taken). */
  estimated?: EstimatedTime[];
  /** Times the export does not record (no column for them): not measured, shown as unknown. */
  unrecorded?: "responded"[];
  pauses?: Pause[];
  /**
   * Status changes the times above do not show, in time order: an earlier resolution that did not hold and
   * its reopening (imported from an event log, or written by hand). `resolved` stays the final resolution.
   */
  history?: IncidentEvent[];
  cause?: { category: CauseCategory; root_cause?: string };
  status: IncidentStatus;
  /** Free text: what was done so that it does not recur. */
  actions?: string;
  /** Id in the client's or provider's service desk, for idempotent imports. */
  external_id?: string;
  /** Updates sent to the client while the incident was open (`tam incident notify`). */
  notices?: IncidentNotice[];
  /** The post-incident review (`tam incident review`). */
  review?: IncidentReview;
  /** Escalations along the department's chain (`tam incident escalate`), in time order. */
  escalations?: Escalation[];
}

/** One escalation of a blocked task or an aging incident to a level of the department's chain. */
export interface Escalation {
  at: TimestampText;
  /** The level of the chain, 1 for the first. */
  level: number;
  /** Whom it went to: a person's name. */
  to: string;
  by?: string;
  note?: string;
}

export interface IncidentEvent {
  at: TimestampText;
  status: IncidentStatus | "reopened";
  by?: string;
  note?: string;
}

export interface IncidentNotice {
  at: TimestampText;
  by?: string;
  /** The next update promised (absent once resolved). */
  next?: TimestampText;
}

export interface IncidentReview {
  held: DateText;
  by?: string;
  /** The cause as the review found it, in a sentence. */
  cause?: string;
  /** Contributing factors. */
  factors?: string[];
  actions?: ReviewAction[];
  /** The review's markdown document, relative to the project root. */
  document?: string;
}

/** An action item: who does what by when, on which side; a post-incident review's or a client meeting's. */
export interface ActionItem {
  /** A1, A2, … within the review or the meeting. */
  id: string;
  text: string;
  /** A client contact of tam.yaml or a provider person (the TAM, the service manager, a department, a lead or engineer). */
  owner: string;
  side: "provider" | "client";
  due: DateText;
  state: "open" | "done";
  /** The day it was done: kept when on or before `due`, late after it. */
  done?: DateText;
  note?: string;
}

/** An action of a post-incident review. */
export type ReviewAction = ActionItem;

export interface IncidentsFile {
  incidents: Incident[];
}

export interface DocReview {
  date: DateText;
  by?: string;
  note?: string;
}

export interface DocEntry {
  id: string;
  title: string;
  /** Path relative to the project root, or an http(s) URL. */
  location: string;
  /** Department id or a person's name. */
  owner: string;
  covers?: string[];
  last_review?: DocReview;
  review_interval?: DurationText;
}

export interface DocsFile {
  docs: DocEntry[];
}

export type RecommendationState = "proposed" | "presented" | "accepted" | "declined" | "done";
export const RECOMMENDATION_STATES: RecommendationState[] = ["proposed", "presented", "accepted", "declined", "done"];

/** Where a recommendation comes from: a risk of `tam arch risks`, or an engineer's own proposal. */
export type RecommendationOrigin = { risk: string } | { proposal: { author: string } };

export interface RecommendationEntry {
  /** REC-001 … */
  id: string;
  origin: RecommendationOrigin;
  /** In the client's terms. */
  title: string;
  /** Why it matters to the client. */
  argument?: string;
  components?: string[];
  state: RecommendationState;
  presented?: { date: DateText; meeting?: string };
  /** The change that carries it out; done when that change is. */
  accepted?: { change: string; date: DateText; by?: string };
  /** The risk accepted by a client decision maker, until a review date. */
  declined?: { by: string; date: DateText; review: DateText; note?: string };
}

export interface RecommendationsFile {
  recommendations: RecommendationEntry[];
}

/** An action item agreed in a client meeting: who does what by when, on which side (the owner is a client contact of tam.yaml or a provider person). */
export type MeetingAction = ActionItem;

/** The minutes of one client meeting. */
export interface Meeting {
  /** MTG-2026-10-30 … */
  id: string;
  date: DateText;
  title?: string;
  /** Who attended: client contacts of tam.yaml, and provider people. */
  attendees: { client?: string[]; provider?: string[] };
  /** The report the meeting went through (as `tam report` wrote it), when prepared from one. */
  report?: string;
  agenda?: string[];
  /** Recommendations (ids of recommendations.yaml) presented in the meeting. */
  recommendations?: string[];
  decisions?: string[];
  actions?: MeetingAction[];
}

export interface MeetingsFile {
  meetings: Meeting[];
}

export type FileKind = "manifest" | "departments" | "architecture" | "change" | "incidents" | "docs" | "recommendations" | "meetings";
