// The GitHub Action (action.yml): its `run` steps executed in a shell the way the runner does
// (bash -e, inputs through `env`, GITHUB_PATH read between steps), from a release checkout of
// the action, on a client repository whose project is in a subfolder.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO } from "../helpers/run.js";
import { clientRepository, ok, RELEASE_TAG, run, scratch, standInRepository, type Ran } from "./stand-in.js";

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(REPO, "action.yml"), "utf8")) as Action;

/** ${{ inputs.x }} and ${{ github.action_path }}: the only expressions the run steps' env use. */
function expand(text: string, inputs: Record<string, string>, actionPath: string): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    if (expression === "github.action_path") return actionPath;
    const input = expression.startsWith("inputs.") ? expression.slice("inputs.".length) : undefined;
    if (input === undefined || !(input in action.inputs)) throw new Error(`unexpected expression in a run step: ${expression}`);
    return inputs[input] ?? action.inputs[input]!.default;
  });
}

/** Runs the action's run steps in order; stops at the first failing one, as the runner does. */
function runAction(actionPath: string, workspace: string, inputs: Record<string, string>): Ran[] {
  // setup-node's global npm folder, whose bin is on the runner's PATH.
  const prefix = scratch("setup-node");
  const githubPath = join(scratch("github-path"), "path");
  writeFileSync(githubPath, "");
  const results: Ran[] = [];
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    expect(step.shell).toBe("bash");
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, inputs, actionPath)]));
    const extraPath = readFileSync(githubPath, "utf8").split("\n").filter(Boolean).reverse();
    const result = run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], workspace, {
      ...env,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_PATH: githubPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTIONS: "true",
      npm_config_prefix: prefix,
      PATH: [...extraPath, join(prefix, "bin"), process.env.PATH].join(":"),
    });
    results.push(result);
    if (result.code !== 0) break;
  }
  return results;
}

let actionPath: string;
beforeAll(() => {
  // `uses: <org>/tam@v0.1.0` checks out the release commit into the action's path.
  const { dir } = standInRepository();
  actionPath = join(scratch("action"), "tam");
  ok(run("git", ["clone", "-q", "--branch", RELEASE_TAG, dir, actionPath], REPO), "git clone");
});

describe("GitHub Action", () => {
  it("is a composite action: sets up Node, installs tam from its own checkout, validates, uploads SARIF when asked", () => {
    expect(action.runs.using).toBe("composite");
    const [setup, install, validate, upload] = action.runs.steps;
    expect(setup!.uses).toMatch(/^actions\/setup-node@v\d+$/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax, not a template
    expect(install!.env?.TAM_HOME).toBe("${{ github.action_path }}");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's array expansion, not a template
    expect(validate!.run).toContain('tam "${args[@]}"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax, not a template
    expect(upload).toMatchObject({ uses: expect.stringMatching(/^github\/codeql-action\/upload-sarif@v\d+$/), if: "${{ !cancelled() && inputs.sarif != '' }}" });
    expect(Object.keys(action.inputs).sort()).toEqual(["fail-on", "format", "node-version", "project", "sarif"]);
  });

  it("annotates the project's findings by repository-relative path and writes SARIF; fail-on decides the step", () => {
    const workspace = clientRepository();
    const results = runAction(actionPath, workspace, { project: "clients/acme", sarif: "tam.sarif" });
    expect(results).toHaveLength(2);
    const [install, validate] = results;
    expect(install!.code, install!.stderr).toBe(0);
    expect(validate!.code, validate!.stderr).toBe(0);
    expect(validate!.stdout).toMatch(/^::warning file=clients\/acme\/changes\/CHG-0004\.yaml,line=\d+/m);
    const sarif = JSON.parse(readFileSync(join(workspace, "tam.sarif"), "utf8"));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("clients/acme/changes/CHG-0004.yaml");

    // The same checkout again (npm ci is idempotent), stricter: the warning fails the step.
    const strict = runAction(actionPath, workspace, { project: "clients/acme", "fail-on": "warning" });
    expect(strict[1]!.code).toBe(1);
  });

  it("fails the step, naming the folder, when the project input is wrong", () => {
    const workspace = clientRepository();
    appendFileSync(join(workspace, "README.md"), "not a project\n");
    const results = runAction(actionPath, workspace, { project: "clients/missing" });
    expect(results[1]!.code).toBe(2);
    expect(results[1]!.stderr).toContain("project folder not found: clients/missing");
    expect(existsSync(join(workspace, "tam.sarif"))).toBe(false);
  });
});
