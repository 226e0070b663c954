// The package as a user gets it: `npm pack`, install the tarball into an empty folder, run that
// install's tam. Catches a missing entry in `files`, a dependency kept in devDependencies, a bin
// that reaches outside the package, templates or schemas not shipped.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run.js";

const cacheHome = mkdtempSync(join(tmpdir(), "tam-pack-cache-"));

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    // XDG_CACHE_HOME: the installed tam has no code cache of this Node and writes one (src/launch.ts): not into the user's.
    env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false", npm_config_loglevel: "error", XDG_CACHE_HOME: cacheHome },
  });
  return { code: result.status ?? -1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

describe("npm package", () => {
  it("installs from its tarball into an empty folder; tam --help, init and validate work there", () => {
    const work = mkdtempSync(join(tmpdir(), "tam-pack-"));
    // `npm pack` would run `prepare` (the build) first; the suite's pretest already built dist,
    // and rebuilding it here would race the other tests that run bin/tam.js.
    const packed = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], REPO);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const shipped = info!.files.map((f) => f.path);
    for (const needed of [
      "bin/tam.js",
      "bin/package.json",
      "dist/cli.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/launch.js",
      "dist/launch.cjs",
      "dist/tam-cli.cjs",
      "schemas/change.schema.json",
      "templates/project/tam.yaml",
      "templates/import/servicenow-events.yaml",
      "templates/import/servicenow-incidents.yaml",
      "templates/import/jira-sm.yaml",
      "templates/ci/github/.github/workflows/tam.yml",
      "templates/ci/gitlab/.gitlab-ci.yml",
      "LICENSE",
      "CHANGELOG.md",
      "README.md",
    ]) {
      expect(shipped, needed).toContain(needed);
    }
    expect(shipped.filter((p) => p.startsWith("test/") || p.startsWith("src/"))).toEqual([]);
    // Code caches fit only the Node that made them: the installed tam makes its own (below).
    expect(shipped.filter((p) => p.endsWith(".cache"))).toEqual([]);

    const consumer = join(work, "consumer");
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), '{ "name": "consumer", "private": true }\n');
    const installed = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(work, info!.filename)], consumer);
    expect(installed.code, installed.stderr).toBe(0);
    const tam = join(consumer, "node_modules/.bin/tam");
    expect(existsSync(tam)).toBe(true);

    const help = run(tam, ["--help"], consumer);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tam/);

    const init = run(tam, ["init", "acme", "--client", "ACME Corp", "--tam", "Irina Petrova", "--yes", "--no-git"], consumer);
    expect(init.code, init.stderr).toBe(0);
    expect(readdirSync(join(consumer, "acme"))).toContain("tam.yaml");

    const validate = run(tam, ["validate", "-C", "acme"], consumer);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    // It ran the bundle and kept a code cache for the next run.
    expect(readdirSync(join(cacheHome, "tam")).length).toBeGreaterThan(0);

    // The library entry point resolves through `exports`.
    const api = run(process.execPath, ["--input-type=module", "-e", "const m = await import('tam-cli'); console.log(Object.keys(m).sort().join(' '))"], consumer);
    expect(api.code, api.stderr).toBe(0);
    expect(api.stdout).toMatch(/assessFreshness.*buildClientReport.*loadProject.*planChange.*projectIssues.*slaReport/);
  }, 120_000);
});
