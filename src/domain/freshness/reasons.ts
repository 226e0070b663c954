// Every reason a document is not fresh, one function per kind of evidence.
import type { DateText, DocEntry } from "../../model/files.js";
import { addDays, dayNumber } from "../dates.js";
import { dateInZone } from "../zone.js";
import type { TaskDone } from "./changes.js";
import type { CommitFact, CommitRef, ComponentCommit, GitFacts, LocationFact, Reason } from "./types.js";
import { count } from "../../util/plural.js";
import { compareText } from "../../model/text-order.js";

function commitRef(commit: CommitFact, timezone: string): CommitRef {
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
    return {
      dueDate,
      reasons: [{ severity: "stale", code: "interval-passed", date: dueDate, days, message: `a review every ${interval} fell due on ${dueDate}, ${count(days, "day")} ago` }],
    };
  }
  if (left <= warnDays) {
    const when = left === 0 ? "today" : `in ${count(left, "day")}`;
    return { dueDate, reasons: [{ severity: "due", code: "review-due", date: dueDate, days: left, message: `review due ${when} (${dueDate})` }] };
  }
  return { dueDate, reasons: [] };
}

interface DatedCommit {
  /** Position in the newest-first list: a larger order is an older commit. */
  order: number;
  ref: CommitRef;
  commit: ComponentCommit;
}

/** The component commits up to today, newest first, indexed by every component id they name. Built once per check. */
export interface ComponentTimeline {
  byComponent: ReadonlyMap<string, readonly DatedCommit[]>;
}

export function componentTimeline(git: GitFacts, today: DateText, timezone: string): ComponentTimeline {
  const dated = git.componentCommits
    .map((commit) => ({ ref: commitRef(commit.commit, timezone), commit }))
    .filter(({ ref }) => ref.date <= today)
    .sort((a, b) => b.commit.commit.time - a.commit.commit.time || compareText(a.ref.hash, b.ref.hash))
    .map((entry, order): DatedCommit => ({ ...entry, order }));
  const byComponent = new Map<string, DatedCommit[]>();
  for (const entry of dated) {
    const { changed, added, removed, renamed } = entry.commit;
    for (const id of new Set([...changed, ...added, ...removed, ...renamed.flatMap((rename) => [rename.from, rename.to])])) {
      const list = byComponent.get(id) ?? [];
      list.push(entry);
      byComponent.set(id, list);
    }
  }
  return { byComponent };
}

/**
 * Commits that changed a covered component after the review, one reason per commit, found by
 * meaning: a deleted line counts, a reordered or reformatted block does not. A component renamed
 * after the review (the doc already names the new id) is followed back to its old id.
 */
export function componentReasons(covers: readonly string[], review: DateText, today: DateText, git: GitFacts, timeline: ComponentTimeline): Reason[] {
  const byCommit = new Map<string, { commit: CommitRef; components: Set<string> }>();
  const note = (entry: DatedCommit, label: string) => {
    const found = byCommit.get(entry.ref.hash) ?? { commit: entry.ref, components: new Set<string>() };
    found.components.add(label);
    byCommit.set(entry.ref.hash, found);
  };
  for (const component of new Set(covers)) {
    // (id, only commits older than this order): the covered id, then the ids it had before renames.
    const queue: [string, number][] = [[component, -1]];
    for (let item = queue.shift(); item; item = queue.shift()) {
      const [id, olderThan] = item;
      for (const entry of timeline.byComponent.get(id) ?? []) {
        if (entry.order <= olderThan) continue;
        if (!after(entry.ref.date, review, today)) break;
        const { changed, added, renamed } = entry.commit;
        const into = renamed.find((rename) => rename.to === id);
        if (into) {
          note(entry, `${component} (renamed from ${into.from})`);
          queue.push([into.from, entry.order]);
          break;
        }
        if (changed.includes(id) || added.includes(id)) note(entry, component);
      }
    }
  }
  const reasons: Reason[] = [...byCommit.values()].map(({ commit, components }) => {
    const labels = [...components].sort();
    return {
      severity: "stale",
      code: "component-changed",
      date: commit.date,
      components: [...new Set(labels.map((label) => label.replace(/ \(renamed from .*\)$/, "")))],
      commit,
      message: `${labels.join(", ")} changed after the review by ${describeCommit(commit)}`,
    };
  });
  const uncommitted = [...new Set(covers.filter((component) => git.uncommitted.includes(component)))].sort();
  if (uncommitted.length) {
    reasons.push({
      severity: "note",
      code: "uncommitted-edits",
      components: uncommitted,
      message: `${uncommitted.join(", ")} edited in architecture.yaml but not committed yet (counted once committed)`,
    });
  }
  return reasons;
}

/**
 * A covered component that no longer exists as of today, with the commit that removed or renamed
 * it: the doc is broken (its `covers` names nothing), whenever it was reviewed.
 */
export function removedReasons(covers: readonly string[], timeline: ComponentTimeline): Reason[] {
  const reasons: Reason[] = [];
  for (const component of new Set(covers)) {
    const last = timeline.byComponent.get(component)?.[0];
    if (!last) continue;
    const { ref, commit } = last;
    if (commit.removed.includes(component)) {
      reasons.push({
        severity: "broken",
        code: "component-removed",
        date: ref.date,
        components: [component],
        commit: ref,
        message: `${component} was removed from architecture.yaml by ${describeCommit(ref)}: take it out of covers (or review the doc)`,
      });
      continue;
    }
    const rename = commit.renamed.find((entry) => entry.from === component);
    if (!rename) continue;
    // Follow later renames to the id the component has today.
    let current = rename.to;
    let order = last.order;
    for (;;) {
      const next = (timeline.byComponent.get(current) ?? []).filter((entry) => entry.order < order && entry.commit.renamed.some((r) => r.from === current)).pop();
      if (!next) break;
      current = next.commit.renamed.find((r) => r.from === current)!.to;
      order = next.order;
    }
    reasons.push({
      severity: "broken",
      code: "component-renamed",
      date: ref.date,
      components: [component],
      renamedTo: current,
      commit: ref,
      message: `${component} was renamed to ${current} by ${describeCommit(ref)}: covers should name ${current}`,
    });
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
    const tasks = [...entry.tasks.entries()].map(([id, done]) => ({ id, done })).sort((a, b) => compareText(a.done, b.done) || compareText(a.id, b.id));
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
export function fileReasons(docId: string, location: LocationFact | undefined, review: DateText, today: DateText, git: GitFacts, timezone: string): Reason[] {
  if (location?.kind !== "file" || !location.exists) return [];
  const newest = (git.files.get(location.path) ?? []).map((fact) => commitRef(fact, timezone)).find((commit) => commit.date <= today);
  if (!newest || !after(newest.date, review, today)) return [];
  const commit = newest;
  return [
    {
      severity: "note",
      code: "file-changed",
      date: commit.date,
      commit,
      message: `${location.path} edited since the review by ${describeCommit(commit)}, with no review recorded (if that edit was the review: tam docs review ${docId} --edit-was-review)`,
    },
  ];
}
