// Use case: one lifecycle step of a change (tam change approve|start|close|cancel|reject),
// recorded in its history with who and when, one commit. Closing a change with outcome
// successful or with-issues also writes it to architecture.yaml, in the same commit.
import { transactionFlags, type WriteRequest } from "./write-request.js";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { architectureUpdate, isEmptyUpdate, type ArchitectureUpdate } from "../domain/tracking/architecture-update.js";
import { checkApprover } from "../domain/tracking/approvers.js";
import { outOfOrderReason, writeInstant } from "../domain/tracking/history-time.js";
import { changeStep, updatesArchitecture, type ChangeAction } from "../domain/tracking/lifecycle.js";
import { failingText } from "../domain/tracking/readiness.js";
import { baselineOf } from "../domain/planner/promises.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { CHANGE_OUTCOMES, type ArchitectureFile, type Change, type ChangeOutcome, type ChangeStatus } from "../model/files.js";
import { applyArchitectureUpdate } from "../project/architecture-edit.js";
import { requireValidIn } from "../project/check.js";
import { applyChangeEdit, type ChangeEdit } from "../project/change-steps.js";
import { whoAmI } from "../project/identity.js";
import { editFiles, type FileEdit, type WriteResult } from "../project/transaction.js";
import { FILE_NAMES } from "../project/load.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { findChange } from "./lookup.js";
import { readinessOf } from "./change-check.js";

export interface ChangeStepRequest extends ProjectOptions, ClockOptions, WriteRequest {
  action: ChangeAction;
  id: string;
  /** Who takes the step; for approve, who approved for the client. */
  by?: string;
  note?: string;
  via?: "client" | "cab";
  /** For close: successful, with-issues or rolled-back. */
  outcome?: string;
  /** approve, start: go past failing readiness items; needs `reason`, recorded in the history as an accepted risk. */
  force?: boolean;
  reason?: string;
  /** approve: correct the approver of a recorded approval (needs `reason`). */
  correct?: boolean;
}

export interface ChangeStepResult {
  id: string;
  action: ChangeAction;
  from: ChangeStatus;
  to: ChangeStatus;
  by: string;
  at: string;
  outcome?: ChangeOutcome;
  /** What closing wrote to architecture.yaml (absent when nothing). */
  architecture?: ArchitectureUpdate;
  /** Readiness items the step was forced past (accepted risks), with the reason. */
  accepted?: { items: string[]; reason: string };
  /** approve: the baseline stored with the approval (absent when one was already stored). */
  baseline?: { finish: string; internal: string; client: string };
  /** approve --correct: the approver recorded before. */
  corrected?: string;
  /** What the write did: files written, the commit. */
  write: WriteResult;
}

const PAST: Record<ChangeAction, string> = { approve: "approved", start: "started", close: "closed", cancel: "cancelled", reject: "rejected" };

export async function takeChangeStep(request: ChangeStepRequest): Promise<ChangeStepResult> {
  const { action, id } = request;
  if (request.outcome !== undefined && !CHANGE_OUTCOMES.includes(request.outcome as ChangeOutcome)) throw new UsageError(`--outcome must be one of ${CHANGE_OUTCOMES.join(", ")}`);
  const outcome = request.outcome as ChangeOutcome | undefined;
  const project = openProject(request);
  const { file } = findChange(project, id);
  const architecture = FILE_NAMES.architecture;
  const writesArchitecture = action === "close" && outcome !== undefined && updatesArchitecture(outcome);
  const hasArchitecture = existsSync(join(project.root, architecture));
  // Errors in other files do not stop this step (the write reports them as a warning).
  requireValidIn(project, writesArchitecture && hasArchitecture ? [file, architecture] : [file]);
  const clock = clockFor(project, request.asOf, request.now);
  const reason = request.reason?.trim() || undefined;
  if ((request.force || request.correct) && !reason) throw new UsageError(`${request.correct ? "--correct" : "--force"} needs --reason saying why`);
  if (request.correct && action !== "approve") throw new UsageError("--correct corrects a recorded approval: use it with `tam change approve`");
  let by: string;
  let via = request.via;
  if (action === "approve") {
    // "Get the decision makers involved": the client's approval names a decision maker, or the CAB.
    if (!request.by?.trim()) throw new UsageError(`--by is required: who approved ${id} for the client (a contact with can_approve: true in tam.yaml, or CAB)`);
    const approver = checkApprover(request.by, project.manifest);
    if (!approver.ok) throw new UsageError(`--by ${approver.reason}`);
    if (via && via !== approver.via) throw new UsageError(`--via ${via} does not match --by ${approver.by} (${approver.via === "cab" ? "the CAB" : "a client decision maker"})`);
    by = approver.by;
    via = approver.via;
  } else by = request.by ?? (await whoAmI(project.root));
  const recorder = request.correct ? await whoAmI(project.root) : by;
  let result: Omit<ChangeStepResult, "write"> | undefined;
  let change: Change | undefined;
  // The change file is edited first (the transaction applies edits in order): it decides the step,
  // and architecture.yaml is written from the change as it was read under the lock.
  const edits: FileEdit[] = [
    {
      path: file,
      edit: (_text, source) => {
        change = source!.data as Change;
        if (request.correct) {
          // A recorded correction, not a rewrite of the past: the approval names the right person, the history says who was recorded before and why.
          if (!change.approval) throw new UsageError(`${change.id} has no recorded approval to correct; record it with \`tam change approve ${change.id} --by <who>\``);
          const was = change.approval.by;
          if (was === by) throw new UsageError(`${change.id}'s approval is already recorded as by ${by}`);
          // A correction is an entry of the history like any other: at a time that keeps it in order.
          const at = formatZoned(writeInstant(change, clock), clock.timezone);
          const note = `approval corrected: recorded as by ${was}, approved by ${by}: ${reason}`;
          result = { id, action, from: change.status, to: change.status, by, at, corrected: was };
          return applyChangeEdit(source!, {
            approval: { ...change.approval, by, via: via! },
            event: { at, status: change.status, by: recorder, note },
          });
        }
        const step = changeStep(change, { action, note: request.note, outcome });
        if (!step.ok) throw new UsageError(step.reason);
        // When: now, or the time on the --as-of day that keeps the file's history in order.
        const instant = writeInstant(change, clock);
        const at = formatZoned(instant, clock.timezone);
        const order = outOfOrderReason(change.id, change.history, instant, at);
        if (order) throw new UsageError(order);
        if (writesArchitecture && !hasArchitecture && (change.new_components ?? []).length) {
          throw new UsageError(`${change.id} adds components but the project has no ${architecture}: create it (\`components: []\`) first`);
        }
        const note = request.note?.trim() || undefined;
        const edit: ChangeEdit = { status: step.status, event: { at, status: step.status, by, ...(note && action !== "close" ? { note } : {}) } };
        let accepted: ChangeStepResult["accepted"];
        let stored: ChangeStepResult["baseline"];
        // The gate: approval, and the start of the work, need every readiness item to pass (tam change check).
        const firstWork = action === "start";
        if (action === "approve" || firstWork) {
          const { readiness, schedule } = readinessOf(project, change, clock.now, clock.timezone, action === "approve" ? by : undefined);
          const skip = firstWork && !change.approval ? (["approver"] as const) : [];
          const failing = readiness.items.filter((i) => i.state === "fail" && !(skip as readonly string[]).includes(i.id));
          const noPlan = failing.find((i) => i.id === "plan");
          if (action === "approve" && noPlan) throw new UsageError(`${change.id} cannot be approved: ${noPlan.why}; a client cannot approve a promise that does not exist`);
          if (failing.length) {
            const what = failingText(readiness, skip);
            if (!request.force)
              throw new UsageError(
                `${change.id} is not ready (${action === "approve" ? "approval" : "start of work"} refused): ${what}; see \`tam change check ${change.id}\`, or use --force with a --reason (recorded as an accepted risk)`,
              );
            accepted = { items: failing.map((i) => i.id), reason: reason! };
            edit.event = { ...edit.event!, forced: reason!, accepted: accepted.items };
          }
          // Promises frozen at approval: the dates agreed are stored once, and never move by themselves.
          if (action === "approve" && !change.baseline) {
            const baseline = baselineOf(schedule, clock.now, clock.timezone);
            if (baseline) {
              edit.baseline = baseline;
              stored = { finish: baseline.finish, internal: baseline.internal, client: baseline.client };
            }
          }
        }
        if (action === "approve") edit.approval = { by, at, ...(via ? { via } : {}), ...(note ? { note } : {}) };
        if (action === "close") edit.closure = { outcome: outcome!, note: note! };
        result = { id, action, from: step.from, to: step.status, by, at, ...(outcome ? { outcome } : {}), ...(accepted ? { accepted } : {}), ...(stored ? { baseline: stored } : {}) };
        return applyChangeEdit(source!, edit);
      },
    },
  ];
  if (writesArchitecture && hasArchitecture) {
    edits.push({
      path: architecture,
      edit: (_text, source) => {
        const update = architectureUpdate(change!, (source!.data as ArchitectureFile | null)?.components ?? [], clock.today);
        if (isEmptyUpdate(update)) return null;
        result!.architecture = update;
        return applyArchitectureUpdate(source!, update, change!.id, clock.today);
      },
    });
  }
  const write = await editFiles(project, edits, {
    message: () =>
      request.correct
        ? `${id}: approval corrected to ${by} (was ${result!.corrected})`
        : `${id}: ${PAST[action]}${action === "approve" ? ` by ${by}` : ""}${outcome ? ` (${outcome})` : ""}${result!.accepted ? ` (forced past ${result!.accepted.items.join(", ")})` : ""}`,
    by: recorder,
    ...transactionFlags(request),
  });
  return { ...result!, write };
}

export type { ChangeAction } from "../domain/tracking/lifecycle.js";
