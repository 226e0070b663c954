// The release tarball: `npm pack` in a checkout (its `prepare` builds), installed globally as a
// CLI user installs it and into a project's node_modules as a library user does. Catches a
// missing entry in `files`, a dependency kept in devDependencies, a bin that reaches outside the
// package, templates or schemas not shipped, files shipped that should not be.
// `npm pack`'s stdout must be the tarball's name alone: pre-commit reads it to find the file.
import { readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run.js";
import { ok, run, scratch, standInRepository, VERSION } from "./stand-in.js";

describe("release tarball", () => {
  let tarball = "";
  let packedStdout = "";
  beforeAll(() => {
    const { dir } = standInRepository();
    // A checkout after `npm install`: this suite's dependencies stand in for them.
    symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
    packedStdout = ok(run("npm", ["pack"], dir), "npm pack").stdout;
    tarball = join(dir, `tam-cli-${VERSION}.tgz`);
  });

  it("npm pack prints only the file name (the build talks on stderr)", () => {
    expect(packedStdout).toBe(`tam-cli-${VERSION}.tgz\n`);
  });

  it("ships the bin, the build, the bundle, schemas, templates and docs; no tests, sources, code caches or build record", () => {
    const shipped = ok(run("tar", ["-tzf", tarball], REPO), "tar -t")
      .stdout.split("\n")
      .filter(Boolean)
      .map((entry) => entry.replace(/^package\//, ""));
    for (const needed of [
      "package.json",
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
    // The compiler's record of the build (tsconfig.json "incremental") serves only a rebuild in the checkout.
    expect(shipped.filter((p) => p.endsWith(".tsbuildinfo"))).toEqual([]);
  });

  it("npm install --global of it works: tam --version, init and validate", () => {
    const prefix = scratch("tarball");
    ok(run("npm", ["install", "--global", tarball], prefix, { npm_config_prefix: prefix }), "npm install -g");
    const tam = join(prefix, "bin/tam");
    expect(ok(run(tam, ["--version"], prefix), "tam --version").stdout.trim()).toBe(VERSION);
    ok(run(tam, ["init", "acme", "--client", "ACME", "--tam", "Irina Petrova", "--yes", "--no-git"], prefix), "tam init");
    ok(run(tam, ["validate", "-C", "acme"], prefix), "tam validate");
  });

  it("npm install of it into a project: its tam runs the bundle and keeps a code cache; import('tam-cli') resolves through exports", () => {
    const consumer = scratch("consumer");
    writeFileSync(join(consumer, "package.json"), '{ "name": "consumer", "private": true }\n');
    ok(run("npm", ["install", tarball], consumer), "npm install");
    // The installed tam has no code cache of this Node and writes one (src/launch.ts): here, not into the user's.
    const cacheHome = scratch("cache-home");
    const tam = join(consumer, "node_modules/.bin/tam");
    const help = ok(run(tam, ["--help"], consumer, { XDG_CACHE_HOME: cacheHome }), "tam --help");
    expect(help.stdout).toMatch(/^Usage: tam/);
    ok(run(tam, ["init", "acme", "--client", "ACME Corp", "--tam", "Irina Petrova", "--yes", "--no-git"], consumer, { XDG_CACHE_HOME: cacheHome }), "tam init");
    expect(readdirSync(join(consumer, "acme"))).toContain("tam.yaml");
    ok(run(tam, ["validate", "-C", "acme"], consumer, { XDG_CACHE_HOME: cacheHome }), "tam validate");
    expect(readdirSync(join(cacheHome, "tam")).length).toBeGreaterThan(0);

    const api = ok(run(process.execPath, ["--input-type=module", "-e", "const m = await import('tam-cli'); console.log(Object.keys(m).sort().join(' '))"], consumer), "import('tam-cli')");
    expect(api.stdout).toMatch(/assessFreshness.*buildClientReport.*loadProject.*planChange.*projectIssues.*slaReport/);
  });
});
