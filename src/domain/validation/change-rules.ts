// Rules on changes that the planner and the lifecycle rely on: a change's new components must be
// orderable and owned (else `tam change plan` refuses), approvals must be recorded, and live
// components must not depend on decommissioned ones.
import type { Issue, Location } from "../../model/issues.js";
import { OPEN_CHANGE_STATUSES, type Component } from "../../model/files.js";
import { findCycles } from "../graph.js";
import { awaitsRetroactiveApproval } from "../tracking/lifecycle.js";
import { checkReadiness, STATIC_READINESS_ITEMS } from "../tracking/readiness.js";
import { docGapText, docTaskCoverage } from "../tracking/doc-coverage.js";
import { parseTimestamp } from "../dates.js";
import { zoneOrUtc } from "../zone.js";
import { describeCycle } from "./cycles.js";
import { ownerIndex, owningDepartmentId } from "./owners.js";
import { issueAt, items, list, type ProjectView } from "./view.js";

/** Cycles through a change's new components (cycles among architecture.yaml alone are reported once, by checkComponentCycles). */
export function checkNewComponentCycles(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  for (const change of view.changes) {
    const fresh = items(change.new_components).filter((c) => typeof c.id === "string");
    if (!fresh.length) continue;
    const byId = new Map<string, { component: Component; at: (...field: (string | number)[]) => Location }>();
    for (const component of view.components) if (typeof component.id === "string") byId.set(component.id, { component, at: (...field) => view.where(component, ...field) });
    items(change.new_components).forEach((component, index) => {
      if (typeof component.id === "string") byId.set(component.id, { component, at: (...field) => view.where(change, "new_components", index, ...field) });
    });
    const freshIds = new Set(fresh.map((c) => c.id));
    const depends = (id: string) => list(byId.get(id)?.component.depends_on).filter((d) => typeof d === "string" && byId.has(d));
    const edgeAt = (from: string, to: string) => byId.get(from)!.at("depends_on", list(byId.get(from)!.component.depends_on).indexOf(to));
    for (const cycle of findCycles([...byId.keys()].sort(), depends)) {
      if (!cycle.some((id) => freshIds.has(id))) continue;
      const { message, edges } = describeCycle(cycle, edgeAt);
      issues.push({ severity: "error", code: "dependency-cycle", message: `${change.id} cannot be ordered: ${message}`, ...edges[0]! });
    }
  }
  return issues;
}

/** A component in the scope of an open change that no department owns: the planner cannot hand it to anyone. */
export function checkScopeOwners(view: ProjectView): Issue[] {
  if (view.unavailable?.has("department")) return [];
  const issues: Issue[] = [];
  const byKind = ownerIndex(view.departments);
  const departments = new Set(view.departments.map((d) => d.id));
  const architecture = new Map(view.components.map((c) => [c.id, c]));
  for (const change of view.changes) {
    if (!OPEN_CHANGE_STATUSES.includes(change.status)) continue;
    const fresh = new Map(items(change.new_components).map((c) => [c.id, c]));
    items(change.scope).forEach((item, index) => {
      const component = fresh.get(item.component) ?? architecture.get(item.component);
      if (!component || typeof component.kind !== "string") return; // unknown components are unknown-reference
      const owner = owningDepartmentId(component, byKind);
      if (owner !== undefined && departments.has(owner)) return;
      if (component.department !== undefined) return; // an unknown department is reported as unknown-reference
      issues.push(
        issueAt(
          view,
          "error",
          "no-owner",
          `no department owns "${item.component}" (kind "${component.kind}"), so ${change.id} cannot be planned: add "${component.kind}" to a department's "owns" or set the component's "department"`,
          change,
          "scope",
          index,
          "component",
        ),
      );
    });
  }
  return issues;
}

/** Approvals the lifecycle needs, and components that depend on decommissioned ones. */
export function checkLifecycle(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  for (const change of view.changes) {
    if (typeof change.id !== "string") continue;
    if (awaitsRetroactiveApproval(change)) {
      issues.push(
        issueAt(
          view,
          "warning",
          "unapproved-change",
          `emergency change ${change.id} started without an approval: record it afterwards with \`tam change approve ${change.id} --by <who>\``,
          change,
          "status",
        ),
      );
    } else if (change.type === "normal" && !change.approval && change.status === "approved") {
      // The status claims what the file does not record: task start refuses, so validate says it first.
      issues.push(
        issueAt(
          view,
          "warning",
          "unapproved-change",
          `normal change ${change.id} says approved but has no approval record: record who approved it for the client, and when, with \`tam change approve ${change.id} --by <who>\` (its tasks cannot start until then)`,
          change,
          "status",
        ),
      );
    } else if (change.type === "normal" && !change.approval && ["in-progress", "review"].includes(change.status)) {
      issues.push(
        issueAt(
          view,
          "warning",
          "unapproved-change",
          `normal change ${change.id} is ${change.status} without a recorded approval: record who approved it for the client with \`tam change approve\``,
          change,
          "status",
        ),
      );
    }
  }
  const decommissioned = new Set(view.components.filter((c) => c.decommissioned).map((c) => c.id));
  for (const change of view.changes) {
    if (!OPEN_CHANGE_STATUSES.includes(change.status)) continue;
    items(change.scope).forEach((item, index) => {
      if (decommissioned.has(item.component))
        issues.push(issueAt(view, "warning", "depends-on-decommissioned", `${change.id} works on ${item.component}, which was decommissioned`, change, "scope", index, "component"));
    });
  }
  if (decommissioned.size) {
    for (const component of view.components) {
      if (component.decommissioned) continue;
      list(component.depends_on).forEach((dep, i) => {
        if (decommissioned.has(dep))
          issues.push(issueAt(view, "warning", "depends-on-decommissioned", `${component.id} depends on ${dep}, which was decommissioned: update its depends_on`, component, "depends_on", i));
      });
    }
  }
  return issues;
}

/** Where a failing readiness item is located in the change file. */
const READINESS_FIELD: Record<string, string> = { rollback: "type", "test-plan": "type", backup: "scope", approver: "approval", plan: "status" };

/**
 * The gate's items that are facts of the file (plan, rollback, test plan, backup, approver), on a
 * change that is approved or under way: the same conditions `tam change approve` and the first
 * `tam task start` refuse on, so a hand edit that bypasses the gate fails CI. An item forced past
 * (an accepted risk in the change's history) is not a finding.
 */
export function checkChangeReadiness(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  for (const change of view.changes) {
    if (typeof change.id !== "string" || !["approved", "in-progress"].includes(change.status)) continue;
    const readiness = checkReadiness({ change, manifest: view.manifest, components: view.components, timezone: "UTC", only: STATIC_READINESS_ITEMS });
    for (const item of readiness.items) {
      if (item.state !== "fail") continue;
      // A missing approval is unapproved-change (a warning: an emergency change records it afterwards).
      if (item.id === "approver" && !change.approval) continue;
      const field = READINESS_FIELD[item.id] ?? "status";
      issues.push(
        issueAt(
          view,
          "error",
          "not-ready",
          `${change.id} is ${change.status} but the readiness item ${item.id} fails: ${item.why} (\`tam change check ${change.id}\`; a step forced with --reason records it as an accepted risk)`,
          change,
          ...(field in change ? [field] : ["status"]),
        ),
      );
    }
  }
  return issues;
}

/**
 * A documentation task done on an open change while the docs index does not cover its components
 * (a document listing each, reviewed on or after the task started): the condition `tam task done`
 * refuses on, so a hand edit that bypasses it fails CI. A done forced past it (`accepted:
 * [documentation]`) is an accepted risk, not a finding. Closed changes are history and are not
 * checked: a component still without a document shows in `tam docs check`.
 */
export function checkDocTasks(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  if (view.unavailable?.has("docs")) return issues;
  const timezone = zoneOrUtc(view.manifest?.timezone);
  for (const change of view.changes) {
    if (typeof change.id !== "string" || !OPEN_CHANGE_STATUSES.includes(change.status)) continue;
    for (const [index, task] of items(change.tasks).entries()) {
      if (task.kind !== "documentation" || task.status !== "done") continue;
      const done = list(task.history)
        .filter((e) => e && e.status === "done")
        .at(-1);
      if (done && list(done.accepted).includes("documentation")) continue;
      const doneAt = done ? parseTimestamp(done.at) : Number.NaN;
      if (!Number.isFinite(doneAt)) continue;
      const coverage = docTaskCoverage(change, task, items(view.docs), doneAt, timezone);
      if (!coverage?.gaps.length) continue;
      issues.push(
        issueAt(
          view,
          "error",
          "doc-task-uncovered",
          `${change.id}/${task.id} is done but ${docGapText(coverage)}; or record it as an accepted risk (\`tam task done --force --reason\`)`,
          change,
          "tasks",
          index,
          "status",
        ),
      );
    }
  }
  return issues;
}
