// The pre-commit hook (.pre-commit-hooks.yaml) installed and run by pre-commit itself, from a
// stand-in of tam's repository at the release tag, on a client repository. pre-commit builds a
// node hook with `npm install`, `npm pack` (whose stdout it reads as the tarball's name) and
// `npm install -g`, in a nodeenv using the system's Node. .ci/run installs pre-commit (Debian).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientRepository, ok, RELEASE_TAG, run, scratch, standInRepository } from "./stand-in.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;

describe("pre-commit hook", () => {
  it("is installed in CI", () => {
    // Outside CI a missing pre-commit only skips the next test; in CI it is a failure.
    if (process.env.CI) expect(hasPreCommit, "pre-commit is not installed (.ci/run installs it with apt-get)").toBe(true);
  });

  // The release tag ships dist/; a development commit is built by `prepare` during pre-commit's
  // `npm install` and `npm pack` (whose stdout must stay the tarball's name alone).
  it.skipIf(!hasPreCommit).each([RELEASE_TAG, "main"])("installs under pre-commit at rev %s and runs tam validate on the client's commit", (rev) => {
    const { dir } = standInRepository();
    const client = clientRepository();
    const sha = ok(run("git", ["rev-parse", rev], dir), "git rev-parse").stdout.trim();
    writeFileSync(
      join(client, ".pre-commit-config.yaml"),
      `repos:\n  - repo: ${dir}\n    rev: ${rev === "main" ? sha : rev}\n    hooks:\n      - id: tam-validate\n        args: [-C, clients/acme]\n`,
    );
    const env = { PRE_COMMIT_HOME: scratch("pre-commit-home"), PRE_COMMIT_COLOR: "never" };
    ok(run("git", ["add", ".pre-commit-config.yaml"], client), "git add");

    const passed = run("pre-commit", ["run", "--all-files"], client, env);
    expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/tam validate\.+Passed/);

    const architecture = join(client, "clients/acme/architecture.yaml");
    writeFileSync(architecture, readFileSync(architecture, "utf8").replace(/depends_on: \[core-fw\]/, "depends_on: [core-fw, no-such-thing]"));
    const failed = run("pre-commit", ["run", "--all-files"], client, env);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/tam validate\.+Failed/);
    expect(failed.stdout).toContain('unknown component "no-such-thing"');
  });
});
