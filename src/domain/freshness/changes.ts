// When change records say a component was worked on: tasks done, dated by their history.
import type { Change, DateText } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { dateInZone } from "../zone.js";

export interface TaskDone {
  change: string;
  changeTitle: string;
  task: string;
  done: DateText;
}

/**
 * Component id → the tasks that touched it and are done, each dated by the last "done"
 * event of its history in the project's zone. A task marked done without such an event
 * has no date to compare with a review, so it is left out.
 */
export function doneTasksByComponent(changes: readonly Change[], timezone: string): Map<string, TaskDone[]> {
  const byComponent = new Map<string, TaskDone[]>();
  for (const change of changes) {
    for (const task of change.tasks ?? []) {
      if (task.status !== "done") continue;
      const doneEvents = (task.history ?? []).filter((event) => event.status === "done");
      const last = doneEvents[doneEvents.length - 1];
      const time = last ? parseTimestamp(last.at) : Number.NaN;
      if (Number.isNaN(time)) continue;
      const record: TaskDone = { change: change.id, changeTitle: change.title, task: task.id, done: dateInZone(time, timezone) };
      for (const component of new Set(task.components ?? [])) {
        const list = byComponent.get(component) ?? [];
        list.push(record);
        byComponent.set(component, list);
      }
    }
  }
  return byComponent;
}
