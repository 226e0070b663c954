// The bad-input corpus (test/fixtures/bad/<case>/expected.json) and what its cases need built
// into a copy because git cannot store it (links, a 50 MB file, generated long chains).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURES } from "./run.js";

export const CORPUS = join(FIXTURES, "bad");

export type Setup =
  | "huge-file"
  | "symlink-outside"
  | "symlink-folder-outside"
  | "symlink-doc-outside"
  | "dangling-link"
  | "looping-link"
  | "dangling-folder-link"
  | "dangling-manifest-link"
  | "long-chain"
  | "long-cycle"
  | "control-file-name"
  | "bidi-file-name"
  | "wide-fan-out"
  | "long-task-chain"
  | "huge-id"
  | "quote-storm";

export interface Expected {
  description: string;
  args: string[];
  exit: number;
  setup?: Setup;
  findings: { code: string; file: string; line?: number; col?: number; severity?: string }[];
}

export function corpusCases(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(CORPUS, name, "expected.json"), "utf8")) as Expected;
}

/**
 * minimal's fw → vlan → os, then a chain of `n` components (c0 on os, c1 on c0, …), and `fan` more
 * components all depending on os; `loop` closes the chain back onto fw.
 */
function architecture(n: number, fan = 0, loop = false): string {
  let text = `components:\n  - id: fw\n    name: Firewall\n    kind: firewall\n    instances: 2\n${loop && n > 0 ? `    depends_on: [c${n - 1}]\n` : ""}`;
  text += "  - id: vlan\n    name: VLAN\n    kind: vlan\n    depends_on: [fw]\n  - id: os\n    name: OS\n    kind: linux-os\n    depends_on: [vlan]\n";
  for (let i = 0; i < n; i++) text += `  - id: c${i}\n    name: C${i}\n    kind: linux-os\n    depends_on: [${i === 0 ? "os" : `c${i - 1}`}]\n`;
  for (let i = 0; i < fan; i++) text += `  - id: f${i}\n    name: F${i}\n    kind: linux-os\n    depends_on: [os]\n`;
  return text;
}

/** Builds what git cannot store, what is too big to commit, or what is generated, into the copy. */
export function setUp(dir: string, setup: Setup | undefined): void {
  if (!setup) return;
  const outside = mkdtempSync(join(tmpdir(), "tam-outside-"));
  if (setup === "huge-file") {
    const line = "# padding padding padding padding padding padding padding padding padding pad\n";
    writeFileSync(join(dir, "incidents/2026-11.yaml"), line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
  } else if (setup === "symlink-outside") {
    cpSync(join(FIXTURES, "minimal/architecture.yaml"), join(outside, "architecture.yaml"));
    symlinkSync(join(outside, "architecture.yaml"), join(dir, "architecture.yaml"));
  } else if (setup === "symlink-folder-outside") {
    cpSync(join(FIXTURES, "minimal/changes"), outside, { recursive: true });
    symlinkSync(outside, join(dir, "changes"));
  } else if (setup === "symlink-doc-outside") {
    writeFileSync(join(outside, "secret.md"), "not for tam\n");
    mkdirSync(join(dir, "docs"), { recursive: true });
    symlinkSync(join(outside, "secret.md"), join(dir, "docs/network.md"));
  } else if (setup === "dangling-link") {
    rmSync(join(dir, "architecture.yaml"), { force: true });
    symlinkSync("architecture-old.yaml", join(dir, "architecture.yaml"));
  } else if (setup === "looping-link") {
    rmSync(join(dir, "architecture.yaml"), { force: true });
    symlinkSync("architecture.yaml", join(dir, "architecture.yaml"));
  } else if (setup === "dangling-folder-link") {
    rmSync(join(dir, "incidents"), { recursive: true, force: true });
    symlinkSync("/nonexistent/tam-incidents", join(dir, "incidents"));
  } else if (setup === "dangling-manifest-link") {
    rmSync(join(dir, "tam.yaml"), { force: true });
    symlinkSync("tam-moved.yaml", join(dir, "tam.yaml"));
  } else if (setup === "long-chain") {
    // 5,000 components, each depending on the one before: recursion overflows, quadratic walks hang.
    writeFileSync(join(dir, "architecture.yaml"), architecture(5000));
    writeFileSync(
      join(dir, "changes/CHG-0001.yaml"),
      "id: CHG-0001\ntitle: Deep change\ntype: normal\nstatus: draft\nrollback: Undo it.\nscope:\n  - component: c4999\n    action: modify\n  - component: vlan\n    action: modify\n",
    );
  } else if (setup === "long-cycle") {
    writeFileSync(join(dir, "architecture.yaml"), architecture(5000, 0, true));
  } else if (setup === "wide-fan-out") {
    writeFileSync(join(dir, "architecture.yaml"), architecture(0, 5000));
    writeFileSync(
      join(dir, "changes/CHG-0001.yaml"),
      "id: CHG-0001\ntitle: Wide change\ntype: normal\nstatus: draft\nrollback: Undo it.\nscope:\n  - component: vlan\n    action: modify\n  - component: f4999\n    action: modify\n",
    );
  } else if (setup === "long-task-chain") {
    let tasks = "";
    for (let i = 1; i <= 2000; i++) tasks += `  - id: T${i}\n    title: Step ${i}\n    department: unix\n    kind: manual\n    status: todo\n${i > 1 ? `    after: [T${i - 1}]\n` : ""}`;
    writeFileSync(
      join(dir, "changes/CHG-0001.yaml"),
      `id: CHG-0001\ntitle: Long change\ntype: normal\nstatus: planned\nrollback: Undo it.\nscope:\n  - component: os\n    action: modify\ntasks:\n${tasks}`,
    );
  } else if (setup === "control-file-name") {
    // A file name with an escape sequence: findings name the file; the terminal must not run it.
    writeFileSync(join(dir, "changes/CHG-0002\u001b[2J.yaml"), readFileSync(join(dir, "changes/CHG-0001.yaml")));
  } else if (setup === "bidi-file-name") {
    writeFileSync(join(dir, "incidents/2026-11\u202e.yaml"), readFileSync(join(dir, "incidents/2026-10.yaml")));
  } else if (setup === "quote-storm") {
    // 250,000 double quotes in one value: 125,000 syntax errors, once too many for push(...errors) (fuzz run, seed 1317).
    const path = join(dir, "incidents/2026-10.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("title: Firewall reboot", `title: ${'"'.repeat(250_000)}`));
  } else if (setup === "huge-id") {
    // A 2 MB component id referenced with one typo: "did you mean" must not compare megabytes.
    const id = "x".repeat(2 * 1024 * 1024);
    writeFileSync(join(dir, "architecture.yaml"), `components:\n  - id: ${id}\n    name: Big\n    kind: firewall\n  - id: os\n    name: OS\n    kind: linux-os\n    depends_on: [${id}y]\n`);
  }
}
