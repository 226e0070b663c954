// What the schedule says needs attention, as findings (exit 1 under --fail-on): late tasks,
// changes at risk, due dates that cannot be met (or have passed), work that overflows the window,
// blocked tasks. Each says by how much.
import type { Location } from "../../model/issues.js";
import { addDays, dayNumber } from "../dates.js";
import { dateInZone, zonedToEpoch } from "../zone.js";
import type { ChangeContext } from "./schedule-context.js";
import type { ChangeSchedule, ScheduleFinding, TaskSchedule } from "./schedule-types.js";
import { formatWork, workDays } from "./work-text.js";
import { formatZonedShort } from "../zoned-timestamp.js";
import { count } from "../../util/plural.js";

/** Codes of findings about dates (not about the plan's structure): they never stop a --write. */
export const SIGNAL_CODES = [
  "task-late",
  "task-blocked",
  "past-due",
  "impossible",
  "at-risk",
  "window-overflow",
  "blackout",
  "blackout-exception",
  "change-conflict",
  "missing-rollback",
  "unschedulable",
];

function lateText(t: TaskSchedule): string {
  const late = t.late!;
  const by = formatWork(late.byMs, t.dayMs);
  const forecast = t.finishDate ? `; forecast finish ${t.finishDate}` : "";
  switch (late.why) {
    case "over-estimate":
      return `late by ${by}: in progress with ${formatWork(t.workMs + late.byMs, t.dayMs)} of working time spent on a ${t.estimate} estimate${forecast}`;
    case "not-started":
      return `late by ${by}: not started, planned to start ${t.baseline!.startDate}${forecast}`;
    case "past-baseline":
      return `late by ${by}: planned to finish ${t.baseline!.finishDate}, not done${forecast}`;
  }
}

export function changeSignals(s: ChangeSchedule, ctx: ChangeContext, now: number, where: (field?: string, index?: number) => Location): ScheduleFinding[] {
  const findings: ScheduleFinding[] = [];
  const zone = ctx.planClock.zone;
  const id = s.id;
  const position = new Map((ctx.change.tasks ?? []).map((w, i) => [w.id, i]));
  for (const t of s.tasks) {
    // At the task in the file when it is written there.
    const index = position.get(t.id);
    const at = index !== undefined ? where("tasks", index) : where("tasks");
    if (t.unschedulable)
      findings.push({
        severity: "error",
        code: "unschedulable",
        message: `${id}/${t.id} (${t.department}) cannot be scheduled: the ${t.calendar} calendar gives no working time for its ${t.estimate} within ten years (a calendar without hours, a blackout without end, or a predecessor that cannot be scheduled)`,
        ...at,
        task: t.id,
      });
    if (t.late) findings.push({ severity: "warning", code: "task-late", message: `${id}/${t.id} (${t.department}) is ${lateText(t)}`, ...at, task: t.id });
    if (t.blocked)
      findings.push({
        severity: "info",
        code: "task-blocked",
        message: `${id}/${t.id} (${t.department}) is blocked since ${t.blocked.since}${t.blocked.note ? ` (${t.blocked.note.trim().replace(/[.;:,]+$/, "")})` : ""}: ${
          t.dateOpen
            ? `${t.blocked.until ? `it was expected to clear ${t.blocked.until} and has not; ` : ""}no date for the block, so ${id}'s forecast is open (not before ${s.finishDate ?? "?"}); agree a date and record it with \`tam task block ${id}/${t.id} --until <date>\``
            : `expected to clear ${t.blocked.until}; the forecast holds it until then`
        }`,
        ...at,
        task: t.id,
      });
  }
  const open = s.tasks.some((t) => t.status !== "done");
  const today = dateInZone(now, zone);
  const days = (ms: number) => workDays(ms, ctx.planClock.dayMs);
  const endOf = (date: string) => zonedToEpoch(addDays(date, 1), 0, zone);
  if (s.due && (open || !s.planned)) {
    if (s.due < today) {
      findings.push({
        severity: "error",
        code: "past-due",
        message: `${id} is past its due date ${s.due} by ${count(dayNumber(today) - dayNumber(s.due), "day")} and not done${s.finishDate ? ` (forecast finish ${s.finishDate})` : ""}: agree a new date with the client`,
        ...where("due"),
      });
    } else if (s.earliestFinishDate && s.earliestFinishDate > s.due && s.finish !== null) {
      const short = days(ctx.planClock.between(endOf(s.due), s.earliestFinish!));
      findings.push({
        severity: "error",
        code: "impossible",
        message: `${id} cannot be done by its due date ${s.due}: even without waiting for capacity the earliest finish is ${s.earliestFinishDate}, ${count(short, "working day")} too late`,
        ...where("due"),
      });
    } else if (s.finishDate && s.finishDate > s.due && s.finish !== null) {
      findings.push({
        severity: "warning",
        code: "at-risk",
        message: `${id} is at risk: forecast finish ${s.finishDate} is after the due date ${s.due} by ${count(days(ctx.planClock.between(endOf(s.due), s.finish)), "working day")} (departments are busy with other changes)`,
        ...where("due"),
      });
    }
  }
  if (s.promise.fromBaseline && s.finishDate && s.finish !== null && open) {
    // A block with no date makes the finish a "not before": no promise can be called safe on it.
    if (s.dateOpen?.length)
      findings.push({
        severity: "warning",
        code: "at-risk",
        message: `${id} is at risk: its date is open (${s.dateOpen.map((b) => `${b.task} blocked with no date`).join(", ")}; not before ${s.finishDate}): the client date ${s.promise.clientDate} cannot be confirmed until the block has a date`,
        ...where("baseline"),
      });
    else if (s.finishDate > s.promise.clientDate)
      findings.push({
        severity: "warning",
        code: "at-risk",
        message: `${id} is at risk: forecast finish ${s.finishDate} is after the date promised to the client (${s.promise.clientDate}) by ${count(days(ctx.planClock.between(endOf(s.promise.clientDate), s.finish)), "working day")}`,
        ...where("baseline"),
      });
    else if (s.finishDate > s.promise.internalDate)
      findings.push({
        severity: "warning",
        code: "at-risk",
        message: `${id} is at risk: forecast finish ${s.finishDate} is after the internal date (${s.promise.internalDate}) by ${count(days(ctx.planClock.between(endOf(s.promise.internalDate), s.finish)), "working day")}; the client date ${s.promise.clientDate} still holds`,
        ...where("baseline"),
      });
  }
  // The window binds the work on the systems only: office work after it (documentation, reviews) is no overflow.
  const last =
    Number.isFinite(ctx.windowEnd) && open
      ? ctx.nodes.filter((n) => n.windowWork && n.finish !== null).reduce<(typeof ctx.nodes)[number] | undefined>((a, n) => (a && a.finish! >= n.finish! ? a : n), undefined)
      : undefined;
  if (last && last.finish! > ctx.windowEnd) {
    const over = last.clock.between(ctx.windowEnd, last.finish!);
    const finishDate = s.tasks.find((t) => t.id === last.task.id)?.finishDate ?? s.finishDate;
    findings.push({
      severity: "error",
      code: "window-overflow",
      message: `${id} does not fit its window (ends ${formatZonedShort(ctx.windowEnd, zone)}): ${formatWork(over, last.clock.dayMs)} of working time runs past it, forecast finish ${finishDate}`,
      ...where("window"),
    });
  }
  return findings;
}
