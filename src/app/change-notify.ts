// Use case: the status update a TAM sends the client about a change (tam change notify); the
// notice is recorded in the change as `last_notice` (when, and which late and blocked tasks it
// told about) and committed, unless it is only a preview.
import { changeAsOf } from "../domain/tracking/history-time.js";
import { clientNotice, type ClientNotice } from "../domain/tracking/notice.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import type { Change } from "../model/files.js";
import { requireValidIn } from "../project/check.js";
import { applyChangeEdit } from "../project/change-steps.js";
import { whoAmI } from "../project/identity.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import { type WriteRequest, transactionFlags } from "./write-request.js";
import { clockFor, openProject, projectAsOf, type ClockOptions, type ProjectOptions } from "./context.js";
import { findChange } from "./lookup.js";

export interface NotifyRequest extends ProjectOptions, ClockOptions, WriteRequest {
  id: string;
  by?: string;
  /** false: a preview, nothing is stored. */
  record?: boolean;
}

export interface NotifyResult {
  notice: ClientNotice;
  /** Where and when the notice was recorded (absent for a preview). */
  recorded?: { file: string; at: string; write: WriteResult };
}

export async function notifyClient(request: NotifyRequest): Promise<NotifyResult> {
  const project = openProject(request, ["departments", "architecture", "changes"]);
  const { change, file } = findChange(project, request.id);
  requireValidIn(project, [file]);
  const clock = clockFor(project, request.asOf, request.now);
  // As of a past date, work recorded later has not happened yet.
  const context = { ...projectAsOf(project, clock), today: clock.today, timezone: clock.timezone, now: clock.now };
  if (request.record === false) return { notice: clientNotice({ ...context, change: changeAsOf(change, clock.now) }) };
  const by = request.by ?? (await whoAmI(project.root));
  const at = formatZoned(clock.now, clock.timezone);
  let notice: ClientNotice | undefined;
  const write = await editFiles(
    project,
    [
      {
        path: file,
        edit: (_text, source) => {
          // Written from the file as it is now, under the lock; it records what it told.
          notice = clientNotice({ ...context, change: changeAsOf(source!.data as Change, clock.now) });
          return applyChangeEdit(source!, { lastNotice: { at, by, late: notice.told.late, blocked: notice.told.blocked } });
        },
      },
    ],
    {
      message: `${request.id}: client notice`,
      by,
      ...transactionFlags(request),
      validate: ["departments", "architecture", "changes"],
    },
  );
  return { notice: notice!, recorded: { file, at, write } };
}
