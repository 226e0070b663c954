// Validation parity: every condition that makes `tam change plan` refuse is a `tam validate`
// finding with the same code at the same file:line, so CI catches what the planner refuses.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLAN_REFUSAL_CODES, planChange, SIGNAL_CODES } from "../../../src/domain/planner/index.js";
import { projectIssues } from "../../../src/project/check.js";
import { loadProject } from "../../../src/project/load.js";

const FIXTURE = new URL("../../fixtures/plan-landscape", import.meta.url).pathname;
const PLANNER = new URL("../../../src/domain/planner", import.meta.url).pathname;
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The landscape fixture with CHG-0001 (a draft adding five components) edited by `edit`. */
function project(edit: (change: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "tam-parity-"));
  made.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  const file = join(dir, "changes/CHG-0001.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return dir;
}

/** One way to trigger each refusal code. */
const CASES: Record<string, (change: string) => string> = {
  // The VLAN needs the PHP pool, which (through the OS and the VM) needs the VLAN.
  "dependency-cycle": (text) => text.replace("{ id: app-vlan, name: App VLAN, kind: vlan, depends_on: [core-fw] }", "{ id: app-vlan, name: App VLAN, kind: vlan, depends_on: [core-fw, app-php] }"),
  "no-owner": (text) => text.replace("{ id: app-php, name: App PHP-FPM, kind: php,", "{ id: app-php, name: App PHP-FPM, kind: cobol,"),
  "unknown-reference": (text) => text.replace("  - { component: app-php, action: add }", "  - { component: app-perl, action: add }"),
  "task-cycle": (text) => `${text}tasks:\n  - { id: T1, title: One, department: network, status: todo, after: [T2] }\n  - { id: T2, title: Two, department: unix, status: todo, after: [T1] }\n`,
};

describe("validate reports every refusal of change plan at the same place", () => {
  it("lists every error code the planner can emit", () => {
    const emitted = new Set<string>();
    for (const name of readdirSync(PLANNER).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(join(PLANNER, name), "utf8");
      // Signals about dates (late, at risk, past due…) do not stop a plan: they are not refusals.
      for (const match of source.matchAll(/severity: "error"( as const)?,\s*code: "([a-z-]+)"/g)) if (!SIGNAL_CODES.includes(match[2]!)) emitted.add(match[2]!);
    }
    expect(emitted.size).toBeGreaterThan(0);
    expect([...emitted].sort()).toEqual([...PLAN_REFUSAL_CODES].sort());
    expect(Object.keys(CASES).sort()).toEqual([...PLAN_REFUSAL_CODES].sort());
  });

  for (const code of PLAN_REFUSAL_CODES) {
    it(code, () => {
      const loaded = loadProject(project(CASES[code]!));
      const change = loaded.changes.find((c) => c.id === "CHG-0001")!;
      const plan = planChange({ ...loaded, change, where: loaded.where, today: "2026-11-20", timezone: "Europe/Moscow" });
      const refusals = plan.findings.filter((f) => f.severity === "error" && f.code === code);
      expect(refusals.length, JSON.stringify(plan.findings)).toBeGreaterThan(0);
      const found = projectIssues(loaded).filter((i) => i.severity === "error" && i.code === code);
      for (const refusal of refusals) expect(found.map((i) => `${i.file}:${i.line}`)).toContain(`${refusal.file}:${refusal.line}`);
    });
  }
});
