// Follow-up tasks from the rules in tam.yaml (or the defaults): backup of new stateful
// components, monitoring of every new component, a security review of internet-facing ones,
// and a final documentation task. Follow-ups of one kind for one department in one wave are one
// task listing its components (not one per component); the security department does not review
// work it did itself. For removed components, the decommission follow-ups (decommission.ts).
import type { Issue } from "../../model/issues.js";
import type { FollowupKind, FollowupRule } from "../../model/files.js";
import { parseDuration } from "../duration.js";
import { addDecommissionFollowups, DECOMMISSION_RULES } from "./decommission.js";
import { taskKey, type Decomposition } from "./decompose.js";
import { levels } from "./order.js";
import type { ActiveRule, DraftTask, PlanInput } from "./types.js";
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

const DECOMMISSION_SIBLING: Partial<Record<FollowupKind, FollowupKind>> = { final_backup: "backup", monitoring_removal: "monitoring", backup_retirement: "backup" };

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
      findings.push({
        severity: "warning",
        code: "followup-department-unknown",
        message: `no ${kind} follow-up task: department "${department}" does not exist (set followups.${kind}.department in tam.yaml, or enabled: false)`,
        ...at,
      });
      continue;
    }
    rules[kind] = { department, estimate: rule.estimate, perComponent: rule.per_component, kinds: rule.kinds, group: rule.group !== false, skipOwnWork: rule.skip_own_work !== false };
  }
  return rules;
}

/** `base` plus `times` × `extra`, field by field ("4h" + 2 × "2h" = "8h"); undefined when either is not a duration. */
function addEstimates(base: string, extra: string, times: number): string | undefined {
  const a = parseDuration(base);
  const b = parseDuration(extra);
  if (!a || !b) return undefined;
  const minutes = a.minutes + b.minutes * times;
  const hours = a.hours + b.hours * times + Math.floor(minutes / 60);
  const parts: [number, string][] = [
    [a.weeks + b.weeks * times, "w"],
    [a.days + b.days * times, "d"],
    [hours, "h"],
    [minutes % 60, "m"],
  ];
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, unit]) => `${n}${unit}`)
      .join("") || "0m"
  );
}

function namesText(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
}

/** The follow-ups of added or changed components (the decommission ones are in decommission.ts). */
type ComponentFollowup = "backup" | "monitoring" | "security";

const VERB: Record<ComponentFollowup, (names: string) => string> = {
  backup: (names) => `Back up ${names} and test a restore`,
  monitoring: (names) => `Monitor ${names}`,
  security: (names) => `Security review of internet-facing ${names}`,
};

export function addFollowups(input: PlanInput, universe: Universe, base: Decomposition, findings: Issue[]): DraftTask[] {
  const rules = activeRules(input, universe, findings);
  const tasks: DraftTask[] = [];
  // The wave of each implementation task: follow-ups of one wave are grouped.
  const byKey = new Map(base.tasks.map((t) => [t.key, t]));
  const wave = levels([...byKey.keys()], (key) => byKey.get(key)?.after ?? []);
  const groups = new Map<string, { kind: ComponentFollowup; rule: ActiveRule; components: string[]; names: string[]; after: string[] }>();
  const add = (kind: ComponentFollowup, rule: ActiveRule, component: string) => {
    const after = base.byComponent.get(component)!;
    const id = rule.group ? `${kind}|${rule.department}|${wave.get(after) ?? 1}` : `${kind}|${rule.department}|${component}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { kind, rule, components: [], names: [], after: [] }));
    group.components.push(component);
    group.names.push(universe.byId.get(component)!.name);
    if (!group.after.includes(after)) group.after.push(after);
  };
  for (const [id, item] of base.scope) {
    if (!base.byComponent.has(id)) continue;
    const component = universe.byId.get(id)!;
    if (item.action === "add" && rules.backup && (rules.backup.kinds ?? DEFAULT_STATEFUL_KINDS).includes(component.kind)) add("backup", rules.backup, id);
    if (item.action === "add" && rules.monitoring && (!rules.monitoring.kinds || rules.monitoring.kinds.includes(component.kind))) add("monitoring", rules.monitoring, id);
    const builtBy = universe.owner(id);
    const ownWork = rules.security?.skipOwnWork === true && builtBy === rules.security.department;
    if (item.action !== "remove" && rules.security && component.internet_facing === true && !ownWork) add("security", rules.security, id);
  }
  for (const group of groups.values()) {
    const { kind, rule, components, names } = group;
    const department = universe.departments.get(rule.department);
    const one = rule.estimate ?? department?.lead_time ?? "1d";
    const estimate = components.length > 1 ? addEstimates(one, rule.perComponent ?? one, components.length - 1) : rule.estimate;
    tasks.push({
      key: taskKey(kind, rule.department, components),
      title: VERB[kind](namesText(names)),
      department: rule.department,
      kind,
      components: [...components],
      after: group.after.sort(),
      ...(estimate ? { estimate } : {}),
    });
  }

  tasks.push(...addDecommissionFollowups(universe, base, rules, input.manifest?.followups?.backup?.kinds ?? DEFAULT_STATEFUL_KINDS));

  const documentation = rules.documentation;
  const everything = [...base.tasks, ...tasks];
  if (documentation && everything.length > 0) {
    const touched = [...base.scope.keys()].sort();
    const docs = input.docs
      .filter((doc) => (doc.covers ?? []).some((c) => base.scope.has(c)))
      .map((doc) => doc.id)
      .sort();
    const title = docs.length ? `Update the documentation: ${docs.join(", ")}` : `Write the first document for ${touched.join(", ")}`;
    // Waiting for the tasks nothing else waits for is the same as waiting for all of them.
    const waitedFor = new Set(everything.flatMap((t) => t.after));
    const last = everything
      .map((t) => t.key)
      .filter((k) => !waitedFor.has(k))
      .sort();
    tasks.push({
      key: taskKey("documentation", documentation.department, touched),
      title,
      department: documentation.department,
      kind: "documentation",
      components: touched,
      after: last,
      ...(documentation.estimate ? { estimate: documentation.estimate } : {}),
    });
  }
  return tasks;
}
