// Words every tam status format shares.
import type { ChangeProgress, TaskRef } from "../../domain/tracking/status.js";

export const CHANGE_HEADERS = ["change", "status", "progress", "due", "forecast", "internal", "client promise", "slip", "ready", "in progress", "blocked", "late"];

const ids = (refs: TaskRef[]) => refs.map((r) => r.id).join(", ");

export function changeCells(c: ChangeProgress, alarm: (text: string) => string, safe: (text: string) => string): string[] {
  const due = c.due ? (c.overdue ? alarm(`${c.due} overdue`) : c.due) : "";
  const forecast = c.plannedFinish ? (c.due && c.plannedFinish > c.due ? alarm(c.plannedFinish) : c.plannedFinish) : c.planned ? "" : "not planned";
  const promise = (date: string | undefined) => (date ? `${date}${c.fromBaseline ? "" : " (forecast)"}` : "");
  const slip = c.slipDays === undefined ? "" : c.slipDays > 0 ? alarm(`+${c.slipDays}d`) : `${c.slipDays}d`;
  return [
    `${c.id} ${safe(c.title)}`,
    c.status,
    c.planned ? `${c.done}/${c.total}` : "not planned",
    due,
    forecast,
    promise(c.internalDate),
    promise(c.clientDate),
    slip,
    c.awaiting ? `(awaiting ${c.awaiting})` : ids(c.ready),
    ids(c.inProgress),
    ids(c.blocked),
    c.late.length ? alarm(ids(c.late)) : "",
  ];
}

/** One task for people: where, what, when, and what holds it. */
export function taskLine(t: TaskRef, safe: (text: string) => string): string {
  const when = t.status === "in-progress" || t.status === "blocked" ? `since ${t.since ?? "?"}, forecast finish ${t.plannedFinish}` : `${t.plannedStart} → ${t.plannedFinish}`;
  const extra = [
    t.lateBy ? `late by ${t.lateBy.by}` : "",
    t.slip ? `slip ${t.slip.startsWith("-") ? "" : "+"}${t.slip}` : "",
    t.waitsFor ? `waits for ${t.waitsFor}` : "",
    t.assignee ? `assignee ${safe(t.assignee)}` : "",
    t.status === "blocked" && t.note ? `blocked on: ${safe(t.note.trim())}` : "",
    t.ticket ? `ticket ${safe(t.ticket.key)}${t.ticket.status ? ` ${safe(t.ticket.status)}` : ""}${t.ticket.syncedAt ? `, synced ${t.ticket.syncedAt}` : ""}` : "",
  ].filter(Boolean);
  return `${t.change}/${t.id} ${safe(t.title)} (${when}${extra.length ? `; ${extra.join("; ")}` : ""})`;
}
