// The include-able GitLab template (ci/gitlab/tam-validate.yml): its spec inputs substituted as
// GitLab does ($[[ inputs.x ]]), the job's variables exported, its script run in a shell, with
// tam installed from a stand-in of tam's repository instead of the network.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { REPO } from "../helpers/run.js";
import { clientRepository, RELEASE_TAG, run, scratch, standInRepository } from "./stand-in.js";

interface Spec {
  spec: { inputs: Record<string, { default: string; options?: string[] }> };
}
interface Job {
  variables: Record<string, string>;
  script: string[];
  artifacts: { reports: Record<string, string> };
}

const [header, body] = parseAllDocuments(readFileSync(join(REPO, "ci/gitlab/tam-validate.yml"), "utf8")).map((doc) => doc.toJS());
const inputs = (header as Spec).spec.inputs;

function job(given: Record<string, string>): Job {
  const text = JSON.stringify((body as Record<string, Job>)["tam-validate"]).replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_, name: string) => {
    if (!(name in inputs)) throw new Error(`unknown input ${name}`);
    const value = given[name] ?? inputs[name]!.default;
    if (inputs[name]!.options) expect(inputs[name]!.options).toContain(value);
    return value;
  });
  return JSON.parse(text) as Job;
}

describe("GitLab CI template", () => {
  it("installs tam, writes the Code Quality and JUnit reports with repository paths, and fails on the chosen severity", () => {
    const { url } = standInRepository();
    const workspace = clientRepository();
    const prefix = scratch("gitlab-global");
    const runJob = (given: Record<string, string>) => {
      const spec = job({ "tam-source": `${url}#${RELEASE_TAG}`, project: "clients/acme", ...given });
      return run("bash", ["--noprofile", "--norc", "-e", "-c", spec.script.join("\n")], workspace, {
        ...spec.variables,
        npm_config_prefix: prefix,
        PATH: `${join(prefix, "bin")}:${process.env.PATH}`,
      });
    };
    const spec = job({});
    expect(spec.artifacts.reports).toEqual({ codequality: "gl-code-quality-report.json", junit: "tam-validate.xml" });

    const passed = runJob({});
    expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    // The example's warnings: its missing rollback, and the post-incident reviews and actions due by now.
    expect(passed.stdout).toMatch(/\b0 errors, \d+ warnings\b/);
    const quality = JSON.parse(readFileSync(join(workspace, "gl-code-quality-report.json"), "utf8"));
    expect(quality[0]).toMatchObject({ check_name: "missing-rollback", severity: "minor", location: { path: "clients/acme/changes/CHG-0004.yaml" } });
    expect(readFileSync(join(workspace, "tam-validate.xml"), "utf8")).toContain('<testsuite name="clients/acme/changes/CHG-0004.yaml"');

    expect(runJob({ "fail-on": "warning" }).code).toBe(1);
  });
});
