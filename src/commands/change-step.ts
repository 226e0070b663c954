// tam change approve|start|close|cancel|reject <ID>: one lifecycle step of a change, recorded
// in its history with who and when, one commit. Closing a successful change also writes its
// components to architecture.yaml, in the same commit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXIT_OK, UsageError } from "../errors.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { architectureUpdate, isEmptyUpdate, type ArchitectureUpdate } from "../domain/tracking/architecture-update.js";
import { changeStep, updatesArchitecture, type ChangeAction } from "../domain/tracking/lifecycle.js";
import { CHANGE_OUTCOMES, type ArchitectureFile, type Change, type ChangeOutcome } from "../model/files.js";
import { applyArchitectureUpdate } from "../project/architecture-edit.js";
import { requireValid } from "../project/check.js";
import { applyChangeEdit, type ChangeEdit } from "../project/change-steps.js";
import { editFiles, type FileToEdit } from "../project/change-write.js";
import { whoAmI } from "../project/identity.js";
import { FILE_NAMES } from "../project/load.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { findChange } from "./lookup.js";

export interface ChangeStepOptions {
  by?: string;
  note?: string;
  via?: "client" | "cab";
  outcome?: string;
  commit?: boolean;
  asOf?: string;
}

const PAST: Record<ChangeAction, string> = { approve: "approved", start: "started", close: "closed", cancel: "cancelled", reject: "rejected" };

interface StepResult {
  from: string;
  to: string;
  architecture?: ArchitectureUpdate;
}

export async function runChangeStep(globals: GlobalOptions, action: ChangeAction, id: string, options: ChangeStepOptions, output: Output = processOutput): Promise<number> {
  if (options.outcome !== undefined && !CHANGE_OUTCOMES.includes(options.outcome as ChangeOutcome)) throw new UsageError(`--outcome must be one of ${CHANGE_OUTCOMES.join(", ")}`);
  const outcome = options.outcome as ChangeOutcome | undefined;
  const project = openProject(globals);
  requireValid(project);
  const clock = clockFor(project, options.asOf);
  const { file } = findChange(project, id);
  const by = options.by ?? (await whoAmI(project.root));
  const at = formatZoned(clock.now, clock.timezone);
  const architecture = FILE_NAMES.architecture;
  const files: FileToEdit[] = [{ rel: file, kind: "change" }];
  if (action === "close" && outcome && updatesArchitecture(outcome) && existsSync(join(project.root, architecture))) files.push({ rel: architecture, kind: "architecture" });
  const saved = await editFiles(
    project.root,
    files,
    (sources) => {
      // Decide on the files as they are now, under the locks.
      const source = sources.get(file)!;
      const change = source.data as Change;
      const step = changeStep(change, { action, note: options.note, outcome });
      if (!step.ok) throw new UsageError(step.reason);
      const note = options.note?.trim() || undefined;
      const edit: ChangeEdit = { status: step.status, event: { at, status: step.status, by, ...(note && action !== "close" ? { note } : {}) } };
      if (action === "approve") edit.approval = { by, at, ...(options.via ? { via: options.via } : {}), ...(note ? { note } : {}) };
      if (action === "close") edit.closure = { outcome: outcome!, note: note! };
      const texts = new Map<string, string | null>([[file, applyChangeEdit(source, edit)]]);
      let update: ArchitectureUpdate | undefined;
      const arch = sources.get(architecture);
      if (arch) {
        update = architectureUpdate(change, ((arch.data as ArchitectureFile | null)?.components ?? []) as ArchitectureFile["components"], clock.today);
        if (!isEmptyUpdate(update)) texts.set(architecture, applyArchitectureUpdate(arch, update, change.id, clock.today));
      } else if (action === "close" && outcome && updatesArchitecture(outcome) && (change.new_components ?? []).length) {
        throw new UsageError(`${change.id} adds components but the project has no ${architecture}: create it (\`components: []\`) first`);
      }
      return { texts, result: { from: step.from, to: step.status, ...(update ? { architecture: update } : {}) } as StepResult };
    },
    options.commit === false ? undefined : () => `${id}: ${PAST[action]}${action === "approve" ? ` by ${by}` : ""}${outcome ? ` (${outcome})` : ""}`,
  );
  const { from, to, architecture: update } = saved.result;
  const lines = [`${id}: ${from} → ${to} by ${by} at ${at}${outcome ? `, outcome ${outcome}` : ""}${saved.commit ? ` (commit ${saved.commit})` : ""}`];
  if (update && !isEmptyUpdate(update)) {
    const parts = [
      update.add.length ? `added ${update.add.map((c) => c.id).join(", ")}` : "",
      update.set.length ? `updated ${update.set.map((s) => `${s.id} (${Object.keys(s.values).join(", ")})`).join(", ")}` : "",
      update.decommission.length ? `decommissioned ${update.decommission.map((d) => d.id).join(", ")}` : "",
    ].filter(Boolean);
    lines.push(`${architecture}: ${parts.join("; ")}`);
  } else if (outcome === "rolled-back") lines.push(`${architecture} left as it was (rolled back)`);
  if (to === "approved" || (action === "approve" && from === to)) lines.push(`next: tam task start ${id}/<task>`);
  output.out(lines.join("\n"));
  return EXIT_OK;
}
