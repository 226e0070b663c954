// Use case: one lifecycle step of a change (tam change approve|start|close|cancel|reject),
// recorded in its history with who and when, one commit. Closing a change with outcome
// successful or with-issues also writes it to architecture.yaml, in the same commit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { architectureUpdate, isEmptyUpdate, type ArchitectureUpdate } from "../domain/tracking/architecture-update.js";
import { changeStep, updatesArchitecture, type ChangeAction } from "../domain/tracking/lifecycle.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { CHANGE_OUTCOMES, type ArchitectureFile, type Change, type ChangeOutcome, type ChangeStatus } from "../model/files.js";
import { applyArchitectureUpdate } from "../project/architecture-edit.js";
import { requireValid } from "../project/check.js";
import { applyChangeEdit, type ChangeEdit } from "../project/change-steps.js";
import { editFiles, type FileToEdit } from "../project/change-write.js";
import { whoAmI } from "../project/identity.js";
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
  commit?: string;
}

const PAST: Record<ChangeAction, string> = { approve: "approved", start: "started", close: "closed", cancel: "cancelled", reject: "rejected" };

export async function takeChangeStep(request: ChangeStepRequest): Promise<ChangeStepResult> {
  const { action, id } = request;
  if (request.outcome !== undefined && !CHANGE_OUTCOMES.includes(request.outcome as ChangeOutcome)) throw new UsageError(`--outcome must be one of ${CHANGE_OUTCOMES.join(", ")}`);
  const outcome = request.outcome as ChangeOutcome | undefined;
  const project = openProject(request);
  requireValid(project);
  const clock = clockFor(project, request.asOf, request.now);
  const { file } = findChange(project, id);
  const by = request.by ?? (await whoAmI(project.root));
  const at = formatZoned(clock.now, clock.timezone);
  const architecture = FILE_NAMES.architecture;
  const writesArchitecture = action === "close" && outcome !== undefined && updatesArchitecture(outcome);
  const files: FileToEdit[] = [{ rel: file, kind: "change" }];
  if (writesArchitecture && existsSync(join(project.root, architecture))) files.push({ rel: architecture, kind: "architecture" });
  const saved = await editFiles(
    project.root,
    files,
    (sources) => {
      // Decide on the files as they are now, under the locks.
      const source = sources.get(file)!;
      const change = source.data as Change;
      const step = changeStep(change, { action, note: request.note, outcome });
      if (!step.ok) throw new UsageError(step.reason);
      const note = request.note?.trim() || undefined;
      const edit: ChangeEdit = { status: step.status, event: { at, status: step.status, by, ...(note && action !== "close" ? { note } : {}) } };
      if (action === "approve") edit.approval = { by, at, ...(request.via ? { via: request.via } : {}), ...(note ? { note } : {}) };
      if (action === "close") edit.closure = { outcome: outcome!, note: note! };
      const texts = new Map<string, string | null>([[file, applyChangeEdit(source, edit)]]);
      const arch = sources.get(architecture);
      let update: ArchitectureUpdate | undefined;
      if (arch) {
        update = architectureUpdate(change, (arch.data as ArchitectureFile | null)?.components ?? [], clock.today);
        if (!isEmptyUpdate(update)) texts.set(architecture, applyArchitectureUpdate(arch, update, change.id, clock.today));
      } else if (writesArchitecture && (change.new_components ?? []).length) {
        throw new UsageError(`${change.id} adds components but the project has no ${architecture}: create it (\`components: []\`) first`);
      }
      const result: ChangeStepResult = { id, action, from: step.from, to: step.status, by, at, ...(outcome ? { outcome } : {}), ...(update && !isEmptyUpdate(update) ? { architecture: update } : {}) };
      return { texts, result };
    },
    request.commit === false ? undefined : () => `${id}: ${PAST[action]}${action === "approve" ? ` by ${by}` : ""}${outcome ? ` (${outcome})` : ""}`,
  );
  return { ...saved.result, ...(saved.commit ? { commit: saved.commit } : {}) };
}
