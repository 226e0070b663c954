// Use case: one lifecycle step of a change (tam change approve|start|close|cancel|reject),
// recorded in its history with who and when, one commit. Closing a change with outcome
// successful or with-issues also writes it to architecture.yaml, in the same commit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { architectureUpdate, isEmptyUpdate, type ArchitectureUpdate } from "../domain/tracking/architecture-update.js";
import { outOfOrderReason, writeInstant } from "../domain/tracking/history-time.js";
import { changeStep, updatesArchitecture, type ChangeAction } from "../domain/tracking/lifecycle.js";
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

export interface ChangeStepRequest extends ProjectOptions, ClockOptions {
  action: ChangeAction;
  id: string;
  /** Who takes the step; for approve, who approved for the client. */
  by?: string;
  note?: string;
  via?: "client" | "cab";
  /** For close: successful, with-issues or rolled-back. */
  outcome?: string;
  /** false: write the files, do not commit them. */
  commit?: boolean;
  /** Seconds to wait for another tam write (--wait). */
  wait?: number;
  /** Commit uncommitted changes already in the files too (--include-local-changes). */
  includeLocalChanges?: boolean;
  /** false: commit without the repository\'s git hooks (--no-verify). */
  verify?: boolean;
  /** Receives the write's warnings. */
  warn?: (text: string) => void;
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
  const by = request.by ?? (await whoAmI(project.root));
  let result: Omit<ChangeStepResult, "write"> | undefined;
  let change: Change | undefined;
  // The change file is edited first (the transaction applies edits in order): it decides the step,
  // and architecture.yaml is written from the change as it was read under the lock.
  const edits: FileEdit[] = [
    {
      path: file,
      edit: (_text, source) => {
        change = source!.data as Change;
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
        if (action === "approve") edit.approval = { by, at, ...(request.via ? { via: request.via } : {}), ...(note ? { note } : {}) };
        if (action === "close") edit.closure = { outcome: outcome!, note: note! };
        result = { id, action, from: step.from, to: step.status, by, at, ...(outcome ? { outcome } : {}) };
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
    message: () => `${id}: ${PAST[action]}${action === "approve" ? ` by ${by}` : ""}${outcome ? ` (${outcome})` : ""}`,
    by,
    commit: request.commit !== false,
    waitSeconds: request.wait,
    includeLocalChanges: request.includeLocalChanges,
    verify: request.verify,
    warn: request.warn,
  });
  return { ...result!, write };
}
