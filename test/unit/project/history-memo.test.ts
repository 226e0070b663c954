// The git history memo (src/project/history-memo.ts, src/project/git-head.ts), differentially: on
// scratch repositories, an answer from the memo equals git's own, a second run with nothing changed
// starts no git process, and every change that can alter git's answer (HEAD moving in all its ways,
// the request, the repository's layout, the memo file itself) gets git's answer again.
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clockFor } from "../../../src/app/context.js";
import { assessProjectFreshness, type FreshnessFacts } from "../../../src/app/freshness-facts.js";
import { main } from "../../../src/cli.js";
import { readGitHead } from "../../../src/project/git-head.js";
import { type HistoryRequest, readHistory } from "../../../src/project/history.js";
import { historyMemo, historyMemoFile, historyMemoKey, useHistoryMemo } from "../../../src/project/history-memo.js";
import { loadProject } from "../../../src/project/load.js";
import { copyProject, FIXTURES, git, initRepo } from "../../helpers/run.js";

const at = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });

/** The docs-basic fixture in a repository of its own, with a first commit on 2026-01-10. */
function scratch(): { dir: string; commit(message: string, date: string, args?: string[]): void; edit(from: string, to: string): void } {
  const dir = copyProject(join(FIXTURES, "docs-basic"));
  initRepo(dir);
  const commit = (message: string, date: string, args: string[] = []) => {
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", message, ...args], at(date));
  };
  const edit = (from: string, to: string) => {
    const text = readFileSync(join(dir, "architecture.yaml"), "utf8");
    if (!text.includes(from)) throw new Error(`${JSON.stringify(from)} not in architecture.yaml`);
    writeFileSync(join(dir, "architecture.yaml"), text.replace(from, to));
  };
  commit("Initial project", "2026-01-10");
  return { dir, commit, edit };
}

/** A scratch repository with a history that matters: an edit of the firewall and one of a doc after the reviews. */
function withHistory() {
  const repo = scratch();
  repo.edit("    instances: 2\n", "    instances: 3\n");
  repo.commit("Third firewall", "2026-03-01");
  appendFileSync(join(repo.dir, "docs/vlan.md"), "\nA new VLAN.\n");
  repo.commit("VLAN plan edited", "2026-03-05");
  return repo;
}

/** How many git processes `run` started, counted by a `git` on PATH that logs each start. */
async function gitStarts<T>(run: () => Promise<T>): Promise<{ value: T; starts: number }> {
  const bin = mkdtempSync(join(tmpdir(), "tam-git-bin-"));
  const log = join(bin, "log");
  writeFileSync(log, "");
  const realGit = git(tmpdir(), ["--exec-path"]).trim();
  writeFileSync(join(bin, "git"), `#!/bin/sh\necho x >> '${log}'\nexec '${realGit}/git' "$@"\n`);
  chmodSync(join(bin, "git"), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${bin}:${path}`;
  try {
    const value = await run();
    return { value, starts: readFileSync(log, "utf8").split("\n").filter(Boolean).length };
  } finally {
    process.env.PATH = path;
  }
}

/** The freshness facts of `dir`, with the memo in `memoFolder` for the run, or without any. */
async function facts(dir: string, memoFolder?: string, asOf = "2026-04-10"): Promise<FreshnessFacts> {
  useHistoryMemo(memoFolder === undefined ? undefined : historyMemo(memoFolder));
  try {
    const project = loadProject(dir);
    return await assessProjectFreshness(project, clockFor(project, asOf));
  } finally {
    useHistoryMemo(undefined);
  }
}

const newFolder = () => join(mkdtempSync(join(tmpdir(), "tam-memo-")), "cache");

/** Runs with the memo (it is then filled), applies `change`, and expects git's own answer, from git. */
async function expectGitAfter(repo: { dir: string }, change: () => void, asOf?: string): Promise<{ before: FreshnessFacts; after: FreshnessFacts }> {
  const folder = newFolder();
  const before = await facts(repo.dir, folder, asOf);
  expect((await gitStarts(() => facts(repo.dir, folder, asOf))).starts).toBe(0);
  change();
  const { value: after, starts } = await gitStarts(() => facts(repo.dir, folder, asOf));
  expect(starts).toBeGreaterThan(0);
  expect(after).toEqual(await facts(repo.dir, undefined, asOf));
  return { before, after };
}

const states = (result: FreshnessFacts) => Object.fromEntries(result.report.docs.map((doc) => [doc.id, doc.reasons.map((reason) => reason.code)]));

describe("the git history memo", () => {
  it("answers a second run as git did, starting no git process", async () => {
    const { dir } = withHistory();
    const folder = newFolder();
    const fresh = await facts(dir);
    const first = await gitStarts(() => facts(dir, folder));
    expect(first.starts).toBeGreaterThan(0);
    const second = await gitStarts(() => facts(dir, folder));
    expect(second.starts).toBe(0);
    expect(first.value).toEqual(fresh);
    expect(second.value).toEqual(fresh);
    // The test repository has the history it is meant to: a memo of an empty answer would prove little.
    expect(states(fresh)["fw-before"]).toContain("component-changed");
    expect(fresh.gitProcesses).toBe(3);
    // It holds the client's architecture.yaml and commit authors: readable by the user alone.
    const [memo] = readdirSync(folder).filter((name) => name.startsWith("tam-git-history-"));
    expect(statSync(join(folder, memo!)).mode & 0o777).toBe(0o600);
  });

  it("gives docs check the same JSON on a second run, meta's git process count included", async () => {
    const { dir } = withHistory();
    const cache = newFolder();
    const run = async (cacheFolder?: string) => {
      let out = "";
      const code = await main(
        ["node", "tam", "docs", "check", "--format", "json", "--as-of", "2026-04-10", "--fail-on", "never", "-C", dir],
        { out: (t) => (out += t), err: () => undefined },
        cacheFolder,
      );
      return { code, out };
    };
    const without = await run();
    const first = await run(cache);
    const second = await gitStarts(() => run(cache));
    expect(second.starts).toBe(0);
    expect(second.value).toEqual(without);
    expect(first).toEqual(without);
    expect(JSON.parse(without.out).meta.gitProcesses).toBe(3);
  });

  it("equals git's answer at readHistory itself, files map and all", async () => {
    const { dir } = withHistory();
    const memo = historyMemo(newFolder());
    const project = loadProject(dir);
    const request: HistoryRequest = { architecture: project.files.find((file) => file.kind === "architecture"), docPaths: ["docs/vlan.md", "docs/firewall.md"], since: "2026-01-01" };
    const fresh = await readHistory(dir, request, undefined);
    await readHistory(dir, request, memo);
    const { value: kept, starts } = await gitStarts(() => readHistory(dir, request, memo));
    expect(starts).toBe(0);
    expect(kept).toEqual(fresh);
    // Only vlan.md was edited after it was added.
    expect([...kept.files.keys()]).toEqual(["docs/vlan.md"]);
  });

  // These changes leave architecture.yaml's text as it was: HEAD's id alone tells the memo's answer is not theirs.
  it("asks git again after a new commit", async () => {
    const repo = withHistory();
    const { before, after } = await expectGitAfter(repo, () => {
      appendFileSync(join(repo.dir, "docs/firewall.md"), "\nA new rule.\n");
      repo.commit("Firewall runbook edited", "2026-03-10");
    });
    expect(states(after)).not.toEqual(states(before));
  });

  it("asks git again after git commit --amend", async () => {
    const repo = withHistory();
    const { before, after } = await expectGitAfter(repo, () => repo.commit("VLAN plan rewritten", "2026-03-06", ["--amend"]));
    expect(JSON.stringify(after)).not.toEqual(JSON.stringify(before));
  });

  it("asks git again after a branch switch and on a detached HEAD", async () => {
    for (const move of [
      ["checkout", "-q", "-b", "quiet", "HEAD~1"],
      ["checkout", "-q", "--detach", "main~1"],
    ]) {
      const repo = withHistory();
      const { before, after } = await expectGitAfter(repo, () => git(repo.dir, move));
      expect(states(after)).not.toEqual(states(before));
      expect(readGitHead(repo.dir)?.commit).toBe(git(repo.dir, ["rev-parse", "HEAD"]).trim());
    }
  });

  it("asks git again after an uncommitted edit of architecture.yaml", async () => {
    const repo = withHistory();
    const { after } = await expectGitAfter(repo, () => repo.edit("id: vlan\n    name: Internal VLAN", "id: vlan\n    name: Inner VLAN"));
    expect(states(after)["vlan-doc"]).toContain("uncommitted-edits");
  });

  it("asks git again when docs.yaml names one more doc", async () => {
    const repo = withHistory();
    // A file in the repository, edited after the reviews, that docs.yaml does not name yet.
    writeFileSync(join(repo.dir, "docs/dns.md"), "# DNS\n");
    repo.commit("DNS notes", "2026-01-12");
    appendFileSync(join(repo.dir, "docs/dns.md"), "\nForwarders.\n");
    repo.commit("DNS forwarders", "2026-03-07");
    const { after } = await expectGitAfter(repo, () =>
      appendFileSync(
        join(repo.dir, "docs.yaml"),
        "\n  - id: dns-doc\n    title: DNS notes\n    location: docs/dns.md\n    owner: network\n    covers: [vlan]\n    last_review: { date: 2026-02-01 }\n",
      ),
    );
    expect(states(after)["dns-doc"]).toContain("file-changed");
  });

  it("asks git again for another first day (since) and for a baseline", async () => {
    const { dir } = withHistory();
    const memo = historyMemo(newFolder());
    const project = loadProject(dir);
    const architecture = project.files.find((file) => file.kind === "architecture");
    const docPaths = ["docs/vlan.md"];
    const base: HistoryRequest = { architecture, docPaths, since: "2026-01-01" };
    await readHistory(dir, base, memo);
    const baseline = git(dir, ["rev-parse", "HEAD~1"]).trim();
    for (const request of [
      { ...base, since: "2026-03-03" },
      { ...base, baseline },
      { ...base, baseline: baseline.slice(0, 7) },
    ] satisfies HistoryRequest[]) {
      const { value, starts } = await gitStarts(() => readHistory(dir, request, memo));
      expect(starts).toBeGreaterThan(0);
      expect(value).toEqual(await readHistory(dir, request, undefined));
      expect(value).not.toEqual(await readHistory(dir, base, undefined));
    }
    // A full id is a key like any other; an abbreviated one is never kept (what it names can change).
    expect((await gitStarts(() => readHistory(dir, { ...base, baseline }, memo))).starts).toBe(0);
    expect((await gitStarts(() => readHistory(dir, { ...base, baseline: baseline.slice(0, 7) }, memo))).starts).toBeGreaterThan(0);
  });

  it("reads a branch from packed-refs, and a new commit after packing moves HEAD", async () => {
    const repo = withHistory();
    git(repo.dir, ["pack-refs", "--all"]);
    expect(readdirSync(join(repo.dir, ".git/refs/heads"))).toEqual([]);
    expect(readGitHead(repo.dir)?.commit).toBe(git(repo.dir, ["rev-parse", "HEAD"]).trim());
    const folder = newFolder();
    const fresh = await facts(repo.dir);
    expect(await facts(repo.dir, folder)).toEqual(fresh);
    const second = await gitStarts(() => facts(repo.dir, folder));
    expect(second.starts).toBe(0);
    expect(second.value).toEqual(fresh);
    await expectGitAfter(repo, () => {
      repo.edit("    instances: 3\n", "    instances: 4\n");
      repo.commit("Fourth firewall", "2026-03-08");
    });
  });

  it("leaves a shallow clone and a worktree to git", async () => {
    const { dir } = withHistory();
    const shallow = mkdtempSync(join(tmpdir(), "tam-shallow-"));
    git(shallow, ["clone", "-q", "--depth", "1", `file://${dir}`, "."]);
    const worktree = join(mkdtempSync(join(tmpdir(), "tam-worktree-")), "tree");
    git(dir, ["worktree", "add", "-q", worktree, "HEAD~1"]);
    for (const copy of [shallow, worktree]) {
      expect(readGitHead(copy)).toBeUndefined();
      const folder = newFolder();
      await facts(copy, folder);
      const { value, starts } = await gitStarts(() => facts(copy, folder));
      expect(starts).toBeGreaterThan(0);
      expect(value).toEqual(await facts(copy));
    }
    expect((await facts(shallow)).warnings.join()).toMatch(/shallow/);
  });

  it("takes a corrupt, truncated or foreign memo file for a miss", async () => {
    const { dir } = withHistory();
    const other = withHistory();
    const folder = newFolder();
    const fresh = await facts(dir);
    await facts(dir, folder);
    await facts(other.dir, folder);
    const head = readGitHead(dir)!;
    const file = historyMemoFile(folder, head);
    const whole = readFileSync(file, "utf8");
    const otherText = readFileSync(historyMemoFile(folder, readGitHead(other.dir)!), "utf8");
    const broken = [
      whole.slice(0, whole.length - 40),
      whole.replace('"gitProcesses":3', '"gitProcesses":"3"'),
      whole.replace(/"hash":"[0-9a-f]+"/, '"hash":7'),
      `${whole.slice(0, -1)}x\n`,
      otherText,
      "",
      "\u0000\u0001",
    ];
    for (const text of broken) {
      writeFileSync(file, text);
      const { value, starts } = await gitStarts(() => facts(dir, folder));
      expect(starts).toBeGreaterThan(0);
      expect(value).toEqual(fresh);
    }
  });

  it("deletes memo files not written for a week when it writes one, and nothing else", async () => {
    const { dir } = withHistory();
    const folder = newFolder();
    mkdirSync(folder, { recursive: true });
    const old = join(folder, "tam-git-history-old.json");
    const recent = join(folder, "tam-git-history-recent.json");
    const foreign = join(folder, "tam-zone-offsets-other");
    for (const file of [old, recent, foreign]) writeFileSync(file, "x");
    const weekAgo = (Date.now() - 8 * 86_400_000) / 1000;
    utimesSync(old, weekAgo, weekAgo);
    utimesSync(foreign, weekAgo, weekAgo);
    await facts(dir, folder);
    const names = readdirSync(folder);
    expect(names).not.toContain("tam-git-history-old.json");
    expect(names).toEqual(expect.arrayContaining(["tam-git-history-recent.json", "tam-zone-offsets-other"]));
    expect(names.filter((name) => name.startsWith("tam-git-history-"))).toHaveLength(2);
  });

  it("works without error when the cache folder cannot be made or written", async () => {
    const { dir } = withHistory();
    const fresh = await facts(dir);
    const blocker = join(mkdtempSync(join(tmpdir(), "tam-memo-")), "file");
    writeFileSync(blocker, "not a folder");
    for (const folder of [join(blocker, "cache"), join(blocker, "deeper", "cache")]) {
      expect(await facts(dir, folder)).toEqual(fresh);
      expect(await facts(dir, folder)).toEqual(fresh);
    }
  });
});

describe("HEAD from .git's files", () => {
  it("finds the top, the prefix (real paths) and HEAD as git rev-parse does", () => {
    const top = realpathSync(mkdtempSync(join(tmpdir(), "tam-head-")));
    initRepo(top);
    mkdirSync(join(top, "clients", "north wind"), { recursive: true });
    writeFileSync(join(top, "clients", "north wind", "tam.yaml"), "x\n");
    git(top, ["add", "-A"]);
    git(top, ["commit", "-q", "-m", "first"], at("2026-01-01"));
    const link = join(mkdtempSync(join(tmpdir(), "tam-link-")), "here");
    symlinkSync(join(top, "clients"), link);
    for (const dir of [top, join(top, "clients", "north wind"), join(link, "north wind")]) {
      const head = readGitHead(dir);
      expect(head).toEqual({ top, prefix: git(dir, ["rev-parse", "--show-prefix"]).trim(), commit: git(dir, ["rev-parse", "HEAD"]).trim() });
    }
    expect(readGitHead(join(top, "clients"))?.prefix).toBe("clients/");
  });

  it("is undefined for anything unusual", () => {
    const { dir } = withHistory();
    expect(readGitHead(dir)).toBeDefined();
    expect(readGitHead(dir, { GIT_DIR: join(dir, ".git") })).toBeUndefined();
    expect(readGitHead(dir, { GIT_WORK_TREE: dir })).toBeUndefined();
    expect(readGitHead(join(dir, ".git"))).toBeUndefined();
    expect(readGitHead(mkdtempSync(join(tmpdir(), "tam-none-")))).toBeUndefined();

    const empty = mkdtempSync(join(tmpdir(), "tam-empty-"));
    initRepo(empty);
    expect(readGitHead(empty)).toBeUndefined();

    const replaced = withHistory();
    git(replaced.dir, ["replace", git(replaced.dir, ["rev-parse", "HEAD~1"]).trim(), git(replaced.dir, ["rev-parse", "HEAD~2"]).trim()]);
    expect(readGitHead(replaced.dir)).toBeUndefined();

    const chained = withHistory();
    git(chained.dir, ["symbolic-ref", "refs/heads/alias", "refs/heads/main"]);
    git(chained.dir, ["symbolic-ref", "HEAD", "refs/heads/alias"]);
    expect(readGitHead(chained.dir)).toBeUndefined();

    const grafted = withHistory();
    writeFileSync(join(grafted.dir, ".git", "info", "grafts"), `${git(grafted.dir, ["rev-parse", "HEAD"]).trim()}\n`);
    expect(readGitHead(grafted.dir)).toBeUndefined();

    const odd = withHistory();
    writeFileSync(join(odd.dir, ".git", "HEAD"), "ref: refs/heads/.invalid\n");
    expect(readGitHead(odd.dir)).toBeUndefined();
    writeFileSync(join(odd.dir, ".git", "HEAD"), "abc123\n");
    expect(readGitHead(odd.dir)).toBeUndefined();
  });

  it("keys an abbreviated baseline never, and the architecture by its text", () => {
    const head = { top: "/r", prefix: "", commit: "a".repeat(40) };
    const architecture = { kind: "architecture", rel: "architecture.yaml", text: "components: []\n" } as unknown as HistoryRequest["architecture"];
    expect(historyMemoKey(head, { architecture, docPaths: [], baseline: "abc1234" })).toBeUndefined();
    expect(historyMemoKey(head, { architecture, docPaths: ["b", "a", "b"], baseline: "b".repeat(64) })).toEqual({
      top: "/r",
      prefix: "",
      head: "a".repeat(40),
      architecture: { rel: "architecture.yaml", text: "components: []\n" },
      docPaths: ["a", "b"],
      since: null,
      baseline: "b".repeat(64),
    });
  });
});
