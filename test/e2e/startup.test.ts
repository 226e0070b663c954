import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, committedCopy, EXAMPLE, REPO } from "../helpers/run.js";

/**
 * The modules a tam invocation loads, from the ES modules of dist/ (TAM_NO_BUNDLE): the bundle tam
 * runs by default (src/launch.ts) is made from them and keeps every lazy import lazy (esbuild turns
 * an import() into a deferred initialiser), so what a command evaluates there is the same.
 */
function modulesLoaded(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), "tam-imports-")), "imports.log");
  const result = spawnSync(process.execPath, ["--import", join(REPO, "test/helpers/record-imports.mjs"), BIN, ...args], {
    env: { ...process.env, TAM_IMPORT_LOG: log, NO_COLOR: "1", TAM_NO_BUNDLE: "1" },
    encoding: "utf8",
  });
  expect(result.status).toBeLessThanOrEqual(1);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

// ajv is reached through require() in dist/project/schema-check.js, which ESM hooks do not see,
// so the modules that load ajv, simple-git and inquirer are watched as well as the packages.
const heavy = /node_modules\/(ajv|inquirer|@inquirer|simple-git)\/|dist\/project\/(schema-check|git)\.js|dist\/commands\/init-answers\.js/;

describe("start-up cost", () => {
  it("--help and --version load neither ajv, inquirer nor simple-git", () => {
    for (const args of [["--help"], ["--version"], ["validate", "--help"]]) {
      const loaded = modulesLoaded(args);
      expect(
        loaded.some((url) => url.includes("/dist/cli.js")),
        args.join(" "),
      ).toBe(true);
      expect(
        loaded.filter((url) => heavy.test(url)),
        args.join(" "),
      ).toEqual([]);
    }
  });

  it("validate loads the schema checker (so the check above can fail) but not inquirer or simple-git", () => {
    const loaded = modulesLoaded(["validate", "-C", EXAMPLE]);
    expect(loaded.some((url) => /dist\/project\/schema-check\.js/.test(url))).toBe(true);
    expect(loaded.filter((url) => /node_modules\/(inquirer|@inquirer|simple-git)\//.test(url))).toEqual([]);
  });

  it("a write run from the bundle reads and edits YAML with the bundle's one copy of yaml, not a second from node_modules", () => {
    const dir = committedCopy(EXAMPLE);
    const log = join(mkdtempSync(join(tmpdir(), "tam-required-")), "required.log");
    const args = ["task", "start", "CHG-0002/T5", "--force", "--reason", "test", "--by", "O", "--as-of", "2026-12-06T10:00:00+03:00", "--no-commit", "-C", dir];
    const result = spawnSync(process.execPath, ["--require", join(REPO, "test/helpers/record-required.cjs"), BIN, ...args], {
      env: { ...process.env, TAM_REQUIRE_LOG: log, NO_COLOR: "1", TAM_NO_BUNDLE: "", TAM_TIMINGS: "1" },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    const loaded = readFileSync(log, "utf8").split("\n");
    // The bundle is compiled through vm (src/launch.ts), so it is not in require.cache: its timings line says it ran.
    expect(result.stderr).toMatch(/tam-timings \{"by":"bundle/);
    expect(loaded.filter((file) => /node_modules[\\/]yaml[\\/]/.test(file))).toEqual([]);
  });
});
