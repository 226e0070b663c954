// The CI configurations tam init writes (and the copies in examples/ci) run commands that exist,
// with options that exist, and pass on a fresh project.
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
  const args = line.replace(/\s*>>?\s*\S+$/, "").split(/\s+/).slice(1);
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
      expect(text).toContain(`tam-cli@${VERSION}`);
      for (const other of Object.values(TEMPLATES)) if (other !== files) expect(existsSync(join(dir, other.path)), other.path).toBe(false);
      const commands = tamCommands(text);
      expect(commands.some((c) => c.startsWith("tam validate --format"))).toBe(true);
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
    expect(text).toContain("run: tam validate --format github");
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
    expect(readFileSync(join(REPO, "examples/ci/pre-commit-config.yaml"), "utf8")).toContain("id: tam-validate");
  });
});
