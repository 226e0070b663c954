// tam docs baseline and tam docs review --edit-was-review, run in-process on dated git histories.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDocsBaseline } from "../../../src/commands/docs-baseline.js";
import { runDocsReview } from "../../../src/commands/docs-review.js";
import { clockFor } from "../../../src/app/context.js";
import type { Output } from "../../../src/commands/context.js";
import { assessProjectFreshness } from "../../../src/app/freshness-facts.js";
import { loadProject } from "../../../src/project/load.js";
import { copyProject, FIXTURES, git, initRepo } from "../../helpers/run.js";

const at = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });

function sink(): Output & { text: string } {
  const out = { text: "", out: (t: string) => void (out.text += `${t}\n`), err: (t: string) => void (out.text += `${t}\n`) };
  return out;
}

function repo(): { dir: string; commit(message: string, date: string): string; replace(file: string, from: string, to: string): void } {
  const dir = copyProject(join(FIXTURES, "docs-basic"));
  initRepo(dir);
  const commit = (message: string, date: string) => {
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", message], at(date));
    return git(dir, ["rev-parse", "HEAD"]).trim();
  };
  const replace = (file: string, from: string, to: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), "utf8").replace(from, to));
  commit("Initial project", "2026-01-10");
  return { dir, commit, replace };
}

async function states(dir: string, asOf = "2026-04-10"): Promise<Record<string, string>> {
  const project = loadProject(dir);
  const { report } = await assessProjectFreshness(project, clockFor(project, asOf));
  return Object.fromEntries(report.docs.map((doc) => [doc.id, doc.state]));
}

describe("tam docs baseline", () => {
  it("records HEAD in tam.yaml (keeping its comments) and commits it; older changes no longer make docs stale", async () => {
    const { dir, commit, replace } = repo();
    replace("architecture.yaml", "instances: 2", "instances: 4");
    const imported = commit("Imported history", "2026-03-01");
    expect((await states(dir))["fw-before"]).toBe("stale");
    const before = readFileSync(join(dir, "tam.yaml"), "utf8");
    const output = sink();
    expect(await runDocsBaseline({ project: dir }, undefined, { commit: true, by: "Irina Petrova", asOf: "2026-04-10" }, output)).toBe(0);
    expect(output.text).toMatch(new RegExp(`^Recorded the docs baseline ${imported.slice(0, 7)} in tam.yaml: .* \\(commit [0-9a-f]{7}\\)\\.\\n$`));
    expect(readFileSync(join(dir, "tam.yaml"), "utf8")).toBe(
      before.replace("  warn_within: 14d\n", `  warn_within: 14d\n  baseline:\n    commit: ${imported}\n    date: 2026-04-10\n    by: Irina Petrova\n`),
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect((await states(dir))["fw-before"]).toBe("fresh");
  });

  it("appends a docs block to a tam.yaml without one, and refuses a name that is no commit", async () => {
    const { dir, commit } = repo();
    writeFileSync(join(dir, "tam.yaml"), readFileSync(join(dir, "tam.yaml"), "utf8").replace(/docs:\n[\s\S]*$/, ""));
    commit("No docs settings", "2026-01-11");
    await expect(runDocsBaseline({ project: dir }, "no-such-rev", { commit: false }, sink())).rejects.toThrow("no-such-rev names no commit");
    expect(await runDocsBaseline({ project: dir }, "HEAD~1", { commit: false, by: "X", asOf: "2026-04-10" }, sink())).toBe(0);
    expect(readFileSync(join(dir, "tam.yaml"), "utf8")).toMatch(/\ndocs:\n {2}baseline:\n {4}commit: [0-9a-f]{40}\n {4}date: 2026-04-10\n {4}by: X\n$/);
  });
});

describe("tam docs review --edit-was-review", () => {
  it("takes the date, author and hash of the last commit that edited the doc's file", async () => {
    const { dir, commit, replace } = repo();
    replace("docs/firewall.md", "How the firewall pair is run.", "How the firewall pair of four is run.");
    const edit = commit("Runbook: four nodes", "2026-03-05");
    expect(await loadAndNote(dir)).toContain("tam docs review fw-before --edit-was-review");
    const output = sink();
    expect(await runDocsReview({ project: dir }, "fw-before", { commit: false, editWasReview: true, asOf: "2026-04-10" }, output)).toBe(0);
    expect(output.text).toBe("Recorded the review of fw-before on 2026-03-05 by Test Author in docs.yaml (not committed).\n");
    expect(readFileSync(join(dir, "docs.yaml"), "utf8")).toContain(
      `    last_review:\n      date: 2026-03-05\n      by: Test Author\n      note: 'the edit in commit ${edit.slice(0, 7)} "Runbook: four nodes" was the review'\n`,
    );
    expect(await loadAndNote(dir)).toBe("");
    await expect(runDocsReview({ project: dir }, "fw-after", { commit: false, editWasReview: true }, sink())).rejects.toThrow("fw-after is not a file of the project");
  });
});

async function loadAndNote(dir: string): Promise<string> {
  const project = loadProject(dir);
  const { report } = await assessProjectFreshness(project, clockFor(project, "2026-04-10"));
  return report.docs
    .find((doc) => doc.id === "fw-before")!
    .reasons.filter((reason) => reason.code === "file-changed")
    .map((reason) => reason.message)
    .join("\n");
}

describe("tam init --adopt", () => {
  const identity = { GIT_AUTHOR_NAME: "Test Author", GIT_AUTHOR_EMAIL: "a@example.com", GIT_COMMITTER_NAME: "Test Author", GIT_COMMITTER_EMAIL: "a@example.com" };

  it("commits a project folder that has no repository: day one has no stale docs from history", async () => {
    Object.assign(process.env, identity);
    const { runInitAdopt } = await import("../../../src/commands/init-adopt.js");
    const dir = copyProject(join(FIXTURES, "docs-basic"));
    const output = sink();
    expect(await runInitAdopt({}, dir, output)).toBe(0);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const project = loadProject(dir);
    const { report } = await assessProjectFreshness(project, clockFor(project, "2026-12-31"));
    expect(report.docs.flatMap((doc) => doc.reasons.filter((reason) => reason.commit))).toEqual([]);
    expect(report.counts.stale + report.counts.broken).toBe(0);
  });

  it("records the docs baseline at HEAD in a repository whose history already holds the project", async () => {
    Object.assign(process.env, identity);
    const { runInitAdopt } = await import("../../../src/commands/init-adopt.js");
    const { dir, commit, replace } = repo();
    replace("architecture.yaml", "instances: 2", "instances: 4");
    const head = commit("Four nodes", "2026-03-01");
    expect((await states(dir, "2026-12-31"))["fw-before"]).toBe("stale");
    expect(await runInitAdopt({}, dir, sink())).toBe(0);
    expect(readFileSync(join(dir, "tam.yaml"), "utf8")).toContain(`  baseline:\n    commit: ${head}\n`);
    expect((await states(dir, "2026-12-31"))["fw-before"]).toBe("fresh");
  });
});
