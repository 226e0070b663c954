// The minutes of client meetings (meetings.yaml) as the trade reads them: who may attend or own an
// action (client contacts, provider people), each action item's state as of a day (open, overdue,
// kept, late), overdue items per owner, and what was kept of earlier meetings. Pure: `today` comes in.
import type { Change, Department, Manifest, Meeting, MeetingAction, RecommendationEntry } from "../../model/files.js";
import { dayNumber } from "../dates.js";
import { items } from "../validation/view.js";
import { compareText } from "../../model/text-order.js";

/** The people of each side a meeting can name: the client's contacts; the provider's TAM, service manager, department people and engineers. */
export interface MeetingPeople {
  client: string[];
  provider: string[];
}

export function meetingPeople(input: { manifest?: Manifest; departments: readonly Department[]; changes?: readonly Change[]; recommendations?: readonly RecommendationEntry[] }): MeetingPeople {
  const name = (person: unknown) => (person && typeof (person as { name?: unknown }).name === "string" ? [(person as { name: string }).name] : []);
  const client = items(input.manifest?.client?.contacts).flatMap(name);
  const provider = new Set<string>([...name(input.manifest?.tam), ...name(input.manifest?.service_manager)]);
  for (const department of items(input.departments as Department[])) {
    for (const person of [department.lead, ...items(department.contacts)]) for (const n of name(person)) provider.add(n);
  }
  // The engineers the project knows by name: task assignees, authors of proposals.
  for (const change of items(input.changes as Change[])) for (const task of items(change.tasks)) if (typeof task.assignee === "string") provider.add(task.assignee);
  for (const rec of items(input.recommendations as RecommendationEntry[])) {
    const author = (rec.origin as { proposal?: { author?: unknown } } | undefined)?.proposal?.author;
    if (typeof author === "string") provider.add(author);
  }
  return { client: [...new Set(client)], provider: [...provider].sort() };
}

/** The side a name belongs to, as spelled in the project (any case), or undefined. */
export function personOf(people: MeetingPeople, given: string): { name: string; side: "client" | "provider" } | undefined {
  const key = given.trim().replace(/\s+/g, " ").toLowerCase();
  const client = people.client.find((n) => n.toLowerCase() === key);
  if (client) return { name: client, side: "client" };
  const provider = people.provider.find((n) => n.toLowerCase() === key);
  return provider ? { name: provider, side: "provider" } : undefined;
}

/** MTG-<date>, or MTG-<date>-2 … when a meeting of that day is on record. */
export function nextMeetingId(date: string, meetings: readonly Meeting[]): string {
  const taken = new Set(items(meetings as Meeting[]).map((m) => String(m.id).toLowerCase()));
  const base = `MTG-${date}`;
  if (!taken.has(base.toLowerCase())) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`.toLowerCase())) n++;
  return `${base}-${n}`;
}

/** A1, A2, …: the next free action id of a meeting. */
export function nextActionId(meeting: Pick<Meeting, "actions">): string {
  const numbers = items(meeting.actions).map((a) => /^A(\d+)$/.exec(String(a.id))?.[1]);
  return `A${Math.max(0, ...numbers.map((n) => (n ? Number(n) : 0))) + 1}`;
}

/** open (not due yet), overdue (open past its due date), kept (done on or before due), late (done after it). */
export type ActionState = "open" | "overdue" | "kept" | "late";

export function actionState(action: Pick<MeetingAction, "state" | "due" | "done">, today: string): ActionState {
  if (action.state === "done") return action.done !== undefined && action.done > action.due ? "late" : "kept";
  return action.due < today ? "overdue" : "open";
}

export interface ActionLine {
  meeting: string;
  meetingDate: string;
  /** MTG-…/A1: how commands name it. */
  ref: string;
  id: string;
  text: string;
  owner: string;
  side: MeetingAction["side"];
  due: string;
  state: ActionState;
  done: string | null;
  /** Days past the due date: open and overdue, or done late (0 otherwise). */
  daysLate: number;
  note: string | null;
}

export function actionLine(meeting: Meeting, action: MeetingAction, today: string): ActionLine {
  const state = actionState(action, today);
  const end = state === "overdue" ? today : state === "late" ? action.done! : null;
  return {
    meeting: meeting.id,
    meetingDate: meeting.date,
    ref: `${meeting.id}/${action.id}`,
    id: action.id,
    text: action.text,
    owner: action.owner,
    side: action.side,
    due: action.due,
    state,
    done: action.done ?? null,
    daysLate: end ? Math.max(0, dayNumber(end) - dayNumber(action.due)) : 0,
    note: action.note ?? null,
  };
}

/** Every action item of the readable meetings, in meeting order, as of `today`. */
export function actionLines(meetings: readonly Meeting[], today: string): ActionLine[] {
  return readable(meetings).flatMap((m) =>
    items(m.actions)
      .filter(readableAction)
      .map((a) => actionLine(m, a, today)),
  );
}

const readable = (meetings: readonly Meeting[]) => items(meetings as Meeting[]).filter((m) => typeof m.id === "string" && typeof m.date === "string");
const readableAction = (a: MeetingAction) => a !== null && typeof a === "object" && typeof a.id === "string" && typeof a.due === "string" && typeof a.owner === "string";

/** Overdue action items per owner (owners sorted, most overdue first): what `tam status` lists. */
export function overdueByOwner(meetings: readonly Meeting[], today: string): { owner: string; actions: ActionLine[] }[] {
  const owners = new Map<string, ActionLine[]>();
  for (const line of actionLines(meetings, today)) if (line.state === "overdue") owners.set(line.owner, [...(owners.get(line.owner) ?? []), line]);
  return [...owners.keys()].sort().map((owner) => ({ owner, actions: owners.get(owner)!.sort((a, b) => b.daysLate - a.daysLate || compareText(a.ref, b.ref)) }));
}

/**
 * What was kept of the earlier meetings, for the report `--since` the last one: the action items of the
 * meetings held on or before `since` that were not done before it (those were told then), each kept,
 * late (done late, or open past its due date) or still open (not due yet).
 */
export interface ActionsReview {
  since: string;
  kept: ActionLine[];
  late: ActionLine[];
  open: ActionLine[];
}

export function actionsSince(meetings: readonly Meeting[], since: string, today: string): ActionsReview {
  const lines = actionLines(
    readable(meetings).filter((m) => m.date <= since),
    today,
  ).filter((l) => l.done === null || l.done >= since);
  // As of the report's day: an item done after it is still open then.
  const asOf = lines.map((l) => (l.done !== null && l.done > today ? { ...l, ...reopened(l, today) } : l));
  return {
    since,
    kept: asOf.filter((l) => l.state === "kept"),
    late: asOf.filter((l) => l.state === "late" || l.state === "overdue"),
    open: asOf.filter((l) => l.state === "open"),
  };
}

function reopened(line: ActionLine, today: string): Pick<ActionLine, "state" | "done" | "daysLate" | "note"> {
  const state = actionState({ state: "open", due: line.due }, today);
  return { state, done: null, note: null, daysLate: state === "overdue" ? dayNumber(today) - dayNumber(line.due) : 0 };
}

/** What a report written by `tam report` asks of the meeting: its date, the decisions needed, the recommendations put to the client. */
export interface ReportAgenda {
  asOf: string | null;
  agenda: string[];
  recommendations: string[];
}

/**
 * Reads the agenda out of a client report: the markdown (or HTML) of `tam report` ("Decisions needed
 * from you", numbered) or its JSON (`decisions`). The recommendations presented are the register's
 * ids the decisions name. A string: why the text is no such report.
 */
export function reportAgenda(text: string, recommendationIds: readonly string[]): ReportAgenda | string {
  const marker = /<!-- tam-report as-of=(\d{4}-\d{2}-\d{2})/.exec(text);
  let agenda: string[] | null = null;
  let asOf: string | null = marker?.[1] ?? null;
  if (marker) {
    const lines = text.replace(/<[^>]+>/g, (tag) => (/^<li/i.test(tag) ? "\n1. " : /^<h2/i.test(tag) ? "\n## " : tag.startsWith("<!--") ? tag : "")).split(/\r?\n/);
    const start = lines.findIndex((l) => /^##\s+Decisions needed from you\s*$/.test(l.trim()));
    if (start < 0) return 'has no "Decisions needed from you" section';
    agenda = [];
    for (const line of lines.slice(start + 1)) {
      if (/^#{1,2}\s/.test(line.trim())) break;
      const item = /^\s*\d+\.\s+(.*\S)\s*$/.exec(line);
      if (item) agenda.push(unmarkdown(item[1]!));
    }
  } else {
    try {
      const json = JSON.parse(text) as { header?: { asOf?: unknown }; decisions?: { text?: unknown }[] };
      if (Array.isArray(json.decisions)) {
        agenda = json.decisions.flatMap((d) => (typeof d?.text === "string" ? [d.text] : []));
        asOf = typeof json.header?.asOf === "string" ? json.header.asOf : null;
      }
    } catch {
      // not JSON either
    }
  }
  if (agenda === null) return 'is not a report written by tam report (no "tam-report" marker and no JSON decisions)';
  const known = new Set(recommendationIds);
  const recommendations = [...new Set(agenda.flatMap((a) => [...a.matchAll(/\(([A-Za-z0-9][A-Za-z0-9._-]*)\)/g)].map((m) => m[1]!)).filter((id) => known.has(id)))];
  return { asOf, agenda, recommendations };
}

/** The text of a markdown line as written: escapes and emphasis removed. */
function unmarkdown(text: string): string {
  return text
    .replace(/\*\*(.*?)\*\*/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>"])/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
