// meetings.yaml (its meeting ids are checked with every other list's in references.ts): action ids
// unique in their meeting, attendees and owners known people of the right side, action items in
// time order (due and done not before the meeting), recommendations presented known to the register.
// checkMeetingActions (the date-dependent part, overdue action items) runs in tam validate with its clock.
import type { Meeting } from "../../model/files.js";
import type { Issue } from "../../model/issues.js";
import { didYouMean } from "../../util/suggest.js";
import { dayNumber, isDate } from "../dates.js";
import { actionLines, meetingPeople } from "../meetings/minutes.js";
import { referenceChecks } from "./references.js";
import { issueAt, items, type PathSegment, type ProjectView } from "./view.js";

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function checkMeetings(view: ProjectView): Issue[] {
  const meetings = items(view.meetings);
  const issues: Issue[] = [];
  const { refs, ref } = referenceChecks(view, issues);
  const recIds = new Set(items(view.recommendations).map((r) => r.id));
  const meetingIds = new Set(meetings.map((m) => m.id));
  // A recommendation presented in a meeting of the minutes names it by id.
  if (meetings.length)
    for (const rec of items(view.recommendations)) {
      const named = rec.presented?.meeting;
      if (typeof named === "string" && /^MTG-/i.test(named)) ref(meetingIds, "meeting", named, rec, "presented", "meeting");
    }
  if (!meetings.length) return issues;
  const people = meetingPeople({ ...view, recommendations: view.recommendations });
  const everyone = [...people.client, ...people.provider];
  const person = (name: unknown, side: "client" | "provider" | undefined, meeting: object, ...path: PathSegment[]) => {
    if (typeof name !== "string") return;
    const isClient = people.client.includes(name);
    const isProvider = people.provider.includes(name);
    if (!isClient && !isProvider) {
      const pool = side === "client" ? people.client : side === "provider" ? people.provider : everyone;
      const hint = didYouMean(name, pool);
      const what = side === "client" ? "a client contact of tam.yaml" : side === "provider" ? "a provider person" : "a client contact of tam.yaml or a provider person";
      const code = side === "client" ? "unknown-contact" : "unknown-person";
      issues.push({
        ...issueAt(view, "error", code, `"${name}" is not ${what} (the TAM, the service manager, a department's people, a task's assignee)${hint ? ` (${hint})` : ""}`, meeting, ...path),
        hint,
      });
    } else if (side && !(side === "client" ? isClient : isProvider))
      issues.push(issueAt(view, "error", "wrong-side", `"${name}" is on the ${isClient ? "client" : "provider"} side, not the ${side}'s`, meeting, ...path));
  };
  let previous: Meeting | undefined;
  for (const meeting of meetings) {
    if (meeting === null || typeof meeting !== "object") continue;
    if (isDate(meeting.date)) {
      if (previous && meeting.date < previous.date)
        issues.push(issueAt(view, "warning", "out-of-order", `meeting ${meeting.id} (${meeting.date}) comes after ${previous.id} (${previous.date}): keep the minutes in time order`, meeting, "date"));
      previous = meeting;
    }
    list(meeting.attendees?.client).forEach((name, i) => person(name, "client", meeting, "attendees", "client", i));
    list(meeting.attendees?.provider).forEach((name, i) => person(name, "provider", meeting, "attendees", "provider", i));
    refs(recIds, "recommendation", meeting.recommendations, meeting, "recommendations");
    const actionIds = new Set<string>();
    items(meeting.actions).forEach((action, i) => {
      if (action === null || typeof action !== "object") return;
      if (typeof action.id === "string") {
        if (actionIds.has(action.id)) issues.push(issueAt(view, "error", "duplicate-id", `action id "${action.id}" is used twice in meeting ${meeting.id}`, meeting, "actions", i, "id"));
        actionIds.add(action.id);
      }
      person(action.owner, action.side, meeting, "actions", i, "owner");
      const date = meeting.date;
      if (isDate(action.due) && isDate(date) && action.due < date)
        issues.push(issueAt(view, "error", "out-of-order", `${meeting.id}/${action.id} is due on ${action.due}, before the meeting (${date}) that agreed it`, meeting, "actions", i, "due"));
      if (action.state === "done" && action.done === undefined)
        issues.push(issueAt(view, "error", "action-state", `${meeting.id}/${action.id} is done but has no \`done\` date: kept or late cannot be told`, meeting, "actions", i, "state"));
      if (action.state === "open" && action.done !== undefined)
        issues.push(issueAt(view, "error", "action-state", `${meeting.id}/${action.id} is open but has a \`done\` date: set its state`, meeting, "actions", i, "state"));
      if (isDate(action.done) && isDate(date) && action.done < date)
        issues.push(issueAt(view, "error", "out-of-order", `${meeting.id}/${action.id} was done on ${action.done}, before the meeting (${date}) that agreed it`, meeting, "actions", i, "done"));
    });
  }
  return issues;
}

/** Action items still open past their due date, as of `today`: warnings of tam validate. */
export function checkMeetingActions(view: ProjectView, today: string): Issue[] {
  const meetings = items(view.meetings);
  return (
    actionLines(meetings, today)
      // An impossible due date is its own finding (invalid-date), not a count of days.
      .filter((line) => line.state === "overdue" && isDate(line.due))
      .map((line) => {
        const meeting = meetings.find((m) => m.id === line.meeting)!;
        const index = items(meeting.actions).findIndex((a) => a.id === line.id);
        const days = dayNumber(today) - dayNumber(line.due);
        return issueAt(
          view,
          "warning",
          "action-item-overdue",
          `${line.ref} "${line.text}" (${line.owner}, ${line.side} side, agreed on ${line.meetingDate}) was due on ${line.due}, ${days === 1 ? "1 day" : `${days} days`} ago, and is still open: keep the promise, or record it with \`tam meeting action done ${line.ref} --note '…'\``,
          meeting,
          "actions",
          index,
          "due",
        );
      })
  );
}
