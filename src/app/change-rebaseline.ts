// Use case: tam change rebaseline <ID> --reason: move the promise, as an explicit, recorded act.
// The baseline (planned dates, the internal ×2 and the client ×3 dates) is replaced by today's
// forecast, the reason and the client date promised before are kept in it, and the change's history
// records the step. `tam status` lists the change as "the client must be told" until a notice is sent.
import { transactionFlags, type WriteRequest } from "./write-request.js";
import { UsageError } from "../errors.js";
import { baselineOf } from "../domain/planner/promises.js";
import { outOfOrderReason, writeInstant } from "../domain/tracking/history-time.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { FINAL_CHANGE_STATUSES, type Change } from "../model/files.js";
import { requireValidIn } from "../project/check.js";
import { applyChangeEdit } from "../project/change-steps.js";
import { whoAmI } from "../project/identity.js";
import { FILE_NAMES } from "../project/load.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import { forecastOf } from "./change-check.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { findChange } from "./lookup.js";

export interface RebaselineRequest extends ProjectOptions, ClockOptions, WriteRequest {
  id: string;
  reason?: string;
  by?: string;
}

export interface RebaselineResult {
  id: string;
  by: string;
  at: string;
  /** The client date promised before (absent when no baseline was stored). */
  from?: string;
  to: string;
  internal: string;
  finish: string;
  reason: string;
  write: WriteResult;
}

export async function rebaselineChange(request: RebaselineRequest): Promise<RebaselineResult> {
  const reason = request.reason?.trim();
  if (!reason) throw new UsageError("--reason is required: why the promise moves (the client is told)");
  const project = openProject(request);
  const { file } = findChange(project, request.id);
  requireValidIn(project, [file, FILE_NAMES.manifest]);
  const clock = clockFor(project, request.asOf, request.now);
  const by = request.by ?? (await whoAmI(project.root));
  let result: Omit<RebaselineResult, "write"> | undefined;
  const write = await editFiles(
    project,
    [
      {
        path: file,
        edit: (_text, source) => {
          const change = source!.data as Change;
          if (FINAL_CHANGE_STATUSES.includes(change.status)) throw new UsageError(`${change.id} is ${change.status}: its promise is history`);
          // An entry of the change's history like a step: at a time that keeps the history in order.
          const instant = writeInstant(change, clock);
          const at = formatZoned(instant, clock.timezone);
          const order = outOfOrderReason(change.id, change.history, instant, at);
          if (order) throw new UsageError(order);
          const { schedule } = forecastOf(project, change, clock.now, clock.timezone);
          const fresh = baselineOf(schedule, clock.now, clock.timezone);
          if (!fresh) throw new UsageError(`${change.id} has no plan to promise from: run \`tam change plan ${change.id} --write\` first`);
          const from = change.baseline?.client;
          const baseline = { ...fresh, reason, ...(from ? { previous_client: from } : {}) };
          const note = `rebaselined: promised to the client ${from ? `${from} → ` : ""}${fresh.client}, internal ${fresh.internal}: ${reason}`;
          result = { id: change.id, by, at, ...(from ? { from } : {}), to: fresh.client, internal: fresh.internal, finish: fresh.finish, reason };
          return applyChangeEdit(source!, { baseline, event: { at, status: change.status, by, note } });
        },
      },
    ],
    {
      message: () => `${result!.id}: rebaselined, promise ${result!.from ? `${result!.from} → ` : ""}${result!.to}`,
      by,
      ...transactionFlags(request),
    },
  );
  return { ...result!, write };
}
