// Unreadable files and folders, and unwritable output paths: findings or usage errors naming the
// path, never "internal error". File modes mean nothing to root, so as root tam runs as the user
// nobody (setpriv); as any other user it runs as itself.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, copyProject, FIXTURES } from "../helpers/run.js";

const isRoot = process.getuid?.() === 0;
const setpriv = spawnSync("setpriv", ["--version"]).status === 0;

function tamAsUser(args: string[]): { code: number; stdout: string; stderr: string } {
  const command = isRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN] : [process.execPath, BIN];
  const result = spawnSync(command[0]!, [...command.slice(1), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TZ: "UTC", HOME: "/tmp" }, timeout: 30_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of minimal that the other user can read, with `changes/` and `docs.yaml` readable by the owner only. */
function projectWithUnreadableParts(): string {
  const dir = copyProject(join(FIXTURES, "minimal"));
  chmodSync(dir, 0o755);
  for (const rel of ["tam.yaml", "departments.yaml", "architecture.yaml", "incidents/2026-10.yaml", "changes/CHG-0001.yaml"]) chmodSync(join(dir, rel), 0o644);
  chmodSync(join(dir, "incidents"), 0o755);
  chmodSync(join(dir, "changes"), 0o700);
  chmodSync(join(dir, "docs.yaml"), 0o600);
  return dir;
}

describe.skipIf(isRoot && !setpriv)("file-system edges as a user without access", () => {
  it("an unreadable folder and file are findings naming them, in validate and in a refusing command", () => {
    const dir = projectWithUnreadableParts();
    const validate = tamAsUser(["validate", "--format", "json", "-C", dir]);
    expect(validate.stderr).not.toMatch(/internal error/);
    expect(validate.code).toBe(1);
    const issues = (JSON.parse(validate.stdout) as { issues: { code: string; file: string; message: string }[] }).issues;
    expect(issues).toContainEqual(expect.objectContaining({ code: "unreadable-folder", file: "changes", message: expect.stringContaining("permission denied (EACCES)") }));
    expect(issues).toContainEqual(expect.objectContaining({ code: "unreadable-file", file: "docs.yaml" }));
    const status = tamAsUser(["status", "--as-of", "2026-11-20", "-C", dir]);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/^ {2}changes:1:1 error unreadable-folder cannot read the folder changes: permission denied/m);
  });

  it("report -o into a folder the user may not write is a usage error naming the path", () => {
    const dir = projectWithUnreadableParts();
    chmodSync(join(dir, "changes"), 0o755);
    chmodSync(join(dir, "docs.yaml"), 0o644);
    const closed = join(dir, "closed");
    mkdirSync(closed, { mode: 0o755 });
    const result = tamAsUser(["report", "--period", "2026-10", "--as-of", "2026-11-20", "-o", join(closed, "report.md"), "-C", dir]);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^tam: .*${join(closed, "report.md")}.*permission denied \\(EACCES\\)`, "m"));
  });
});
