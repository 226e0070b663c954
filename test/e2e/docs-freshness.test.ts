// tam docs check / review in a throwaway git repository whose commits are dated in the past.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyProject, FIXTURES, git, initRepo, runTam } from "../helpers/run.js";

const at = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });

function commitAll(dir: string, message: string, date: string): string {
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", message], at(date));
  return git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
}

function edit(dir: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(dir, file), "utf8");
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(join(dir, file), text.replace(from, to));
}

interface JsonDoc {
  id: string;
  state: string;
  reasons: { code: string; severity: string; message: string; commit?: { short: string; subject: string; date: string; author: string } }[];
}

function check(dir: string, ...args: string[]): { code: number; docs: Record<string, JsonDoc>; json: Record<string, unknown>; stderr: string } {
  const result = runTam(["docs", "check", "-C", dir, "--as-of", "2026-04-10", "--format", "json", ...args]);
  const json = JSON.parse(result.stdout) as { docs: JsonDoc[] };
  return { code: result.code, docs: Object.fromEntries(json.docs.map((doc) => [doc.id, doc])), json, stderr: result.stderr };
}

describe("tam docs check in a repository with history", () => {
  let dir: string;
  let fwCommit: string;
  beforeAll(() => {
    dir = copyProject(join(FIXTURES, "docs-basic"));
    initRepo(dir);
    commitAll(dir, "Initial project", "2026-01-10");
    edit(dir, "architecture.yaml", "instances: 2", "instances: 4");
    fwCommit = commitAll(dir, "Scale the firewall pair to four nodes", "2026-03-01");
  });

  it("makes a doc reviewed before a commit to a covered component stale, naming the commit", () => {
    const { code, docs } = check(dir);
    expect(code).toBe(1);
    expect(docs["fw-before"]!.state).toBe("stale");
    expect(docs["fw-before"]!.reasons).toEqual([
      expect.objectContaining({
        code: "component-changed",
        commit: expect.objectContaining({ short: fwCommit, date: "2026-03-01", author: "Test Author", subject: "Scale the firewall pair to four nodes" }),
      }),
    ]);
    expect(docs["fw-after"]!.state).toBe("fresh");
    expect(docs["vlan-doc"]!.state).toBe("fresh");
  });

  it("names the commit in the table too", () => {
    const result = runTam(["docs", "check", "-C", dir, "--as-of", "2026-04-10"]);
    expect(result.code).toBe(1);
    // Long reasons wrap inside their cell: read the table as running text.
    const text = result.stdout.replace(/[│\s]+/g, " ");
    expect(text).toContain(`fw changed after the review by commit ${fwCommit} 2026-03-01 Test Author "Scale the firewall pair to four nodes"`);
    expect(result.stdout).toMatch(/3 docs as of 2026-04-10: 2 fresh, 0 due, 1 stale, 0 broken/);
    expect(result.stderr).toBe("");
  });

  it("ignores edits of components the docs do not cover, and commits after --as-of", () => {
    const before = check(dir).docs;
    edit(dir, "architecture.yaml", "name: Internal DNS", "name: Internal DNS (two resolvers)");
    commitAll(dir, "Second DNS resolver", "2026-03-15");
    expect(check(dir).docs).toEqual(before);
    edit(dir, "architecture.yaml", "name: Internal VLAN", "name: Internal VLAN 10");
    commitAll(dir, "Rename VLAN", "2026-05-01");
    expect(check(dir).docs).toEqual(before);
    expect(check(dir, "--as-of", "2026-05-02").docs["vlan-doc"]!.state).toBe("stale");
  });

  it("notes a doc file committed after its review, without making it stale", () => {
    edit(dir, "docs/firewall.md", "How the firewall pair is run.", "How the firewall pair of four is run.");
    const hash = commitAll(dir, "Runbook: four nodes", "2026-03-05");
    const doc = check(dir).docs["fw-before"]!;
    expect(doc.reasons.find((reason) => reason.code === "file-changed")).toMatchObject({ severity: "note", commit: { short: hash, subject: "Runbook: four nodes" } });
  });

  it("treats uncommitted edits of a covered component as a note until they are committed", () => {
    edit(dir, "architecture.yaml", "name: Core firewall pair", "name: Core firewall cluster");
    const { docs } = check(dir, "--as-of", "2026-12-01");
    expect(docs["fw-after"]!.reasons.map((reason) => reason.code)).toContain("uncommitted-edits");
    git(dir, ["checkout", "--", "architecture.yaml"]);
  });

  it("tam docs review makes the stale doc fresh, editing only its last_review and committing only docs.yaml", () => {
    const original = readFileSync(join(dir, "docs.yaml"), "utf8");
    const review = runTam(["docs", "review", "fw-before", "-C", dir, "--as-of", "2026-04-10", "--by", "Oleg Network", "--note", "Four nodes: rules re-checked"]);
    expect(review.stderr).toBe("");
    expect(review.code).toBe(0);
    const hash = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    expect(review.stdout).toBe(`Recorded the review of fw-before on 2026-04-10 by Oleg Network in docs.yaml; committed ${hash}.\n`);
    const expected = original.replace(
      "      date: 2026-02-01\n      by: Oleg Network\n      note: Rules for the DMZ.\n",
      '      date: 2026-04-10\n      by: Oleg Network\n      note: "Four nodes: rules re-checked"\n',
    );
    expect(expected).not.toBe(original);
    expect(readFileSync(join(dir, "docs.yaml"), "utf8")).toBe(expected);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["docs: review fw-before (2026-04-10, Oleg Network)", "", "docs.yaml"]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const { code, docs } = check(dir);
    expect(docs["fw-before"]!.state).toBe("fresh");
    expect(code).toBe(0);
  });
});

describe("tam docs review", () => {
  it("adds last_review to a doc without one, defaults --by to git user.name, and can skip the commit", () => {
    const dir = copyProject(join(FIXTURES, "docs-basic"));
    initRepo(dir);
    commitAll(dir, "Initial project", "2026-01-10");
    edit(dir, "docs.yaml", "    last_review: { date: 2026-04-01, by: Irina Petrova }\n", "");
    commitAll(dir, "Drop the review", "2026-01-11");
    const result = runTam(["docs", "review", "fw-after", "-C", dir, "--date", "2026-04-02", "--as-of", "2026-04-10", "--no-commit"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Recorded the review of fw-after on 2026-04-02 by Test Author in docs.yaml (not committed).\n");
    expect(readFileSync(join(dir, "docs.yaml"), "utf8")).toContain("    covers: [fw]\n    last_review:\n      date: 2026-04-02\n      by: Test Author\n\n  - id: vlan-doc");
    expect(git(dir, ["status", "--porcelain"])).toBe(" M docs.yaml\n");
  });

  it("refuses an unknown doc with a suggestion, and a date after today", () => {
    const dir = copyProject(join(FIXTURES, "docs-basic"));
    const unknown = runTam(["docs", "review", "fw-befor", "-C", dir, "--by", "X", "--no-commit"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no document "fw-befor" in docs.yaml: did you mean "fw-before"/);
    const future = runTam(["docs", "review", "fw-before", "-C", dir, "--by", "X", "--date", "2026-05-01", "--as-of", "2026-04-10", "--no-commit"]);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("after today (2026-04-10)");
  });
});
