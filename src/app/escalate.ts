// Use cases: escalate a blocked task (tam task escalate) or an aging incident (tam incident escalate)
// to the level of its department's chain that is due: the message is drafted, and the escalation is
// recorded on the task (or incident) in time order and committed, unless it is only a preview.
import { UsageError } from "../errors.js";
import { incidentOrderReason, incidentWriteInstant } from "../domain/incidents/record-time.js";
import { escalationDraft, incidentEscalation, levelToEscalate, taskEscalation, type EscalationDraft } from "../domain/tracking/escalation.js";
import { outOfOrderReason, writeInstant } from "../domain/tracking/history-time.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import type { Change, Escalation, Incident } from "../model/files.js";
import { requireValidIn } from "../project/check.js";
import { whoAmI } from "../project/identity.js";
import { FILE_NAMES, type Project } from "../project/load.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import { transactionFlags, type WriteRequest } from "./write-request.js";
import { appendSeqItems, setMapEntry, verifyEdit, type Plain } from "../project/yaml-text.js";
import { canonicalId } from "../util/ids.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { incidentEdit, lookUp } from "./incident-review.js";
import { findChange } from "./lookup.js";

export interface EscalateRequest extends ProjectOptions, ClockOptions, WriteRequest {
  /** CHANGE/TASK for a task, an incident id for an incident. */
  ref: string;
  by?: string;
  /** What is asked for, recorded with the escalation. */
  note?: string;
  /** false: a preview, nothing is stored. */
  record?: boolean;
}

export interface EscalateResult {
  draft: EscalationDraft;
  recorded?: { file: string; escalation: Escalation; write: WriteResult };
}

/** The keys of a task in file order, for a new `escalations` entry (after the history, before the ticket). */
const TASK_KEYS = ["id", "title", "department", "kind", "components", "after", "estimate", "origin", "status", "assignee", "history", "escalations", "ticket"];
const ESCALATION_KEYS = ["at", "level", "to", "by", "note"] as const;

const ordered = (e: Escalation): Escalation => Object.fromEntries(ESCALATION_KEYS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])) as unknown as Escalation;

function context(project: Project, timezone: string) {
  return { departments: project.departments, manifest: project.manifest, timezone };
}

export async function escalateTask(request: EscalateRequest): Promise<EscalateResult> {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(request.ref);
  if (!match) throw new UsageError(`"${request.ref}" is not CHANGE/TASK, e.g. CHG-0003/T2`);
  const project = openProject(request);
  const { change: found, file } = findChange(project, match[1]!);
  const taskId =
    canonicalId(
      match[2]!,
      (Array.isArray(found.tasks) ? found.tasks : []).map((t) => t.id),
    ) ?? match[2]!;
  requireValidIn(project, [file, FILE_NAMES.manifest, FILE_NAMES.departments]);
  const clock = clockFor(project, request.asOf, request.now);
  const ctx = context(project, clock.timezone);
  const by = request.by ?? (await whoAmI(project.root));
  const note = request.note?.trim() || undefined;
  const decide = (change: Change) => {
    const tasks = Array.isArray(change.tasks) ? change.tasks : [];
    const index = tasks.findIndex((t) => t.id === taskId);
    if (index < 0) throw new UsageError(`${change.id} has no task ${taskId}${tasks.length ? ` (tasks: ${tasks.map((t) => t.id).join(", ")})` : ""}`);
    const task = tasks[index]!;
    const subject = `${change.id}/${task.id}`;
    const instant = writeInstant(change, clock);
    const at = formatZoned(instant, clock.timezone);
    const order = outOfOrderReason(subject, task.escalations, instant, at);
    if (order) throw new UsageError(order);
    const state = taskEscalation(change, task, instant, ctx);
    const level = levelToEscalate(state, subject, {
      ...(task.status !== "blocked" ? { notBlocked: `${subject} is ${task.status}, not blocked: only blocked work is escalated (\`tam task block ${subject} --note '…'\` first)` } : {}),
      noChain: `department ${task.department} declares no escalation chain for blocked tasks (departments.yaml, escalation.blocked)`,
    });
    if (typeof level === "string") throw new UsageError(level);
    const escalation = ordered({ at, level: level.level, to: level.to, by, ...(note ? { note } : {}) });
    const draft = escalationDraft(state!, level, { ...ctx, now: instant, change: { id: change.id, title: change.title }, by });
    return { index, task, escalation, draft };
  };
  let decided = decide(found);
  if (request.record === false) return { draft: decided.draft };
  const write = await editFiles(
    project,
    [
      {
        path: file,
        edit: (text, source) => {
          if (text === null) throw new UsageError(`${file} is gone`);
          const change = source!.data as Change;
          decided = decide(change);
          const { index, task, escalation } = decided;
          const item = escalation as unknown as Plain;
          const next = Array.isArray(task.escalations) ? appendSeqItems(text, ["tasks", index, "escalations"], [item], 6) : setMapEntry(text, ["tasks", index], "escalations", [item], TASK_KEYS);
          const tasks = change.tasks!.map((t, i) => (i === index ? { ...t, escalations: [...(t.escalations ?? []), escalation] } : t));
          verifyEdit(next, { ...change, tasks }, file);
          return next;
        },
      },
    ],
    {
      message: () => `${decided.draft.subject} ${decided.task.department}: escalated to ${decided.escalation.to} (level ${decided.escalation.level})`,
      by,
      ...transactionFlags(request),
    },
  );
  return { draft: decided.draft, recorded: { file, escalation: decided.escalation, write } };
}

export async function escalateIncident(request: EscalateRequest): Promise<EscalateResult> {
  const project = openProject(request);
  const found = lookUp(project, request.ref);
  requireValidIn(project, [FILE_NAMES.departments]);
  const clock = clockFor(project, request.asOf, request.now);
  const ctx = context(project, clock.timezone);
  const by = request.by ?? (await whoAmI(project.root));
  const note = request.note?.trim() || undefined;
  const decide = (incident: Incident) => {
    const instant = incidentWriteInstant(incident, clock);
    const at = formatZoned(instant, clock.timezone);
    const order = incidentOrderReason(incident, "escalation", incident.escalations, instant, at);
    if (order) throw new UsageError(order);
    const open = incident.status === "open" || incident.status === "responded";
    const state = incidentEscalation(incident, instant, ctx);
    const level = levelToEscalate(state, incident.id, {
      ...(!open ? { notBlocked: `${incident.id} is ${incident.status}: only an open incident is escalated` } : {}),
      noChain: incident.department
        ? `department ${incident.department} declares no escalation chain for ${incident.priority} incidents (departments.yaml, escalation.incidents.${incident.priority})`
        : `${incident.id} has no department: its escalation chain is its department's`,
    });
    if (typeof level === "string") throw new UsageError(level);
    const escalation = ordered({ at, level: level.level, to: level.to, by, ...(note ? { note } : {}) });
    return { escalation, draft: escalationDraft(state!, level, { ...ctx, now: instant, by }) };
  };
  let decided = decide(found.incident);
  if (request.record === false) return { draft: decided.draft };
  const write = await editFiles(
    project,
    [
      incidentEdit(found.source.rel, found.incident.id, (current) => {
        decided = decide(current);
        const item = decided.escalation as unknown as Plain;
        const list = Array.isArray(current.escalations) ? current.escalations : undefined;
        return {
          after: { ...current, escalations: [...(list ?? []), decided.escalation] },
          // A new key goes last: after the review and the client updates.
          text: (text, index) => (list ? appendSeqItems(text, ["incidents", index, "escalations"], [item], 6) : setMapEntry(text, ["incidents", index], "escalations", [item], [])),
        };
      }),
    ],
    {
      message: () => `${found.incident.id}: escalated to ${decided.escalation.to} (level ${decided.escalation.level})`,
      by,
      ...transactionFlags(request),
    },
  );
  return { draft: decided.draft, recorded: { file: found.source.rel, escalation: decided.escalation, write } };
}
