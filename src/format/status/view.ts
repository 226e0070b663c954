// Words every tam status format shares.
import type { EscalationStatus } from "../../domain/tracking/escalation.js";
import type { ChangeProgress, ReviewStatus, StatusReport, TaskRef } from "../../domain/tracking/status.js";

export const CHANGE_HEADERS = ["change", "status", "progress", "due", "forecast", "internal", "client promise", "slip", "ready", "in progress", "blocked", "late"];

const ids = (refs: TaskRef[]) => refs.map((r) => r.id).join(", ");

export function changeCells(c: ChangeProgress, alarm: (text: string) => string, safe: (text: string) => string): string[] {
  const due = c.due ? (c.overdue ? alarm(`${c.due} overdue`) : c.due) : "";
  const dated = c.plannedFinish ? (c.due && c.plannedFinish > c.due ? alarm(c.plannedFinish) : c.plannedFinish) : c.planned ? "" : "not planned";
  // A block with no expected date: the forecast is only a "not before"; the date is open.
  const forecast = c.dateOpen && c.plannedFinish ? alarm(`open (${c.dateOpen.map((b) => `${b.task} blocked`).join(", ")}; not before ${c.plannedFinish})`) : dated;
  const promise = (date: string | undefined) => (date ? `${date}${c.fromBaseline ? "" : " (forecast)"}` : "");
  const slip = c.slip === undefined || c.slipDays === undefined ? "" : c.slipDays > 0 ? alarm(`+${c.slip}`) : c.slip;
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
  const finish = t.dateOpen ? `not before ${t.plannedFinish}, date open` : t.plannedFinish;
  const when = t.status === "in-progress" || t.status === "blocked" ? `since ${t.since ?? "?"}, forecast finish ${finish}` : `${t.plannedStart} → ${finish}`;
  const extra = [
    t.lateBy ? `late by ${t.lateBy.by}` : "",
    t.slip ? `slip ${t.slip.startsWith("-") ? "" : "+"}${t.slip}` : "",
    t.waitsFor ? `waits for ${t.waitsFor}` : "",
    t.assignee ? `assignee ${safe(t.assignee)}` : "",
    t.status === "blocked" && t.note ? `blocked on: ${safe(t.note.trim().replace(/[.;:,]+$/, ""))}` : "",
    t.status === "blocked"
      ? t.until && !t.dateOpen
        ? `expected to clear ${t.until}`
        : `no date for the block${t.until ? ` (expected ${t.until}, passed)` : ""}: set one with \`tam task block ${t.change}/${t.id} --until <date>\``
      : "",
    t.ticket ? `ticket ${safe(t.ticket.key)}${t.ticket.status ? ` ${safe(t.ticket.status)}` : ""}${t.ticket.syncedAt ? `, synced ${t.ticket.syncedAt}` : ""}` : "",
  ].filter(Boolean);
  return `${t.change}/${t.id} ${safe(t.title)} (${when}${extra.length ? `; ${extra.join("; ")}` : ""})`;
}

/** The incident loop's lines: reviews due, then open actions per owner ("bad news does not get better with time"). */
export function reviewLines(reviews: ReviewStatus | undefined, safe: (text: string) => string, alarm: (text: string) => string): { due: string[]; owners: { owner: string; lines: string[] }[] } {
  if (!reviews) return { due: [], owners: [] };
  const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);
  const due = reviews.due.map((d) => {
    const when = d.overdueDays > 0 ? alarm(`due ${d.due}, ${days(d.overdueDays)} overdue`) : `due ${d.due}`;
    return `${d.incident} ${safe(d.title)} (${safe(d.reason)}, resolved ${d.resolvedOn}): review ${when}`;
  });
  const owners = reviews.actions.map((o) => ({
    owner: o.owner,
    lines: o.actions.map((a) => `${a.incident}/${a.id} ${safe(a.text)} (${a.side} side): ${a.overdueDays > 0 ? alarm(`due ${a.due}, ${days(a.overdueDays)} overdue`) : `due ${a.due}`}`),
  }));
  return { due, owners };
}

/** Open incidents overdue for a client update: one line each. */
export function updateLines(
  report: { updates?: { incident: string; title: string; priority: string; lastNotice?: string; due: string; overdueBy: string }[] },
  safe: (text: string) => string,
): string[] {
  return (report.updates ?? []).map(
    (u) =>
      `${u.incident} (${u.priority}) ${safe(u.title)}: an update was due ${u.due}, overdue by ${u.overdueBy} (${u.lastNotice ? `last sent ${u.lastNotice}` : "none sent yet"}); \`tam incident notify ${u.incident}\``,
  );
}

/** Blocked tasks and aging incidents on their escalation chain: whom to call, since when; one line each. */
export function escalationLines(report: { escalations?: EscalationStatus[] }, safe: (text: string) => string, alarm: (text: string) => string): string[] {
  return (report.escalations ?? []).map((e) => {
    const what = e.kind === "blocked-task" ? `blocked since ${e.since} (${e.age})` : `${e.priority} open since ${e.since} (${e.age})`;
    const waits = e.note ? `, waits for: ${safe(e.note.trim().replace(/[.!]+$/, ""))}` : "";
    const parts: string[] = [];
    if (e.escalated) parts.push(`escalated to ${safe(e.escalated.to)} (level ${e.escalated.level}) at ${e.escalated.at}`);
    if (e.due) parts.push(alarm(`escalate to ${safe(e.due.to)} (level ${e.due.level}, ${safe(e.due.via)}), due since ${e.due.due}, overdue by ${e.due.overdueBy}`));
    if (e.next) parts.push(`${e.due || e.escalated ? "next: " : ""}level ${e.next.level} to ${safe(e.next.to)} (${safe(e.next.via)}) ${e.due || e.escalated ? "at" : "falls due at"} ${e.next.due}`);
    else if (e.due || e.escalated) parts.push("top of the chain");
    const command = e.due ? `; \`tam ${e.kind === "blocked-task" ? "task" : "incident"} escalate ${e.subject}\`` : "";
    return `${e.subject} ${safe(e.title)} (${e.department}), ${what}${waits}: ${parts.join("; ")}${command}`;
  });
}

/** Overdue action items of client meetings, per owner: "MTG-…/A2 text (client side, agreed 2026-10-30): due …, 7 days overdue". */
export function meetingActionLines(report: StatusReport, safe: (text: string) => string, alarm: (text: string) => string): { owner: string; lines: string[] }[] {
  return (report.meetingActions ?? []).map((o) => ({
    owner: o.owner,
    lines: o.actions.map((a) => `${safe(a.ref)} ${safe(a.text)} (${a.side} side, agreed ${a.meetingDate}): ${alarm(`due ${a.due}, ${a.daysLate === 1 ? "1 day" : `${a.daysLate} days`} overdue`)}`),
  }));
}
