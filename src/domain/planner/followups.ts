// Follow-up tasks from the rules in tam.yaml (or the defaults): backup of new stateful
// components, monitoring of every new component, a security review of internet-facing ones,
// and a final documentation task; for removed components, the decommission follow-ups
// (decommission.ts).
import type { Issue } from "../../model/issues.js";
import type { FollowupKind, FollowupRule, TaskKind } from "../../model/files.js";
import { addDecommissionFollowups, DECOMMISSION_RULES } from "./decommission.js";
import { taskKey, type Decomposition } from "./decompose.js";
import type { DraftTask, PlanInput } from "./types.js";
import type { Universe } from "./universe.js";

export const DEFAULT_STATEFUL_KINDS = ["vm", "hyperv-vm", "database", "postgresql", "mysql", "mssql", "oracle", "storage", "san", "nas", "file-share", "redis", "rabbitmq"];

const DEFAULT_DEPARTMENT: Record<FollowupKind, string> = {
  backup: "backup",
  monitoring: "monitoring",
  security: "cyber-defence",
  documentation: "design-center",
  final_backup: "backup",
  monitoring_removal: "monitoring",
  backup_retirement: "backup",
};

/** The task kind each rule writes (rule names are snake_case in tam.yaml, task kinds kebab-case). */
export const FOLLOWUP_TASK_KIND: Record<FollowupKind, TaskKind> = {
  backup: "backup",
  monitoring: "monitoring",
  security: "security",
  documentation: "documentation",
  final_backup: "final-backup",
  monitoring_removal: "monitoring-removal",
  backup_retirement: "backup-retirement",
};

const DECOMMISSION_SIBLING: Partial<Record<FollowupKind, FollowupKind>> = { final_backup: "backup", monitoring_removal: "monitoring", backup_retirement: "backup" };

export interface ActiveRule {
  department: string;
  estimate?: string;
  kinds?: string[];
}

/** The rules in force: a rule with enabled:false is off; one whose department is unknown is skipped with a warning. */
function activeRules(input: PlanInput, universe: Universe, findings: Issue[]): Partial<Record<FollowupKind, ActiveRule>> {
  const rules: Partial<Record<FollowupKind, ActiveRule>> = {};
  const written = input.manifest?.followups ?? {};
  // The decommission rules matter (and are reported) only for a change that removes something.
  const removes = input.change.scope.some((item) => item.action === "remove");
  for (const kind of Object.keys(DEFAULT_DEPARTMENT) as FollowupKind[]) {
    if (!removes && DECOMMISSION_RULES.includes(kind)) continue;
    // A decommission rule takes what it does not say from its sibling rule (final backup and
    // backup retirement from backup, monitoring removal from monitoring): same team, kinds, estimate.
    const sibling = DECOMMISSION_SIBLING[kind];
    const { enabled: _ignored, ...inherited } = (sibling && written[sibling]) || {};
    const rule: FollowupRule = { ...inherited, ...(written[kind] ?? {}) };
    if (rule.enabled === false) continue;
    const department = rule.department ?? DEFAULT_DEPARTMENT[kind];
    if (!universe.departments.has(department)) {
      const at = input.manifest && written[kind] ? input.where(input.manifest, "followups", kind) : input.where(input.change, "id");
      findings.push({ severity: "warning", code: "followup-department-unknown", message: `no ${kind} follow-up task: department "${department}" does not exist (set followups.${kind}.department in tam.yaml, or enabled: false)`, ...at });
      continue;
    }
    rules[kind] = { department, estimate: rule.estimate, kinds: rule.kinds };
  }
  return rules;
}

export function addFollowups(input: PlanInput, universe: Universe, base: Decomposition, findings: Issue[]): DraftTask[] {
  const rules = activeRules(input, universe, findings);
  const tasks: DraftTask[] = [];
  const add = (kind: FollowupKind, rule: ActiveRule, component: string, title: string) => {
    const after = base.byComponent.get(component)!;
    tasks.push({ key: taskKey(kind, rule.department, [component]), title, department: rule.department, kind: FOLLOWUP_TASK_KIND[kind], components: [component], after: [after], ...(rule.estimate ? { estimate: rule.estimate } : {}) });
  };
  for (const [id, item] of base.scope) {
    if (!base.byComponent.has(id)) continue;
    const component = universe.byId.get(id)!;
    const name = component.name;
    if (item.action === "add" && rules.backup && (rules.backup.kinds ?? DEFAULT_STATEFUL_KINDS).includes(component.kind)) add("backup", rules.backup, id, `Back up ${name} and test a restore`);
    if (item.action === "add" && rules.monitoring && (!rules.monitoring.kinds || rules.monitoring.kinds.includes(component.kind))) add("monitoring", rules.monitoring, id, `Monitor ${name}`);
    if (item.action !== "remove" && rules.security && component.internet_facing === true) add("security", rules.security, id, `Security review of internet-facing ${name}`);
  }

  tasks.push(...addDecommissionFollowups(universe, base, rules, input.manifest?.followups?.backup?.kinds ?? DEFAULT_STATEFUL_KINDS));

  const documentation = rules.documentation;
  const everything = [...base.tasks, ...tasks];
  if (documentation && everything.length > 0) {
    const touched = [...base.scope.keys()].sort();
    const docs = input.docs.filter((doc) => (doc.covers ?? []).some((c) => base.scope.has(c))).map((doc) => doc.id).sort();
    const title = docs.length ? `Update the documentation: ${docs.join(", ")}` : `Document ${touched.join(", ")} (no document covers them yet)`;
    // Waiting for the tasks nothing else waits for is the same as waiting for all of them.
    const waitedFor = new Set(everything.flatMap((t) => t.after));
    const last = everything.map((t) => t.key).filter((k) => !waitedFor.has(k)).sort();
    tasks.push({ key: taskKey("documentation", documentation.department, touched), title, department: documentation.department, kind: "documentation", components: touched, after: last, ...(documentation.estimate ? { estimate: documentation.estimate } : {}) });
  }
  return tasks;
}
