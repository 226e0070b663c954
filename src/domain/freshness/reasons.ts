// Every reason a document is not fresh, one function per kind of evidence.
import type { DateText, DocEntry } from "../../model/files.js";
import { addDays, dayNumber } from "../dates.js";
import { dateInZone } from "../zone.js";
import type { TaskDone } from "./changes.js";
import type { CommitFact, CommitRef, GitFacts, LocationFact, Reason } from "./types.js";
import { count } from "../../util/plural.js";

export function commitRef(commit: CommitFact, timezone: string): CommitRef {
  return { hash: commit.hash, short: commit.hash.slice(0, 7), date: dateInZone(commit.time, timezone), author: commit.author, subject: commit.subject };
}

function describeCommit(commit: CommitRef): string {
  return `commit ${commit.short} ${commit.date} ${commit.author} "${commit.subject}"`;
}

/** An evidence date counts when it is after the review and not after today (--as-of looks back in time). */
function after(date: DateText, review: DateText, today: DateText): boolean {
  return date > review && date <= today;
}

export function brokenReasons(doc: DocEntry, location: LocationFact | undefined, knownOwners: ReadonlySet<string>): Reason[] {
  const reasons: Reason[] = [];
  if (location?.kind === "outside") {
    reasons.push({ severity: "broken", code: "path-outside", message: `${doc.location} leaves the project folder` });
  } else if (location?.kind === "file" && !location.exists) {
    reasons.push({ severity: "broken", code: "path-missing", message: `${location.path} does not exist` });
  }
  if (!knownOwners.has(doc.owner)) {
    reasons.push({ severity: "broken", code: "owner-unknown", message: `owner "${doc.owner}" is neither a department id nor a person named in tam.yaml or departments.yaml` });
  }
  return reasons;
}

export function intervalReasons(review: DateText | undefined, interval: string, intervalDays: number, warnDays: number, today: DateText): { dueDate: DateText | null; reasons: Reason[] } {
  if (review === undefined) return { dueDate: null, reasons: [{ severity: "stale", code: "never-reviewed", message: "never reviewed: no last_review" }] };
  const dueDate = addDays(review, intervalDays);
  const left = dayNumber(dueDate) - dayNumber(today);
  if (left < 0) {
    const days = -left;
    return { dueDate, reasons: [{ severity: "stale", code: "interval-passed", date: dueDate, days, message: `review interval ${interval} passed ${count(days, "day")} ago (due ${dueDate})` }] };
  }
  if (left <= warnDays) {
    const when = left === 0 ? "today" : `in ${count(left, "day")}`;
    return { dueDate, reasons: [{ severity: "due", code: "review-due", date: dueDate, days: left, message: `review due ${when} (${dueDate})` }] };
  }
  return { dueDate, reasons: [] };
}

/** Commits that last changed a covered component's lines after the review, one reason per commit. */
export function componentReasons(covers: readonly string[], review: DateText, today: DateText, git: GitFacts, timezone: string): Reason[] {
  const byCommit = new Map<string, { commit: CommitRef; components: Set<string> }>();
  const uncommitted: string[] = [];
  for (const component of covers) {
    const history = git.components.get(component);
    if (!history) continue;
    if (history.uncommitted) uncommitted.push(component);
    for (const fact of history.commits) {
      const commit = commitRef(fact, timezone);
      if (!after(commit.date, review, today)) continue;
      const entry = byCommit.get(commit.hash) ?? { commit, components: new Set<string>() };
      entry.components.add(component);
      byCommit.set(commit.hash, entry);
    }
  }
  const reasons: Reason[] = [...byCommit.values()].map(({ commit, components }) => {
    const names = [...components].sort();
    return {
      severity: "stale",
      code: "component-changed",
      date: commit.date,
      components: names,
      commit,
      message: `${names.join(", ")} changed after the review by ${describeCommit(commit)}`,
    };
  });
  if (uncommitted.length) {
    const names = [...new Set(uncommitted)].sort();
    reasons.push({ severity: "note", code: "uncommitted-edits", components: names, message: `${names.join(", ")} edited in architecture.yaml but not committed yet (counted once committed)` });
  }
  return reasons;
}

/** Change tasks that touched a covered component and were done after the review, one reason per change. */
export function changeReasons(covers: readonly string[], review: DateText, today: DateText, doneTasks: ReadonlyMap<string, TaskDone[]>): Reason[] {
  const byChange = new Map<string, { title: string; tasks: Map<string, DateText>; components: Set<string> }>();
  for (const component of covers) {
    for (const task of doneTasks.get(component) ?? []) {
      if (!after(task.done, review, today)) continue;
      const entry = byChange.get(task.change) ?? { title: task.changeTitle, tasks: new Map<string, DateText>(), components: new Set<string>() };
      entry.tasks.set(task.task, task.done);
      entry.components.add(component);
      byChange.set(task.change, entry);
    }
  }
  return [...byChange.entries()].map(([change, entry]) => {
    const tasks = [...entry.tasks.entries()].map(([id, done]) => ({ id, done })).sort((a, b) => a.done.localeCompare(b.done) || a.id.localeCompare(b.id));
    const components = [...entry.components].sort();
    const latest = tasks[tasks.length - 1]!.done;
    const done = tasks.map((task) => `${task.id} done ${task.done}`).join(", ");
    return {
      severity: "stale",
      code: "change-task-done",
      date: latest,
      change,
      components,
      tasks,
      message: `change ${change} "${entry.title}" touched ${components.join(", ")} after the review: task ${done}`,
    };
  });
}

/** A note: the document's own file was committed after its last review, with no review recorded. */
export function fileReasons(location: LocationFact | undefined, review: DateText, today: DateText, git: GitFacts, timezone: string): Reason[] {
  if (location?.kind !== "file" || !location.exists) return [];
  const newest = (git.files.get(location.path) ?? []).map((fact) => commitRef(fact, timezone)).find((commit) => commit.date <= today);
  if (!newest || !after(newest.date, review, today)) return [];
  const commit = newest;
  return [{ severity: "note", code: "file-changed", date: commit.date, commit, message: `${location.path} changed after the review (${describeCommit(commit)}) with no review recorded` }];
}
