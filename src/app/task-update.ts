// Use case: a department engineer's status update of a task (tam task start|done|block|unblock|
// cancel), appended to the task's history; the change follows its tasks in the same commit.
import { type WriteRequest, transactionFlags } from "./write-request.js";
import { UsageError } from "../errors.js";
import { dateProblem } from "../domain/dates.js";
import { statusFollowingTasks } from "../domain/tracking/lifecycle.js";
import { outOfOrderReason, writeInstant } from "../domain/tracking/history-time.js";
import { transition, type TaskAction } from "../domain/tracking/transition.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { BEFORE_WORK_STATUSES, type Change, type ChangeStatus, type TaskStatus } from "../model/files.js";
import { requireSoundIn } from "../project/check.js";
import { applyChangeEdit } from "../project/change-steps.js";
import { findProjectRoot } from "../project/discover.js";
import { findRepository } from "../project/git.js";
import { whoAmI } from "../project/identity.js";
import { FILE_NAMES } from "../project/load.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import { CHANGE_EDIT_PARTS, clockFor, openChangeUpdate, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { canonicalId } from "../util/ids.js";
import { readinessOf } from "./change-check.js";
import { workMomentProblem } from "../domain/tracking/readiness.js";
import { docGapText, docTaskCoverage } from "../domain/tracking/doc-coverage.js";

export interface TaskUpdateRequest extends ProjectOptions, ClockOptions, WriteRequest {
  action: TaskAction;
  /** CHANGE/TASK, e.g. CHG-0003/T2. */
  ref: string;
  note?: string;
  /** For block: the day the block is expected to clear (YYYY-MM-DD); without it the forecast is open. */
  until?: string;
  by?: string;
  force?: boolean;
  /** Why --force breaks a rule (the note stands in when absent). */
  reason?: string;
}

export interface TaskUpdate {
  change: string;
  task: string;
  department: string;
  from: TaskStatus;
  to: TaskStatus;
  by: string;
  at: string;
  /** The rule --force broke and why, as recorded in the history. */
  forced?: string;
  /** Readiness items the first work on the change was forced past, or documentation (accepted risks). */
  accepted?: string[];
  /** The change's status when the update moved it. */
  changeStatus?: { from: ChangeStatus; to: ChangeStatus };
  /** What the write did: files written, the commit. */
  write: WriteResult;
}

const TASK_PAST: Record<TaskAction, string> = { start: "started", done: "done", block: "blocked", unblock: "unblocked", cancel: "cancelled" };

export async function updateTask(request: TaskUpdateRequest): Promise<TaskUpdate> {
  const { action } = request;
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(request.ref);
  if (!match) throw new UsageError(`"${request.ref}" is not CHANGE/TASK, e.g. CHG-0003/T2`);
  const [, givenChange, givenTask] = match as unknown as [string, string, string];
  const until = request.until?.trim();
  if (until !== undefined) {
    if (action !== "block") throw new UsageError("--until goes with `tam task block`: the day the block is expected to clear");
    const problem = dateProblem(until);
    if (problem) throw new UsageError(`--until ${until}: ${problem}`);
  }
  // What git says whatever the project holds (who writes: user.name; the repository), asked while it is read.
  const root = findProjectRoot(request.project);
  const asked = request.by === undefined ? whoAmI(root) : undefined;
  const repository = findRepository(root);
  // What the edit of one change file and its re-validation need: not the incident log or recommendations,
  // and, once the change runs, not the other change files.
  const { project, change: found, file, changeFiles } = openChangeUpdate(root, givenChange);
  const by = request.by ?? (await asked!);
  // Ids as the project spells them (they are typed in any case).
  const changeId = found.id;
  const taskId =
    canonicalId(
      givenTask,
      (Array.isArray(found.tasks) ? found.tasks : []).map((t) => t.id),
    ) ?? givenTask;
  // The file and tam.yaml (and, for a documentation task marked done, docs.yaml), looked at alone, must be
  // sound before the edit reads them; their errors that need the whole project are the write's check
  // (refuseErrorsIn), made once with it. tam.yaml's time zone dates the update.
  const docTask = request.action === "done" && (Array.isArray(found.tasks) ? found.tasks : []).some((t) => t.id === taskId && t.kind === "documentation");
  requireSoundIn(project, [file, FILE_NAMES.manifest, ...(docTask ? [FILE_NAMES.docs] : [])]);
  const clock = clockFor(project, request.asOf, request.now);
  let update: Omit<TaskUpdate, "write"> | undefined;
  const write = await editFiles(
    project,
    [
      {
        path: file,
        edit: (_text, source) => {
          // Decide on the file as it is now, under the lock: another update may just have landed.
          const change = source!.data as Change;
          const tasks = change.tasks ?? [];
          const index = tasks.findIndex((t) => t.id === taskId);
          if (index < 0) throw new UsageError(`${changeId} has no task ${taskId}${tasks.length ? ` (tasks: ${tasks.map((t) => t.id).join(", ")})` : "; plan it first with `tam change plan --write`"}`);
          const task = tasks[index]!;
          // When: now, or the time on the --as-of day that keeps the file's history in order.
          const instant = writeInstant(change, clock);
          const at = formatZoned(instant, clock.timezone);
          // Blackouts and the window at the moment of work (a start only).
          const moment = action === "start" ? workMomentProblem(change, project.manifest, instant, clock.timezone) : undefined;
          // A documentation task is done when the docs index covers its components.
          const coverage = action === "done" ? docTaskCoverage(change, task, project.docs, instant, clock.timezone) : undefined;
          const docs = coverage?.gaps.length ? docGapText(coverage) : undefined;
          const result = transition(
            tasks,
            task,
            { action, force: Boolean(request.force), note: request.note, reason: request.reason, ...(moment ? { moment } : {}), ...(docs ? { docs } : {}), ...(until ? { until } : {}) },
            change,
          );
          if (!result.ok) throw new UsageError(result.reason);
          if (until && until < at.slice(0, 10)) throw new UsageError(`--until ${until} is before today (${at.slice(0, 10)}): give the day the block is now expected to clear`);
          const order = outOfOrderReason(`${changeId}/${taskId}`, task.history, instant, at);
          if (order) throw new UsageError(order);
          const note = request.note?.trim() || undefined;
          const event = {
            at,
            status: result.status,
            by,
            ...(note ? { note } : {}),
            ...(result.forced ? { forced: result.forced } : {}),
            ...(result.accepted ? { accepted: result.accepted } : {}),
            ...(until ? { until } : {}),
          };
          // The change follows its tasks, in the same commit: first work started → in-progress; all finished → review.
          const after = tasks.map((t, i) => (i === index ? { ...t, status: result.status, history: [...(t.history ?? []), event] } : t));
          const status = statusFollowingTasks(change.status, after);
          const changeOrder = status ? outOfOrderReason(changeId, change.history, instant, at) : undefined;
          if (changeOrder) throw new UsageError(changeOrder);
          const why = status === "review" ? "every task is done or cancelled" : `${changeId}/${taskId} ${TASK_PAST[action]}`;
          // The gate: the first work on a change needs every readiness item to pass (tam change check).
          // A missing approval is the transition's own rule above; a recorded one must be a decision maker's.
          let accepted: string[] | undefined;
          if (status && BEFORE_WORK_STATUSES.includes(change.status)) {
            // Read with this change file alone, the change was running; another update has since moved it back.
            const all = changeFiles ? openProject({ project: root }, CHANGE_EDIT_PARTS) : project;
            const { readiness } = readinessOf(all, change, clock.now, clock.timezone);
            const skip = change.approval ? [] : ["approver" as const];
            const failing = readiness.items.filter((i) => i.state === "fail" && !(skip as string[]).includes(i.id));
            if (failing.length) {
              const what = failing.map((i) => `${i.id}: ${i.why}`).join("; ");
              if (!request.force)
                throw new UsageError(`${changeId} is not ready for work to start: ${what}; see \`tam change check ${changeId}\`, or use --force with a --reason (recorded as an accepted risk)`);
              accepted = failing.map((i) => i.id);
            }
          }
          const reason = (request.reason ?? request.note)?.trim();
          update = {
            change: changeId,
            task: taskId,
            department: task.department,
            from: result.from,
            to: result.status,
            by,
            at,
            ...(result.forced ? { forced: result.forced } : {}),
            ...(accepted || result.accepted ? { accepted: [...(result.accepted ?? []), ...(accepted ?? [])] } : {}),
            ...(status ? { changeStatus: { from: change.status, to: status } } : {}),
          };
          const changeEvent = { at, status: status!, by, note: why, ...(accepted ? { forced: reason!, accepted } : {}) };
          return applyChangeEdit(source!, { task: { index, event }, ...(status ? { status, event: changeEvent } : {}) });
        },
      },
    ],
    {
      message: () => `${changeId}/${taskId} ${update!.department}: ${TASK_PAST[action]}`,
      by,
      ...transactionFlags(request),
      repository,
      validate: CHANGE_EDIT_PARTS,
      ...(changeFiles ? { changeFiles } : {}),
      // Errors in other files do not stop an update of this one (the write reports those it read as a
      // warning); tam.yaml must be valid: its time zone dates the update.
      refuseErrorsIn: [file, FILE_NAMES.manifest],
    },
  );
  return { ...update!, write };
}

export type { TaskAction } from "../domain/tracking/transition.js";
