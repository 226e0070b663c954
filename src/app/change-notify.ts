// Use case: the status update a TAM sends the client about a change (tam change notify); the
// notice is recorded in the change as `last_notice` (when, and which late and blocked tasks it
// told about) and committed, unless it is only a preview.
import { clientNotice, type ClientNotice } from "../domain/tracking/notice.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import type { Change } from "../model/files.js";
import { requireValid } from "../project/check.js";
import { applyChangeEdit } from "../project/change-steps.js";
import { editChangeFile } from "../project/change-write.js";
import { whoAmI } from "../project/identity.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { findChange } from "./lookup.js";

export interface NotifyRequest extends ProjectOptions, ClockOptions {
  id: string;
  by?: string;
  /** false: a preview, nothing is stored. */
  record?: boolean;
  /** false: record the notice in the file, do not commit it. */
  commit?: boolean;
}

export interface NotifyResult {
  notice: ClientNotice;
  /** Where and when the notice was recorded (absent for a preview). */
  recorded?: { file: string; at: string; commit?: string };
}

export async function notifyClient(request: NotifyRequest): Promise<NotifyResult> {
  const project = openProject(request, ["departments", "architecture", "changes"]);
  requireValid(project);
  const clock = clockFor(project, request.asOf, request.now);
  const { change, file } = findChange(project, request.id);
  const context = { ...project, today: clock.today, timezone: clock.timezone };
  if (request.record === false) return { notice: clientNotice({ ...context, change }) };
  const by = request.by ?? (await whoAmI(project.root));
  const at = formatZoned(clock.now, clock.timezone);
  const saved = await editChangeFile(
    project.root,
    file,
    (source) => {
      // Written from the file as it is now, under its lock; it records what it told.
      const notice = clientNotice({ ...context, change: source.data as Change });
      return { text: applyChangeEdit(source, { lastNotice: { at, by, late: notice.told.late, blocked: notice.told.blocked } }), result: notice };
    },
    request.commit === false ? undefined : () => `${request.id}: client notice`,
  );
  return { notice: saved.result, recorded: { file, at, ...(saved.commit ? { commit: saved.commit } : {}) } };
}
