// What changed since the last client meeting: new incidents, changes done, risks resolved and new.
// The previous meeting is a date, or a previous report (which carries its date and its risks).
import type { Change, Incident, Task } from "../../model/files.js";
import { recordedDates } from "./schedule.js";
import type { ReportDelta } from "./types.js";
import { compareText } from "../../model/text-order.js";

export interface PreviousReport {
  /** The previous report's as-of date. */
  date: string;
  /** Ids of the risks the previous report named; null when only a date is known. */
  riskIds: string[] | null;
}

/** The marker every markdown and HTML report carries, so the next one can compare (`--since report.md`). */
export function previousReportMarker(asOf: string, riskIds: readonly string[]): string {
  // Only what could end the comment or split the list is encoded: ids stay readable.
  const ids = riskIds.map((id) => id.replace(/[%\s>]/g, encodeURIComponent).replace(/--/g, "-%2D")).join(" ");
  return `<!-- tam-report as-of=${asOf} risks=${ids} -->`;
}

/** Reads a previous report: the JSON of `tam report --format json`, or a markdown/HTML report with its marker. */
export function parsePreviousReport(text: string): PreviousReport | string {
  const marker = /<!-- tam-report as-of=(\d{4}-\d{2}-\d{2}) risks=([^>]*?) ?-->/.exec(text);
  if (marker) return { date: marker[1]!, riskIds: marker[2]!.split(" ").filter(Boolean).map(decodeURIComponent) };
  try {
    const json = JSON.parse(text) as { header?: { asOf?: unknown }; recommendations?: { id: string }[]; internal?: { risks?: { id: string }[] } | null };
    const asOf = json.header?.asOf;
    if (typeof asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      const risks = json.internal?.risks ?? json.recommendations ?? [];
      return { date: asOf, riskIds: risks.map((r) => String(r.id)) };
    }
  } catch {
    // not JSON: fall through to the message
  }
  return 'is not a report written by tam report (no "tam-report" marker and no JSON header.asOf)';
}

/** The project's changes as they stood at the end of `date`: each task in the status of its last event by then. */
export function changesAsOf(changes: readonly Change[], date: string): Change[] {
  const taskAt = (task: Task): Task => {
    if (!task.history?.length) return task;
    const past = task.history.filter((e) => e.at.slice(0, 10) <= date);
    return { ...task, status: past.length ? past[past.length - 1]!.status : "todo", history: past };
  };
  return changes.map((c) => ({ ...c, tasks: c.tasks?.map(taskAt) }));
}

export interface DeltaInput {
  previous: PreviousReport;
  /** Risk ids as the previous meeting saw them, when only the date is known (re-assessed as of that date). */
  risksThen: readonly string[];
  risksNow: readonly { id: string; title: string }[];
  riskTitles: ReadonlyMap<string, string>;
  incidents: readonly Incident[];
  changes: readonly Change[];
  today: string;
}

export function reportDelta(input: DeltaInput): ReportDelta {
  const since = input.previous.date;
  const after = (day: string) => day > since && day <= input.today;
  const newIncidents = input.incidents
    .filter((i) => after(i.opened.slice(0, 10)))
    .map((i) => ({ id: i.id, title: i.title, priority: i.priority, opened: i.opened.slice(0, 10) }))
    .sort((a, b) => compareText(a.opened, b.opened) || compareText(a.id, b.id));
  const changesDone = input.changes
    .filter((c) => c.status === "done")
    .flatMap((c) => {
      const finish = lastDone(c.tasks ?? []);
      return finish && after(finish) ? [{ id: c.id, title: c.title, finish }] : [];
    })
    .sort((a, b) => compareText(a.finish, b.finish) || compareText(a.id, b.id));
  const then = new Set(input.previous.riskIds ?? input.risksThen);
  const now = new Set(input.risksNow.map((r) => r.id));
  return {
    since,
    newIncidents,
    changesDone,
    risksResolved: [...then]
      .filter((id) => !now.has(id))
      .sort()
      .map((id) => ({ id, title: input.riskTitles.get(id) ?? id })),
    risksNew: input.risksNow.filter((r) => !then.has(r.id)).map((r) => ({ id: r.id, title: r.title })),
    risksCompared: input.previous.riskIds !== null,
  };
}

function lastDone(tasks: readonly Task[]): string | null {
  const counted = tasks.filter((t) => t.status !== "cancelled");
  if (!counted.length || counted.some((t) => t.status !== "done")) return null;
  return (
    counted
      .map((t) => recordedDates(t.history ?? [])?.finish ?? "")
      .sort()
      .pop() || null
  );
}
