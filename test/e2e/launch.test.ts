// How bin/tam.js starts tam (src/launch.ts): the bundle from a code cache made by the first run in
// the user's cache folder, and every way a cache can fail to fit costing a compile, never an error
// or a word on the terminal.
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, EXAMPLE, REPO, runTam } from "../helpers/run.js";

/** The `tam-timings` line TAM_TIMINGS=1 adds to stderr, parsed; and stderr without it. */
function timings(stderr: string): { by: string; rest: string } {
  const line = stderr.split("\n").find((l) => l.startsWith("tam-timings "));
  return { by: line ? (JSON.parse(line.slice("tam-timings ".length)) as { by: string }).by : "(no timings line)", rest: stderr.replace(/^tam-timings .*\n/m, "") };
}

/** tam under `node <flags>` with its cache folder at `cacheHome`. */
function tamWith(flags: string[], cacheHome: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...flags, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", TAM_TIMINGS: "1", XDG_CACHE_HOME: cacheHome, ...env },
  });
  return { code: result.status, stdout: result.stdout, ...timings(result.stderr) };
}

/** A copy of the package's bin/ and dist/ (node_modules linked): its build files' times can be set. */
function packageCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "tam-launch-copy-"));
  for (const part of ["bin", "dist", "package.json", "schemas", "templates"]) cpSync(join(REPO, part), join(dir, part), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  return dir;
}

describe("start-up", () => {
  it("runs the ES modules, not an older bundle, after tsc alone rebuilt some of dist/ (incremental: dist/cli.js untouched)", () => {
    const dir = packageCopy();
    const cacheHome = mkdtempSync(join(tmpdir(), "tam-cache-"));
    const run = () => spawnSync(process.execPath, [join(dir, "bin/tam.js"), "--version"], { encoding: "utf8", env: { ...process.env, TAM_TIMINGS: "1", XDG_CACHE_HOME: cacheHome } });
    const at = (rel: string, seconds: number) => utimesSync(join(dir, rel), seconds, seconds);
    const built = Date.now() / 1000 - 3600;
    for (const rel of ["dist/tam-cli.cjs", "dist/cli.js", "dist/tsconfig.tsbuildinfo"]) at(rel, built);
    expect(timings(run().stderr).by).toMatch(/^bundle/);
    // tsc alone, a minute later: it wrote its record and the files it changed, not dist/cli.js.
    at("dist/tsconfig.tsbuildinfo", built + 60);
    expect(timings(run().stderr).by).toBe("es-modules");
    // An installed package has no record (package.json files): dist/cli.js alone decides.
    at("dist/cli.js", built + 60);
    expect(timings(run().stderr).by).toBe("es-modules");
  });

  it("starts from CommonJS: bin/tam.js requires the launcher the build made, dist/launch.cjs", () => {
    const log = join(mkdtempSync(join(tmpdir(), "tam-required-")), "required.log");
    const result = spawnSync(process.execPath, ["--require", join(REPO, "test/helpers/record-required.cjs"), BIN, "--version"], {
      encoding: "utf8",
      env: { ...process.env, TAM_REQUIRE_LOG: log, TAM_TIMINGS: "1" },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(timings(result.stderr).by).toMatch(/^bundle/);
    const required = readFileSync(log, "utf8").split("\n");
    expect(required).toContain(BIN);
    expect(required).toContain(join(REPO, "dist/launch.cjs"));
  });

  it("runs the bundle and prints what the ES modules print, from a code cache made by the first run", () => {
    const cacheHome = mkdtempSync(join(tmpdir(), "tam-cache-"));
    const args = ["validate", "-C", EXAMPLE, "--format", "json"];
    const first = tamWith([], cacheHome, args);
    expect(first).toMatchObject({ by: "bundle, no cache", rest: "" });
    expect(readdirSync(join(cacheHome, "tam")).filter((name) => name.startsWith("tam-cli-"))).toEqual([expect.stringMatching(/^tam-cli-[0-9a-f]+-validate-v8-.*\.cache$/)]);
    const second = tamWith([], cacheHome, args);
    expect(second).toMatchObject({ code: first.code, stdout: first.stdout, by: "bundle+code-cache", rest: "" });
    const modules = runTam(args, { env: { TAM_NO_BUNDLE: "1" } });
    expect(modules.stderr).toBe("");
    expect({ code: first.code, stdout: first.stdout }).toEqual({ code: modules.code, stdout: modules.stdout });
  });

  it("keeps a cache per command that ran: help first leaves none, and the plan's is its own", () => {
    const cacheHome = mkdtempSync(join(tmpdir(), "tam-cache-"));
    const caches = () => (existsSync(join(cacheHome, "tam")) ? readdirSync(join(cacheHome, "tam")).filter((name) => name.startsWith("tam-cli-")) : []);
    expect(tamWith([], cacheHome, ["change", "--help"])).toMatchObject({ code: 0, by: "bundle, no cache" });
    expect(tamWith([], cacheHome, ["chnage", "plan"]).code).toBe(2);
    expect(caches()).toEqual([]);
    const plan = ["change", "plan", "CHG-0003", "-C", EXAMPLE, "--as-of", "2026-11-20"];
    expect(tamWith([], cacheHome, plan)).toMatchObject({ code: 0, by: "bundle, no cache" });
    expect(caches()).toEqual([expect.stringMatching(/^tam-cli-[0-9a-f]+-change-plan-v8-.*\.cache$/)]);
    expect(tamWith([], cacheHome, plan)).toMatchObject({ code: 0, by: "bundle+code-cache" });
    // Another command of the group keeps its own.
    const check = ["change", "check", "CHG-0003", "-C", EXAMPLE, "--as-of", "2026-11-20"];
    expect(tamWith([], cacheHome, check).by).toBe("bundle, no cache");
    expect(tamWith([], cacheHome, check).by).toBe("bundle+code-cache");
    expect(caches()).toHaveLength(2);
  });

  it("replaces a cache V8 rejects, silently", () => {
    const cacheHome = mkdtempSync(join(tmpdir(), "tam-cache-"));
    // Made under another V8 flag: V8 rejects it without the flag (as after a Node update of the same V8).
    const made = tamWith(["--stack-size=2000"], cacheHome, ["--version"]);
    expect(made).toMatchObject({ code: 0, by: "bundle, no cache", rest: "" });
    const rejected = tamWith([], cacheHome, ["--version"]);
    expect(rejected).toMatchObject({ code: 0, stdout: made.stdout, by: "bundle, cache rejected", rest: "" });
    const replaced = tamWith([], cacheHome, ["--version"]);
    expect(replaced).toMatchObject({ code: 0, stdout: made.stdout, by: "bundle+code-cache", rest: "" });
    expect(readdirSync(join(cacheHome, "tam"))).toEqual([expect.stringMatching(/^tam-cli-[0-9a-f]+-start-v8-.*\.cache$/)]);
  });

  it("keeps a project's findings only under a bundle (its id names the code), and prints the same from them", () => {
    const findings = (cacheHome: string) => (existsSync(join(cacheHome, "tam")) ? readdirSync(join(cacheHome, "tam")).filter((name) => name.startsWith("tam-findings-")) : []);
    const args = ["validate", "-C", EXAMPLE, "--format", "json"];
    const modulesHome = mkdtempSync(join(tmpdir(), "tam-cache-"));
    const modules = tamWith([], modulesHome, args, { TAM_NO_BUNDLE: "1" });
    expect(modules.by).toBe("es-modules");
    expect(findings(modulesHome)).toEqual([]);
    const cacheHome = mkdtempSync(join(tmpdir(), "tam-cache-"));
    const first = tamWith([], cacheHome, args);
    expect(findings(cacheHome)).toHaveLength(1);
    const second = tamWith([], cacheHome, args);
    for (const run of [first, second]) expect({ code: run.code, stdout: run.stdout, rest: run.rest }).toEqual({ code: modules.code, stdout: modules.stdout, rest: "" });
  });

  it("keeps the zone offsets a run learned: a second run makes no Intl.DateTimeFormat and prints the same", () => {
    const cacheHome = mkdtempSync(join(tmpdir(), "tam-cache-"));
    const count = ["--require", join(REPO, "test/helpers/count-date-formats.cjs")];
    const run = (args: string[]) => {
      const { code, stdout, rest } = tamWith(count, cacheHome, args, { TAM_COUNT_DATE_FORMATS: "1" });
      return { code, stdout, formats: Number(/^date-formats (\d+)$/m.exec(rest)?.[1]) };
    };
    const validate = ["validate", "-C", EXAMPLE, "--format", "json"];
    const validated = run(validate);
    for (const args of [validate, ["report", "-C", EXAMPLE, "--as-of", "2026-11-20", "--period", "2026-10"]]) {
      const first = args === validate ? validated : run(args);
      expect(first.formats, args[0]).toBeGreaterThan(0);
      expect(run(args), args[0]).toEqual({ ...first, formats: 0 });
    }
    const memos = readdirSync(join(cacheHome, "tam")).filter((name) => name.startsWith("tam-zone-offsets-"));
    expect(memos).toEqual([expect.stringMatching(/-Europe~Moscow$/)]);
    // A corrupt memo is read as none: Intl again, the same output.
    writeFileSync(join(cacheHome, "tam", memos[0]!), "tam zone offsets, cut sh");
    const corrupt = run(validate);
    expect(corrupt.formats).toBeGreaterThan(0);
    expect(corrupt).toEqual({ ...validated, formats: corrupt.formats });
  });

  it("ignores a corrupt cache and an unwritable cache folder", () => {
    const cacheHome = mkdtempSync(join(tmpdir(), "tam-cache-"));
    const first = tamWith(["--stack-size=2000"], cacheHome, ["validate", "-C", EXAMPLE]);
    const [file] = readdirSync(join(cacheHome, "tam"));
    writeFileSync(join(cacheHome, "tam", file!), "tam-code-cache but not V8's data");
    const corrupt = tamWith(["--stack-size=2000"], cacheHome, ["validate", "-C", EXAMPLE]);
    expect(corrupt).toMatchObject({ code: first.code, stdout: first.stdout, rest: first.rest });
    // A cache "folder" that is a read-only file: nothing can be written under it.
    const blocked = join(mkdtempSync(join(tmpdir(), "tam-cache-")), "file");
    writeFileSync(blocked, "");
    chmodSync(blocked, 0o444);
    const unwritable = tamWith(["--stack-size=2000"], blocked, ["validate", "-C", EXAMPLE]);
    expect(unwritable).toMatchObject({ code: first.code, stdout: first.stdout, rest: first.rest, by: first.by });
  });
});
