// The public API of the tam-cli package, for scripts that want tam's results without the CLI:
// read a project, check it, plan a change, assess documentation, report SLA, build the report.
// Domain functions are pure: the caller passes `now`/`today` (see the CLI's commands for examples).
export { loadProject, type Project, type LoadPart } from "./project/load.js";
export { projectIssues } from "./project/check.js";
export type { Issue, Location } from "./model/issues.js";
export { planChange, scheduleProject } from "./domain/planner/index.js";
export type { Plan, PlanInput } from "./domain/planner/types.js";
export type { ChangeSchedule, ProjectSchedule, ScheduleInput, TaskSchedule } from "./domain/planner/schedule-types.js";
export { ganttLines, changeBars, type GanttBar, type GanttOptions } from "./format/plan/gantt.js";
export { assessFreshness } from "./domain/freshness/assess.js";
export type { FreshnessInput, FreshnessReport, DocFreshness, DocState } from "./domain/freshness/types.js";
export { slaReport, type SlaReport, type SlaReportInput, type GroupBy } from "./domain/sla/report.js";
export { resolvePeriod, type Period } from "./domain/sla/period.js";
export { buildClientReport, type ReportInput } from "./domain/report/build.js";
export type { ClientReport } from "./domain/report/types.js";
export type * from "./model/files.js";
// Use cases: one per user action, each returning what the CLI prints (as data).
export { reportSla, type ReportSlaOptions, type ReportSlaResult } from "./app/report-sla.js";
export { archGraph } from "./app/arch-graph.js";
export { portfolio, portfolioFind, type PortfolioOptions, type PortfolioFindOptions, type PortfolioFindResult } from "./app/portfolio.js";
export type { ProjectOptions, ClockOptions } from "./app/context.js";
export { takeChangeStep, type ChangeStepRequest, type ChangeStepResult } from "./app/change-step.js";
export { notifyClient, type NotifyRequest, type NotifyResult } from "./app/change-notify.js";
export { updateTask, type TaskUpdateRequest, type TaskUpdate } from "./app/task-update.js";
export { checkDocs, type CheckDocsOptions, type CheckDocsResult } from "./app/check-docs.js";
export { archRisks, type ArchRisksResult } from "./app/assess-risks.js";
export { reviewDoc, type ReviewDocOptions, type ReviewDocResult } from "./app/review-doc.js";
export {
  listMeetings,
  newMeeting,
  addMeetingAction,
  setMeetingActionState,
  type MeetingListResult,
  type MeetingSummary,
  type MeetingWriteResult,
} from "./app/meeting.js";
export type { ActionLine, ActionState, ActionsReview } from "./domain/meetings/minutes.js";
export { changePlan, type ChangePlanRequest, type ChangePlanResult } from "./app/change-plan.js";
export { status, type StatusRequest } from "./app/project-status.js";
export { validate, type ValidateRequest, type ValidateResult } from "./app/validate.js";
export { createChange, type NewChangeRequest } from "./app/change-new.js";
export { addIncident, type AddIncidentRequest, type AddIncidentResult } from "./app/incident-add.js";
export { updateIncident, type UpdateIncidentRequest } from "./app/incident-update.js";
export { importIncidentFile, type ImportIncidentsRequest } from "./app/import-incidents.js";
export { recordDocsBaseline, type DocsBaselineRequest, type DocsBaselineResult } from "./app/docs-baseline.js";
export { initProject, type InitRequest, type InitResult } from "./app/init.js";
export { adoptProject, type AdoptResult } from "./app/init-adopt.js";
export { checkChange, type ChangeCheckRequest, type ChangeCheckResult } from "./app/change-check.js";
export type { WriteRequest } from "./app/write-request.js";
export type { Prompter } from "./app/prompter.js";
