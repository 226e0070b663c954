// Use cases of the minutes of client meetings (tam meeting): list, new (optionally prefilled from a
// report written by tam report), action add, action done/open. Each write is one commit through the
// transaction; a meeting that presents recommendations records them as presented there, in the same commit.
import { transactionFlags, type WriteRequest } from "./write-request.js";
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import type { Meeting, MeetingAction } from "../model/files.js";
import { dateProblem } from "../domain/dates.js";
import { actionLine, actionLines, meetingPeople, nextActionId, nextMeetingId, personOf, reportAgenda, type ActionLine, type MeetingPeople } from "../domain/meetings/minutes.js";
import { UsageError } from "../errors.js";
import { requireValid } from "../project/check.js";
import { gitOrLoginName } from "../project/identity.js";
import type { Project } from "../project/load.js";
import { actionsOf, appendAction, appendMeeting, meetingIndex, MEETINGS_FILE, setActionFields } from "../project/meetings-file.js";
import { entryIndex, RECOMMENDATIONS_FILE, setRecommendationState } from "../project/recommendations-file.js";
import { editFiles, type FileEdit, type WriteResult } from "../project/transaction.js";
import { canonicalId } from "../util/ids.js";
import { didYouMean } from "../util/suggest.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";

export interface MeetingSummary {
  id: string;
  date: string;
  title: string | null;
  attendees: { client: string[]; provider: string[] };
  report: string | null;
  agenda: string[];
  recommendations: string[];
  decisions: string[];
  actions: ActionLine[];
}

export interface MeetingListResult {
  asOf: string;
  meetings: MeetingSummary[];
}

function summary(meeting: Meeting, today: string): MeetingSummary {
  return {
    id: meeting.id,
    date: meeting.date,
    title: meeting.title ?? null,
    attendees: { client: meeting.attendees?.client ?? [], provider: meeting.attendees?.provider ?? [] },
    report: meeting.report ?? null,
    agenda: meeting.agenda ?? [],
    recommendations: meeting.recommendations ?? [],
    decisions: meeting.decisions ?? [],
    actions: actionLines([meeting], today),
  };
}

export function listMeetings(options: ProjectOptions & ClockOptions): MeetingListResult {
  const project = openProject(options, ["architecture", "departments", "changes", "docs", "recommendations", "meetings"]);
  requireValid(project);
  const clock = clockFor(project, options.asOf, options.now);
  // As of a past day, a meeting held later has not happened yet.
  return { asOf: clock.today, meetings: project.meetings.filter((m) => m.date <= clock.today).map((m) => summary(m, clock.today)) };
}

export interface MeetingWriteOptions extends ProjectOptions, ClockOptions, WriteRequest {
  commit: boolean;
  by?: string;
}

export interface MeetingWriteResult extends WriteResult {
  action: "new" | "action-add" | "action-done" | "action-open";
  meeting: MeetingSummary;
  /** The action item written (action add, done, open). */
  item: ActionLine | null;
  /** Recommendations recorded as presented in this meeting (new). */
  presented: string[];
  files: string[];
}

export interface MeetingNewOptions extends MeetingWriteOptions {
  id?: string;
  /** The day it was held (default: today). */
  date?: string;
  title?: string;
  /** Who attended, client contacts and provider people by name (the side is found from the project). */
  attendees?: string[];
  agenda?: string[];
  decisions?: string[];
  /** Recommendations presented in it (ids of recommendations.yaml). */
  recommendations?: string[];
  /** A report written by tam report (markdown, HTML or JSON): its decisions needed become the agenda, the recommendations they name are presented. */
  fromReport?: string;
}

export async function newMeeting(options: MeetingNewOptions): Promise<MeetingWriteResult> {
  const project = openProject(options);
  requireValid(project);
  const clock = clockFor(project, options.asOf, options.now);
  const today = clock.today;
  const date = dayOption("--date", options.date, today);
  if (date > today) throw new UsageError(`--date ${date} is after today (${today}): the minutes are of a meeting held`);
  const ids = project.meetings.map((m) => m.id);
  if (options.id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.id)) throw new UsageError(`--id "${options.id}": an id is a letter or digit, then letters, digits, '.', '_' or '-'`);
  const id = options.id ?? nextMeetingId(date, project.meetings);
  const taken = canonicalId(id, ids);
  if (taken !== undefined)
    throw new UsageError(`--id ${id}: meeting ${taken} already exists in ${MEETINGS_FILE}; choose another id or leave --id out (next free: ${nextMeetingId(date, project.meetings)})`);

  const people = meetingPeople(project);
  const attendees: { client: string[]; provider: string[] } = { client: [], provider: [] };
  for (const given of options.attendees ?? []) {
    const person = resolvePerson(people, given, "--attendee");
    if (!attendees[person.side].includes(person.name)) attendees[person.side].push(person.name);
  }
  const agenda = [...(options.agenda ?? [])];
  const recIds = project.recommendations.map((r) => r.id);
  const recommendations: string[] = [];
  let report: string | undefined;
  if (options.fromReport !== undefined) {
    const read = readReport(options.fromReport, recIds);
    agenda.push(...read.agenda);
    recommendations.push(...read.recommendations);
    const rel = relative(project.root, resolve(options.fromReport));
    if (!rel.startsWith("..") && !isAbsolute(rel)) report = rel.split("\\").join("/");
  }
  for (const given of options.recommendations ?? []) {
    const rec = canonicalId(given, recIds);
    if (!rec) {
      const hint = didYouMean(given, recIds);
      throw new UsageError(`--rec "${given}": no such recommendation in ${RECOMMENDATIONS_FILE}${hint ? `: ${hint}` : ""}; nothing was written`);
    }
    if (!recommendations.includes(rec)) recommendations.push(rec);
  }
  for (const [flag, list] of [
    ["--agenda", agenda],
    ["--decision", options.decisions ?? []],
  ] as const)
    if (list.some((t) => !t.trim())) throw new UsageError(`${flag}: an empty text`);
  const meeting: Meeting = {
    id,
    date,
    ...(options.title ? { title: options.title } : {}),
    attendees: { ...(attendees.client.length ? { client: attendees.client } : {}), ...(attendees.provider.length ? { provider: attendees.provider } : {}) },
    ...(report ? { report } : {}),
    ...(agenda.length ? { agenda } : {}),
    ...(recommendations.length ? { recommendations } : {}),
    ...(options.decisions?.length ? { decisions: options.decisions } : {}),
  };
  // Presented in this meeting: a recommendation still to decide on is recorded as presented here.
  const presented = recommendations.filter((r) => {
    const entry = project.recommendations.find((e) => e.id === r)!;
    return entry.state === "proposed" || (entry.state === "presented" && (entry.presented?.date ?? "") <= date && entry.presented?.meeting !== id);
  });
  const edits: FileEdit[] = [{ path: MEETINGS_FILE, edit: (text) => appendMeeting(project, text, meeting) }];
  if (presented.length)
    edits.push({
      path: RECOMMENDATIONS_FILE,
      edit: (text, source) => {
        if (text === null) throw new UsageError(`${RECOMMENDATIONS_FILE} is gone; nothing was written`);
        let out = text;
        for (const rec of presented) out = setRecommendationState(out, entryIndex(source, rec), "presented", { key: "presented", value: { date, meeting: id } });
        return out;
      },
    });
  const saved = await write(project, options, `meeting: ${id} minutes${presented.length ? ` (presented ${presented.join(", ")})` : ""}`, edits);
  return { ...saved, action: "new", meeting: summary(meeting, today), item: null, presented, files: edits.map((e) => e.path) };
}

function readReport(file: string, recIds: string[]): { agenda: string[]; recommendations: string[] } {
  let text: string;
  try {
    text = readFileSync(resolve(file), "utf8");
  } catch {
    throw new UsageError(`--from-report: "${file}" is not a readable file`);
  }
  const read = reportAgenda(text, recIds);
  if (typeof read === "string") throw new UsageError(`--from-report: ${file} ${read}`);
  return read;
}

export interface MeetingActionAddOptions extends MeetingWriteOptions {
  meeting: string;
  text?: string;
  owner?: string;
  /** client or provider: found from the owner when not given. */
  side?: string;
  due?: string;
}

export async function addMeetingAction(options: MeetingActionAddOptions): Promise<MeetingWriteResult> {
  const { project, meeting, today } = open(options, options.meeting);
  if (!options.text?.trim()) throw new UsageError("--text: what is to be done is required");
  if (!options.owner) throw new UsageError(`--owner: who does it is required (a client contact of tam.yaml or a provider person)`);
  const owner = resolvePerson(meetingPeople(project), options.owner, "--owner");
  if (options.side !== undefined && options.side !== "client" && options.side !== "provider") throw new UsageError(`--side: "${options.side}" is not client or provider`);
  if (options.side !== undefined && options.side !== owner.side)
    throw new UsageError(`--side ${options.side}: ${owner.name} is on the ${owner.side} side (${owner.side === "client" ? "a client contact of tam.yaml" : "a provider person"})`);
  if (!options.due) throw new UsageError("--due: the date it is due is required (YYYY-MM-DD)");
  const due = dayOption("--due", options.due, today);
  if (due < meeting.date) throw new UsageError(`--due ${due} is before the meeting (${meeting.date}) that agreed it`);
  const action: MeetingAction = { id: nextActionId(meeting), text: options.text.trim(), owner: owner.name, side: owner.side, due, state: "open" };
  const saved = await write(project, options, `meeting: ${meeting.id}/${action.id} ${owner.name}, due ${due}`, [
    {
      path: MEETINGS_FILE,
      edit: (text, source) => {
        if (text === null) throw new UsageError(`${MEETINGS_FILE} is gone; nothing was written`);
        const index = meetingIndex(source, meeting.id);
        const current = actionsOf(source, index);
        // Numbered under the lock: another write may have added one meanwhile.
        action.id = nextActionId({ actions: current });
        return appendAction(text, index, action, Array.isArray((source?.data as { meetings?: Meeting[] } | undefined)?.meetings?.[index]?.actions));
      },
    },
  ]);
  const after = { ...meeting, actions: [...(meeting.actions ?? []), action] };
  return { ...saved, action: "action-add", meeting: summary(after, today), item: actionLine(after, action, today), presented: [], files: [MEETINGS_FILE] };
}

export interface MeetingActionStateOptions extends MeetingWriteOptions {
  /** MTG-…/A1. */
  ref: string;
  state: "done" | "open";
  /** The day it was done (default: today). */
  date?: string;
  note?: string;
}

export async function setMeetingActionState(options: MeetingActionStateOptions): Promise<MeetingWriteResult> {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(options.ref);
  if (!match) throw new UsageError(`"${options.ref}" is not MEETING/ACTION, e.g. MTG-2026-10-30/A1`);
  const { project, meeting, today } = open(options, match[1]!);
  const actionIds = (meeting.actions ?? []).map((a) => a.id);
  const actionId = canonicalId(match[2]!, actionIds);
  const found = meeting.actions?.find((a) => a.id === actionId);
  if (!found) {
    const hint = didYouMean(match[2]!, actionIds);
    throw new UsageError(
      `no action "${match[2]}" in meeting ${meeting.id}${hint ? `: ${hint}` : actionIds.length ? ` (its actions are ${actionIds.join(", ")})` : " (it has none; add one with `tam meeting action add`)"}`,
    );
  }
  let fields: Partial<MeetingAction>;
  let remove: string[] = [];
  if (options.state === "done") {
    if (found.state === "done") throw new UsageError(`${meeting.id}/${found.id} is done already (${found.done ?? "no date"}); \`tam meeting action open\` reopens it`);
    const done = dayOption("--date", options.date, today);
    if (done > today) throw new UsageError(`--date ${done} is after today (${today}): record it when it is done`);
    // History in time order: not done before the meeting agreed it.
    if (done < meeting.date) throw new UsageError(`--date ${done} is before the meeting (${meeting.date}) that agreed ${meeting.id}/${found.id}`);
    fields = { state: "done", done, ...(options.note ? { note: options.note } : {}) };
  } else {
    if (found.state !== "done") throw new UsageError(`${meeting.id}/${found.id} is open already`);
    if (options.date !== undefined) throw new UsageError("--date: a reopened action has no date; give --note to say why");
    fields = { state: "open", ...(options.note ? { note: options.note } : {}) };
    remove = ["done"];
  }
  const after: MeetingAction = { ...found, ...fields };
  if (remove.length) delete after.done;
  const saved = await write(project, options, `meeting: ${meeting.id}/${found.id} ${options.state === "done" ? `done ${after.done}` : "reopened"}`, [
    {
      path: MEETINGS_FILE,
      edit: (text, source) => {
        if (text === null) throw new UsageError(`${MEETINGS_FILE} is gone; nothing was written`);
        const index = meetingIndex(source, meeting.id);
        const actionIndex = actionsOf(source, index).findIndex((a) => a?.id === found.id);
        if (actionIndex < 0) throw new UsageError(`no action ${found.id} in meeting ${meeting.id} any more; nothing was written`);
        return setActionFields(text, index, actionIndex, fields, remove);
      },
    },
  ]);
  const updated = { ...meeting, actions: (meeting.actions ?? []).map((a) => (a.id === found.id ? after : a)) };
  return {
    ...saved,
    action: options.state === "done" ? "action-done" : "action-open",
    meeting: summary(updated, today),
    item: actionLine(updated, after, today),
    presented: [],
    files: [MEETINGS_FILE],
  };
}

function open(options: MeetingWriteOptions, given: string): { project: Project; meeting: Meeting; today: string } {
  const project = openProject(options);
  requireValid(project);
  const clock = clockFor(project, options.asOf, options.now);
  const ids = project.meetings.map((m) => m.id);
  const id = canonicalId(given, ids);
  const meeting = project.meetings.find((m) => m.id === id);
  if (!meeting) {
    const hint = didYouMean(given, ids);
    throw new UsageError(`no meeting "${given}" in ${MEETINGS_FILE}${hint ? `: ${hint}` : ids.length ? "" : " (record one with `tam meeting new`)"}`);
  }
  return { project, meeting, today: clock.today };
}

/** A client contact or a provider person, as spelled in the project; an unknown name is refused with a did-you-mean. */
function resolvePerson(people: MeetingPeople, given: string, flag: string): { name: string; side: "client" | "provider" } {
  const person = personOf(people, given);
  if (person) return person;
  const hint = didYouMean(given, [...people.client, ...people.provider]);
  throw new UsageError(
    `${flag} "${given}" is neither a client contact of tam.yaml nor a provider person (the TAM, the service manager, a department's people, a task's assignee)${hint ? `: ${hint}` : ""}; nothing was written`,
  );
}

function dayOption(flag: string, value: string | undefined, today: string): string {
  if (value === undefined) return today;
  const problem = dateProblem(value);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return value;
}

async function write(project: Project, options: MeetingWriteOptions, message: string, edits: FileEdit[]): Promise<WriteResult> {
  const by = options.by ?? (await gitOrLoginName(project.root)) ?? "tam";
  return editFiles(project, edits, {
    message,
    by,
    ...transactionFlags(options),
  });
}
