// The CI configurations tam init writes (and the copies in examples/ci) run commands that exist,
// with options that exist, and pass on a fresh project.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO, runTam } from "../helpers/run.js";

const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
const TEMPLATES = {
  github: { template: "templates/ci/github/.github/workflows/tam.yml", example: "examples/ci/github-actions.yml", path: ".github/workflows/tam.yml" },
  gitlab: { template: "templates/ci/gitlab/.gitlab-ci.yml", example: "examples/ci/gitlab-ci.yml", path: ".gitlab-ci.yml" },
};
const identity = { GIT_AUTHOR_NAME: "Irina", GIT_AUTHOR_EMAIL: "i@example.com", GIT_COMMITTER_NAME: "Irina", GIT_COMMITTER_EMAIL: "i@example.com", GIT_CONFIG_GLOBAL: "/dev/null" };

function newProject(ci: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "tam-ci-")), "acme");
  const result = runTam(["init", dir, "--client", "ACME", "--tam", "Irina Petrova", "--ci", ci, "--yes"], { env: identity });
  expect(result.code, result.stderr).toBe(0);
  return dir;
}

/** The `tam …` command lines of a CI file: GitHub steps' `run`, GitLab jobs' `script`. */
function tamCommands(text: string): string[] {
  const doc = parse(text) as Record<string, { steps?: { run?: string }[]; script?: string[] } & Record<string, { steps?: { run?: string }[] }>>;
  const lines = Object.values(doc.jobs ?? doc).flatMap((job) => [...(job.steps ?? []).map((s) => s.run ?? ""), ...(job.script ?? [])]);
  return lines.map((l) => l.trim()).filter((l) => l.startsWith("tam "));
}

/** Runs a simple command line (no quoting; an output redirection is dropped). */
function runLine(line: string, cwd: string) {
  const args = line
    .replace(/\s*>>?\s*\S+$/, "")
    .split(/\s+/)
    .slice(1);
  return runTam(args, { cwd });
}

describe("CI templates", () => {
  for (const [system, files] of Object.entries(TEMPLATES)) {
    it(`examples/ci has the ${system} template tam init writes`, () => {
      expect(readFileSync(join(REPO, files.example), "utf8")).toBe(readFileSync(join(REPO, files.template), "utf8").replaceAll("{{tamVersion}}", VERSION));
    });

    it(`tam init --ci ${system} writes it, and its tam commands pass on the new project`, () => {
      const dir = newProject(system);
      const text = readFileSync(join(dir, files.path), "utf8");
      // Installed from the release tag of tam's repository, never by the unpublished npm name.
      expect(text).toMatch(system === "github" ? `uses: tam-dev/tam@v${VERSION}` : `git+https://github.com/tam-dev/tam.git#v${VERSION}`);
      expect(text).not.toMatch(/tam-cli@|npx/);
      for (const other of Object.values(TEMPLATES)) if (other !== files) expect(existsSync(join(dir, other.path)), other.path).toBe(false);
      const commands = tamCommands(text);
      // GitHub: the action runs tam validate (test/install/action.test.ts runs its steps).
      if (system === "gitlab") expect(commands.some((c) => c.startsWith("tam validate --format codeclimate --output"))).toBe(true);
      expect(commands.some((c) => c.startsWith("tam docs check"))).toBe(true);
      expect(commands.some((c) => c.startsWith("tam sla report --format markdown >"))).toBe(true);
      for (const line of commands) {
        const result = runLine(line, dir);
        expect(result.code, `${line}\n${result.stderr}`).toBe(0);
      }
    });
  }

  it("the GitHub workflow annotates pull requests and writes the SLA report into the job summary", () => {
    const text = readFileSync(join(REPO, TEMPLATES.github.template), "utf8");
    const action = parse(readFileSync(join(REPO, "action.yml"), "utf8")) as { inputs: Record<string, { default: string }> };
    expect(action.inputs.format!.default).toBe("github");
    expect(text).toContain("run: tam docs check --format github");
    expect(text).toContain('run: tam sla report --format markdown >> "$GITHUB_STEP_SUMMARY"');
  });

  it("tam init --ci none writes no CI configuration", () => {
    const dir = newProject("none");
    for (const files of Object.values(TEMPLATES)) expect(existsSync(join(dir, files.path)), files.path).toBe(false);
  });

  it("the pre-commit hook runs tam validate on YAML changes", () => {
    const [hook] = parse(readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as { id: string; entry: string; language: string; pass_filenames: boolean; files: string }[];
    expect(hook).toMatchObject({ id: "tam-validate", entry: "tam validate", language: "node", pass_filenames: false });
    expect(new RegExp(hook!.files).test("changes/CHG-0001.yaml")).toBe(true);
    expect(new RegExp(hook!.files).test("README.md")).toBe(false);
    const example = parse(readFileSync(join(REPO, "examples/ci/pre-commit-config.yaml"), "utf8")) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
    expect(example.repos[0]).toEqual({ repo: "https://github.com/tam-dev/tam", rev: `v${VERSION}`, hooks: [{ id: "tam-validate" }] });
  });

  it("CI configurations use current actions and a Node.js LTS line supported today", () => {
    const files = [TEMPLATES.github.template, TEMPLATES.gitlab.template, "action.yml", "ci/gitlab/tam-validate.yml"].map((f) => readFileSync(join(REPO, f), "utf8")).join("\n");
    for (const [, action, major] of files.matchAll(/uses: (actions\/[\w-]+)@v(\d+)/g)) expect(Number(major), action).toBeGreaterThanOrEqual(5);
    for (const [, version] of files.matchAll(/node-version: "?(\d+)/g)) expect(["22", "24"]).toContain(version);
    for (const [, version] of files.matchAll(/node:(\d+)/g)) expect(["22", "24"]).toContain(version);
    expect(files).toContain("actions/setup-node@v5");
  });

  it("nothing tells anyone to run tam by its unpublished npm name", () => {
    const tracked = spawnSync("git", ["ls-files"], { cwd: REPO, encoding: "utf8" })
      .stdout.split("\n")
      .filter((f) => /\.(md|ya?ml|json|ts|mjs)$/.test(f) && !f.startsWith("test/") && f !== "package-lock.json");
    for (const file of tracked) {
      if (!existsSync(join(REPO, file))) continue;
      const text = readFileSync(join(REPO, file), "utf8");
      expect(text, file).not.toMatch(/npx (--yes |-y )?tam-cli/);
    }
  });
});
