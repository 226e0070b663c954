// The findings memo (src/project/findings-memo.ts): projectIssues answers from it only for the very
// files it was computed from, and the answer is the one the checks give.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";
import { projectIssues } from "../../../src/project/check.js";
import { findingsMemo, MAX_TEXT, useFindingsMemo } from "../../../src/project/findings-memo.js";
import { loadProject } from "../../../src/project/load.js";
import { copyProject, FIXTURES } from "../../helpers/run.js";

const newFolder = () => join(mkdtempSync(join(tmpdir(), "tam-findings-memo-")), "tam");
const memoFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith("tam-findings-")) : []);

/**
 * projectIssues of the project in `dir` as read now, with the memo of `folder` and `build`, and how
 * many times the checks ran (projectIssues hands the memo the checks to run on a miss).
 */
function withMemo(dir: string, folder: string, build = "b1") {
  const memo = findingsMemo(folder, build);
  let checks = 0;
  useFindingsMemo({
    findings: (project, compute) =>
      memo.findings(project, (read) => {
        checks++;
        return compute(read);
      }),
  });
  try {
    const issues = projectIssues(loadProject(dir));
    return { issues, checks };
  } finally {
    useFindingsMemo(undefined);
  }
}

const fresh = (dir: string) => projectIssues(loadProject(dir));

afterEach(() => useFindingsMemo(undefined));

function fixtureProjects(): string[] {
  const bad = join(FIXTURES, "bad");
  const good = readdirSync(FIXTURES)
    .filter((name) => name !== "bad")
    .map((name) => join(FIXTURES, name));
  const bads = readdirSync(bad).map((name) => join(bad, name));
  return [...good, ...bads].filter((dir) => statSync(dir).isDirectory());
}

describe("findings memo", () => {
  it("answers every fixture, good and bad, as the checks do: filled on the first run, from the memo on the second", () => {
    const folder = newFolder();
    let answered = 0;
    for (const dir of fixtureProjects()) {
      let expected: ReturnType<typeof fresh>;
      try {
        expected = fresh(dir);
      } catch {
        continue; // not a project tam reads (no tam.yaml …): projectIssues is never reached
      }
      const first = withMemo(dir, folder);
      const second = withMemo(dir, folder);
      expect(first.issues, dir).toEqual(expected);
      expect(second.issues, dir).toEqual(expected);
      expect(JSON.stringify(second.issues), dir).toBe(JSON.stringify(expected));
      expect(first.checks, dir).toBe(1);
      expect(second.checks, dir).toBe(0);
      answered++;
    }
    expect(answered).toBeGreaterThan(50);
  });

  it("gives the fresh answer after one character of any file changes", () => {
    const dir = copyProject(join(FIXTURES, "minimal"));
    const folder = newFolder();
    const original = fresh(dir);
    for (const file of loadProject(dir).files) {
      withMemo(dir, folder);
      const path = join(dir, file.rel);
      const text = readFileSync(path, "utf8");
      // The first `:` outside a comment made `;`: a key becomes text, which the checks notice.
      writeFileSync(path, text.replace(/^([^#\n]*?):/m, "$1;"));
      const expected = fresh(dir);
      expect(expected, file.rel).not.toEqual(original);
      expect(withMemo(dir, folder).issues, file.rel).toEqual(expected);
      writeFileSync(path, text);
      expect(withMemo(dir, folder).issues, file.rel).toEqual(original);
    }
  });

  it("gives the fresh answer after a file is renamed, added or removed", () => {
    const dir = copyProject(join(FIXTURES, "minimal"));
    const folder = newFolder();
    const change = join(dir, "changes/CHG-0001.yaml");
    // A finding in the change file: a rename moves it.
    writeFileSync(change, `${readFileSync(change, "utf8")}unknown_field: 1\n`);
    const steps: [string, () => void][] = [
      ["rename", () => renameSync(change, join(dir, "changes/CHG-0001b.yaml"))],
      ["add", () => writeFileSync(change, readFileSync(join(dir, "changes/CHG-0001b.yaml")))],
      ["remove", () => rmSync(join(dir, "changes/CHG-0001b.yaml"))],
      ["remove the last", () => rmSync(change)],
    ];
    for (const [name, step] of steps) {
      const before = withMemo(dir, folder).issues;
      step();
      const expected = fresh(dir);
      expect(expected, name).not.toEqual(before);
      expect(withMemo(dir, folder).issues, name).toEqual(expected);
    }
  });

  it("gives the fresh answer when a read problem appears while the files read are the same", () => {
    const dir = copyProject(join(FIXTURES, "minimal"));
    const folder = newFolder();
    const before = withMemo(dir, folder).issues;
    // A folder where a change file would be: the same files are read, with one read problem more.
    mkdirSync(join(dir, "changes/CHG-0009.yaml"));
    expect(loadProject(dir).files.map((file) => file.rel)).toEqual(loadProject(join(FIXTURES, "minimal")).files.map((file) => file.rel));
    const expected = fresh(dir);
    expect(expected).not.toEqual(before);
    expect(expected.some((issue) => issue.code === "not-a-file")).toBe(true);
    expect(withMemo(dir, folder).issues).toEqual(expected);
  });

  it("is read only by the build that wrote it", () => {
    const dir = copyProject(join(FIXTURES, "minimal"));
    const folder = newFolder();
    const expected = withMemo(dir, folder, "b1").issues;
    const [name] = memoFiles(folder);
    const file = join(folder, name!);
    // The kept answer replaced by another: the build that wrote the file takes it, another does not.
    const lines = readFileSync(file, "utf8").split("\n");
    const planted = [{ severity: "warning", code: "planted", message: "from the memo", file: "tam.yaml" }];
    writeFileSync(file, `${lines[0]}\n${lines[1]}\n${JSON.stringify(planted)}\n`);
    expect(withMemo(dir, folder, "b1")).toEqual({ issues: planted, checks: 0 });
    const other = withMemo(dir, folder, "b2");
    expect(other.issues).toEqual(expected);
    expect(other.checks).toBeGreaterThan(0);
  });

  it("keeps nothing for a project whose texts are larger than MAX_TEXT", () => {
    const dir = copyProject(join(FIXTURES, "minimal"));
    const docs = join(dir, "docs.yaml");
    writeFileSync(docs, `${readFileSync(docs, "utf8")}# ${"x".repeat(MAX_TEXT)}\n`);
    const folder = newFolder();
    expect(withMemo(dir, folder).issues).toEqual(fresh(dir));
    expect(withMemo(dir, folder).checks).toBeGreaterThan(0);
    expect(memoFiles(folder)).toEqual([]);
  });

  it("keeps its file readable by the user alone", () => {
    const folder = newFolder();
    withMemo(join(FIXTURES, "minimal"), folder);
    const [name] = memoFiles(folder);
    expect(statSync(join(folder, name!)).mode & 0o777).toBe(0o600);
  });

  it("takes a corrupt, truncated or foreign memo file for a miss", () => {
    // A project with findings: a miss that answered nothing would look like one that answered right.
    const source = join(FIXTURES, "bad", "unknown-key");
    const expected = fresh(source);
    expect(expected.length).toBeGreaterThan(0);
    const folder = newFolder();
    withMemo(source, folder);
    const [name] = memoFiles(folder);
    const file = join(folder, name!);
    const whole = readFileSync(file, "utf8");
    const spoilt = [
      whole.slice(0, -2), // cut short
      whole.slice(0, whole.lastIndexOf("\n", whole.length - 2) + 1), // without its answer
      `${whole.slice(0, -3)}x]\n`, // not JSON
      whole.replace(/\n\[.*\n$/, '\n[{"severity":"fatal","code":1}]\n'), // not findings
      whole.replace(/^tam findings 1 /, "tam findings 2 "), // another format
      "\0\0\0",
      "",
    ];
    for (const text of spoilt) {
      writeFileSync(file, text);
      const again = withMemo(source, folder);
      expect(again.issues, JSON.stringify(text.slice(-40))).toEqual(expected);
      expect(again.checks).toBeGreaterThan(0);
    }
  });

  it("gives the same answer when the cache folder cannot be written", () => {
    const parent = mkdtempSync(join(tmpdir(), "tam-findings-memo-"));
    // A file where the folder should be: nothing can be made under it (root ignores permissions).
    writeFileSync(join(parent, "tam"), "");
    const dir = join(FIXTURES, "minimal");
    expect(withMemo(dir, join(parent, "tam")).issues).toEqual(fresh(dir));
    expect(withMemo(dir, join(parent, "tam")).issues).toEqual(fresh(dir));
  });

  it("is kept by main() only with a build id, and then validate prints the same", async () => {
    const dir = copyProject(join(FIXTURES, "minimal"));
    const run = async (cacheFolder?: string, buildId?: string) => {
      let out = "";
      const code = await main(["node", "tam", "validate", "--format", "json", "-C", dir], { out: (t) => (out += t), err: (t) => (out += t) }, cacheFolder, buildId);
      return { code, out };
    };
    const without = await run();
    const noBuild = newFolder();
    await run(noBuild);
    expect(memoFiles(noBuild)).toEqual([]);
    const folder = newFolder();
    expect(await run(folder, "b1")).toEqual(without);
    expect(memoFiles(folder)).toHaveLength(1);
    expect(await run(folder, "b1")).toEqual(without);
    // The second run's answer is the memo's: a finding planted in it is printed.
    const file = join(folder, memoFiles(folder)[0]!);
    const lines = readFileSync(file, "utf8").split("\n");
    writeFileSync(file, `${lines[0]}\n${lines[1]}\n${JSON.stringify([{ severity: "warning", code: "planted", message: "from the memo", file: "tam.yaml" }])}\n`);
    expect((await run(folder, "b1")).out).toContain("planted");
  });
});
