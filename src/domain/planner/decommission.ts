// Follow-ups of a removal ("never work without insurance"), ordered so that the removal can be
// backed out until the last step:
//   final backup + restore check (stateful components) → removal from monitoring → the removal
//   → retirement of the backup jobs → (the documentation task, last, as for every change).
// The final backup is kept until the backup jobs are retired, after the component is gone.
import type { FollowupKind, TaskKind } from "../../model/files.js";
import { taskKey, type Decomposition } from "./decompose.js";
import type { ActiveRule } from "./types.js";
import type { DraftTask } from "./types.js";
import type { Universe } from "./universe.js";

export const DECOMMISSION_RULES: FollowupKind[] = ["final_backup", "monitoring_removal", "backup_retirement"];

export function addDecommissionFollowups(universe: Universe, base: Decomposition, rules: Partial<Record<FollowupKind, ActiveRule>>, statefulKinds: readonly string[]): DraftTask[] {
  const tasks: DraftTask[] = [];
  const draft = (kind: TaskKind, rule: ActiveRule, component: string, title: string, after: string[]): DraftTask => {
    const task: DraftTask = {
      key: taskKey(kind, rule.department, [component]),
      title,
      department: rule.department,
      kind,
      components: [component],
      after,
      ...(rule.estimate ? { estimate: rule.estimate } : {}),
    };
    tasks.push(task);
    return task;
  };
  for (const [id, item] of base.scope) {
    const removal = base.tasks.find((t) => t.key === base.byComponent.get(id));
    if (item.action !== "remove" || !removal) continue;
    const component = universe.byId.get(id)!;
    const name = component.name;
    const stateful = (kinds: string[] | undefined) => (kinds ?? statefulKinds).includes(component.kind);
    const before: string[] = [];
    const { final_backup: finalBackup, monitoring_removal: unmonitor, backup_retirement: retirement } = rules;
    if (finalBackup && stateful(finalBackup.kinds)) before.push(draft("final-backup", finalBackup, id, `Final backup of ${name} and a restore check, before it is removed`, []).key);
    if (unmonitor && component.monitored !== false && (!unmonitor.kinds || unmonitor.kinds.includes(component.kind))) {
      before.push(draft("monitoring-removal", unmonitor, id, `Remove ${name} from monitoring, so no alert fires when it goes`, [...before]).key);
    }
    removal.after = [...new Set([...removal.after, ...before])].sort();
    // Backup jobs to retire: a component said to be backed up, or a stateful one not said to be without backup.
    if (retirement && (component.backed_up === true || (stateful(retirement.kinds) && component.backed_up !== false))) {
      draft("backup-retirement", retirement, id, `Retire the backup jobs of ${name} (the final backup is kept)`, [removal.key]);
    }
  }
  return tasks;
}
