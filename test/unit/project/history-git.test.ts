// The history reader and the freshness domain together, in-process, on git histories built here
// with dated commits (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE): what a commit did to a component is
// judged by meaning, and every reason names its commit.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessProjectFreshness } from "../../../src/app/freshness-facts.js";
import { clockFor } from "../../../src/app/context.js";
import type { DocFreshness } from "../../../src/domain/freshness/types.js";
import { loadProject } from "../../../src/project/load.js";
import { copyProject, FIXTURES, git, initRepo } from "../../helpers/run.js";

const at = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });

/** The docs-basic fixture (fw-before and vlan-doc reviewed 2026-02-01, fw-after 2026-04-01) plus web-doc covering web-os. */
function repo(firstCommit = "2026-01-10"): { dir: string; commit(message: string, date: string): string; edit(from: string, to: string): void } {
  const dir = copyProject(join(FIXTURES, "docs-basic"));
  appendFileSync(
    join(dir, "docs.yaml"),
    "\n  - id: web-doc\n    title: Web OS\n    location: https://wiki.example/web\n    owner: unix\n    covers: [web-os]\n    last_review: { date: 2026-02-01 }\n",
  );
  initRepo(dir);
  const commit = (message: string, date: string) => {
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", message], at(date));
    return git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
  };
  const edit = (from: string, to: string) => {
    const text = readFileSync(join(dir, "architecture.yaml"), "utf8");
    if (!text.includes(from)) throw new Error(`${JSON.stringify(from)} not in architecture.yaml`);
    writeFileSync(join(dir, "architecture.yaml"), text.replace(from, to));
  };
  commit("Initial project", firstCommit);
  return { dir, commit, edit };
}

async function check(dir: string, asOf = "2026-04-10"): Promise<{ docs: Record<string, DocFreshness>; warnings: string[]; gitProcesses: number }> {
  const project = loadProject(dir);
  const facts = await assessProjectFreshness(project, clockFor(project, asOf));
  return { docs: Object.fromEntries(facts.report.docs.map((doc) => [doc.id, doc])), warnings: facts.warnings, gitProcesses: facts.gitProcesses };
}

const codes = (doc: DocFreshness | undefined) => doc!.reasons.map((reason) => `${reason.code}${reason.commit ? ` ${reason.commit.short}` : ""}`);

const FW_BLOCK = "  - id: fw\n    name: Core firewall pair\n    kind: firewall\n    instances: 2\n    criticality: critical\n\n";
const DNS_BLOCK = "\n  - id: dns\n    name: Internal DNS\n    kind: dns\n    criticality: low\n";

describe("docs freshness on dated git histories", () => {
  it("a commit that only deletes a line of a covered component makes the doc stale, naming it", async () => {
    const { dir, commit, edit } = repo();
    edit("    instances: 2\n", "");
    const hash = commit("Single firewall", "2026-03-01");
    const { docs } = await check(dir);
    expect(docs["fw-before"]!.state).toBe("stale");
    expect(codes(docs["fw-before"])).toEqual([`component-changed ${hash}`]);
    expect(docs["fw-before"]!.reasons[0]!.message).toBe(`fw changed after the review by commit ${hash} 2026-03-01 Test Author "Single firewall"`);
    expect(docs["fw-after"]!.state).toBe("fresh");
    expect(docs["vlan-doc"]!.state).toBe("fresh");
  });

  it("a removed component makes the docs covering it broken, naming the commit", async () => {
    const { dir, commit, edit } = repo();
    edit(DNS_BLOCK, "\n");
    edit("  - id: vlan\n    name: Internal VLAN\n    kind: vlan\n    depends_on: [fw]\n    criticality: high\n\n", "");
    edit("depends_on: [vlan]", "depends_on: [fw]");
    const hash = commit("Flatten the network", "2026-03-01");
    const { docs } = await check(dir);
    expect(docs["vlan-doc"]!.state).toBe("broken");
    expect(codes(docs["vlan-doc"])).toEqual([`component-removed ${hash}`]);
    expect(docs["web-doc"]!.state).toBe("stale");
    expect(codes(docs["web-doc"])).toEqual([`component-changed ${hash}`]);
  });

  it("a rename makes the doc naming the old id broken with the new id; references that follow it change nothing", async () => {
    const { dir, commit, edit } = repo();
    edit("id: vlan\n", "id: vlan-int\n");
    edit("depends_on: [vlan]", "depends_on: [vlan-int]");
    const hash = commit("Rename the VLAN", "2026-03-01");
    const { docs } = await check(dir);
    expect(docs["vlan-doc"]).toMatchObject({ state: "broken", reasons: [{ code: "component-renamed", renamedTo: "vlan-int", commit: { short: hash } }] });
    expect(docs["vlan-doc"]!.reasons[0]!.message).toContain(`vlan was renamed to vlan-int by commit ${hash} 2026-03-01`);
    expect(docs["web-doc"]!.state).toBe("fresh");
  });

  it("swapped keys, a moved block and whitespace-only reformatting are no change", async () => {
    const { dir, commit, edit } = repo();
    edit(DNS_BLOCK, "\n");
    edit(FW_BLOCK, `${DNS_BLOCK.slice(1)}\n${FW_BLOCK}`);
    commit("DNS first", "2026-03-01");
    edit("    instances: 2\n    criticality: critical\n", "    criticality: critical\n    instances: 2\n");
    commit("Reorder keys", "2026-03-02");
    const text = readFileSync(join(dir, "architecture.yaml"), "utf8");
    writeFileSync(join(dir, "architecture.yaml"), `# Reindented\n${text.replace(/^( +)/gm, "$1$1").replace(/\n\n/g, "\n\n\n").replace("depends_on: [fw]", "depends_on:\n        - fw")}`);
    commit("Reindent", "2026-03-03");
    const { docs } = await check(dir);
    for (const id of ["fw-before", "fw-after", "vlan-doc", "web-doc"]) expect(docs[id], id).toMatchObject({ state: "fresh", reasons: [] });
  });

  it("the commit that adds architecture.yaml (adopting an existing project) is no change, whatever its date", async () => {
    const { dir } = repo("2026-11-20");
    const { docs } = await check(dir, "2026-11-20");
    expect(Object.values(docs).filter((doc) => doc.reasons.some((reason) => reason.commit))).toEqual([]);
  });

  it("--as-of in the past sees a change to a line that was edited again later", async () => {
    const { dir, commit, edit } = repo();
    edit("instances: 2", "instances: 3");
    const first = commit("Three nodes", "2026-03-01");
    edit("instances: 3", "instances: 4");
    const second = commit("Four nodes", "2026-05-01");
    expect(codes((await check(dir, "2026-04-10")).docs["fw-before"])).toEqual([`component-changed ${first}`]);
    expect(codes((await check(dir, "2026-06-01")).docs["fw-before"])).toEqual([`component-changed ${first}`, `component-changed ${second}`]);
    expect(codes((await check(dir, "2026-06-01")).docs["fw-after"])).toEqual([`component-changed ${second}`]);
  });

  it("follows a moved project folder back to the commits made before the move", async () => {
    const { dir, commit, edit } = repo();
    edit("instances: 2", "instances: 3");
    const hash = commit("Three nodes", "2026-03-01");
    mkdirSync(join(dir, "client"));
    for (const name of ["architecture.yaml", "departments.yaml", "docs.yaml", "tam.yaml", "docs"]) renameSync(join(dir, name), join(dir, "client", name));
    commit("Move the project into client/", "2026-03-05");
    const { docs } = await check(join(dir, "client"));
    expect(codes(docs["fw-before"])).toEqual([`component-changed ${hash}`]);
    expect(docs["vlan-doc"]!.state).toBe("fresh");
  });

  it("a commit marked as the docs baseline and its ancestors are no change", async () => {
    const { dir, commit, edit } = repo();
    edit("instances: 2", "instances: 3");
    commit("Imported history", "2026-03-01");
    const baseline = git(dir, ["rev-parse", "HEAD"]).trim();
    appendFileSync(join(dir, "tam.yaml"), `  baseline: { commit: ${baseline} }\n`);
    commit("docs: baseline", "2026-03-02");
    edit("name: Internal VLAN", "name: Internal VLAN 10");
    const after = commit("Rename VLAN", "2026-03-03");
    const { docs, warnings } = await check(dir);
    expect(warnings).toEqual([]);
    expect(docs["fw-before"]!.state).toBe("fresh");
    expect(codes(docs["vlan-doc"])).toEqual([`component-changed ${after}`]);
  });

  it("a baseline this repository does not know, or that names no commit, is left out with a note: the commits after it still count", async () => {
    for (const unknown of [(_dir: string) => "0123456789abcdef0123456789abcdef01234567", (dir: string) => git(dir, ["rev-parse", "HEAD:tam.yaml"]).trim()]) {
      const { dir, commit, edit } = repo();
      const baseline = unknown(dir);
      appendFileSync(join(dir, "tam.yaml"), `  baseline: { commit: ${baseline} }\n`);
      commit("docs: baseline", "2026-01-11");
      edit("instances: 2", "instances: 3");
      const hash = commit("Three nodes", "2026-03-01");
      const { docs, warnings, gitProcesses } = await check(dir);
      expect(warnings).toEqual([`the docs baseline ${baseline} of tam.yaml is not a commit of this repository: it is ignored`]);
      expect(codes(docs["fw-before"])).toEqual([`component-changed ${hash}`]);
      expect(gitProcesses).toBe(3);
    }
  });

  it("a shallow clone has no history, and says so", async () => {
    const { dir, commit, edit } = repo();
    edit("instances: 2", "instances: 3");
    commit("Three nodes", "2026-03-01");
    const clone = join(mkdtempSync(join(tmpdir(), "tam-shallow-")), "clone");
    git(tmpdir(), ["clone", "-q", "--depth", "1", `file://${dir}`, clone]);
    const { docs, warnings } = await check(clone);
    expect(docs["fw-before"]!.state).toBe("fresh");
    expect(warnings).toEqual(["no git history (shallow clone (fetch the full history: git fetch --unshallow)): staleness comes from review intervals and change records only"]);
  });

  it("starts three git processes, and judges the day of a commit in the project's zone", async () => {
    const { dir, commit, edit } = repo();
    writeFileSync(join(dir, "tam.yaml"), readFileSync(join(dir, "tam.yaml"), "utf8").replace("timezone: UTC", "timezone: Asia/Tokyo"));
    commit("Tokyo", "2026-01-11");
    edit("instances: 2", "instances: 3");
    // 2026-02-01 20:00 UTC is 2026-02-02 in Tokyo: after the review of 2026-02-01.
    git(dir, ["commit", "-q", "-am", "Late edit"], { GIT_AUTHOR_DATE: "2026-02-01T20:00:00+00:00", GIT_COMMITTER_DATE: "2026-02-01T20:00:00+00:00" });
    const { docs, gitProcesses } = await check(dir);
    expect(docs["fw-before"]!.reasons[0]!.commit).toMatchObject({ date: "2026-02-02", subject: "Late edit" });
    expect(gitProcesses).toBe(3);
  });

  it("starts no cat-file when no commit in range changed architecture.yaml and the working file is HEAD's", async () => {
    const { dir } = repo();
    const { docs, gitProcesses } = await check(dir);
    expect(gitProcesses).toBe(2);
    expect(docs["fw-before"]!.state).toBe("fresh");
    expect(docs["fw-before"]!.reasons).toEqual([]);
  });

  it("still reads HEAD's architecture.yaml when the working file differs from it, and names the uncommitted edit", async () => {
    const { dir, edit } = repo();
    edit("instances: 2", "instances: 3");
    const { docs, gitProcesses } = await check(dir);
    expect(gitProcesses).toBe(3);
    expect(docs["fw-before"]!.reasons.map((reason) => reason.code)).toEqual(["uncommitted-edits"]);
  });
});
