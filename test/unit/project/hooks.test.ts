// The repository's commit hooks around tam's commits (issue 35): run by default as `git commit`
// would run them, a refusing hook undoes the write and is named with its own words, a hook that
// changes what tam wrote commits nothing, --no-verify and git.hooks: skip are recorded in the message.
// In-process (git and the hooks run, tam is not spawned): see test/e2e/hooks.test.ts for tam as a hook.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";
import type { Output } from "../../../src/commands/context.js";
import { tmpdir } from "node:os";
import { committedCopy, EXAMPLE, git, headOf, initRepo } from "../../helpers/run.js";

const CHANGE = "changes/CHG-0004.yaml";
const AS_OF = "2026-11-20T10:00:00+03:00";
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

process.env.GIT_AUTHOR_NAME = "Test Author";
process.env.GIT_AUTHOR_EMAIL = "author@example.com";
process.env.GIT_COMMITTER_NAME = "Test Author";
process.env.GIT_COMMITTER_EMAIL = "author@example.com";

function hook(dir: string, name: string, body: string): void {
  const path = join(dir, ".git/hooks", name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

async function tam(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(["node", "tam", ...args, "-C", dir], output);
  return { code, out: out.join(""), err: err.join("\n") };
}

const startT1 = (dir: string, ...extra: string[]) => tam(dir, "task", "start", "CHG-0004/T1", "--by", "R Z", "--as-of", AS_OF, ...extra);
const clean = (dir: string) => git(dir, ["status", "--porcelain", "--untracked-files=all"]).trim();

describe("a pre-commit hook that refuses", () => {
  it("commits nothing, puts the file back, shows the hook's words and names it, exit 2", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", `echo "gitleaks: 1 leak found in $(git diff --cached --name-only)" >&2\nexit 1`);
    const before = read(dir, CHANGE);
    const start = headOf(dir);
    const r = await startT1(dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the pre-commit hook refused the commit \(exit 1\)/);
    expect(r.err).toMatch(/tam's write is undone \(changes\/CHG-0004\.yaml is as it was\)/);
    expect(r.err).toMatch(/--no-verify/);
    // The hook's own output, line by line, and it saw exactly tam's file staged.
    expect(r.err).toContain("pre-commit: gitleaks: 1 leak found in changes/CHG-0004.yaml");
    expect(headOf(dir)).toBe(start);
    expect(read(dir, CHANGE)).toBe(before);
    expect(clean(dir)).toBe("");
    // No scratch left in the git folder, no journal of a pending write.
    expect(git(dir, ["rev-parse", "--git-dir"]).trim()).toBe(".git");
    expect(existsSync(join(dir, ".git/tam-writes.json"))).toBe(false);
    expect(git(dir, ["ls-files", "--others", "--ignored", "--exclude-standard", "--directory"]).trim()).toBe("");
  });

  it("the user's own edit taken along (--include-local-changes) is what comes back, not the file as committed", async () => {
    const dir = committedCopy(EXAMPLE);
    const draft = read(dir, CHANGE).replace("title: Expand SAN capacity", "title: DRAFT Expand SAN capacity");
    writeFileSync(join(dir, CHANGE), draft);
    hook(dir, "pre-commit", "exit 1");
    const r = await startT1(dir, "--include-local-changes");
    expect(r.code).toBe(2);
    expect(read(dir, CHANGE)).toBe(draft);
    expect(clean(dir)).toBe(`M ${CHANGE}`);
  });

  it("--no-commit makes no commit, so no hook runs", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", "exit 1");
    const start = headOf(dir);
    const r = await startT1(dir, "--no-commit");
    expect(r.code, r.err).toBe(0);
    expect(headOf(dir)).toBe(start);
    expect(read(dir, CHANGE)).toContain("status: in-progress");
  });

  it("a new file the write created is removed again", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", "echo no >&2; exit 3");
    const r = await tam(dir, "change", "new", "--title", "Hooked", "--type", "standard", "--component", "zabbix:modify", "--rollback", "Undo it", "--yes", "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pre-commit hook refused the commit \(exit 3\): tam's write is undone \(changes\/CHG-\d+\.yaml, which it created, is removed\)/);
    expect(clean(dir)).toBe("");
  });

  it("the hook sees the index git commit --only would show it: HEAD plus tam's file, not the user's other staged work", async () => {
    const dir = committedCopy(EXAMPLE);
    writeFileSync(join(dir, "notes.md"), "user's own work\n");
    git(dir, ["add", "notes.md"]);
    hook(dir, "pre-commit", 'git diff --cached --name-only > "$(git rev-parse --git-dir)/seen"');
    const r = await startT1(dir);
    expect(r.code, r.err).toBe(0);
    expect(read(dir, ".git/seen").trim()).toBe(CHANGE);
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe(CHANGE);
    // The user's staged file is still staged, and not committed.
    expect(git(dir, ["diff", "--cached", "--name-only"]).trim()).toBe("notes.md");
  });
});

describe("where git finds the hooks", () => {
  it("core.hooksPath is honoured, and a hook that is not executable is skipped as git skips it", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", "exit 0");
    chmodSync(join(dir, ".git/hooks/pre-commit"), 0o644);
    hook(dir, "commit-msg", "exit 1");
    chmodSync(join(dir, ".git/hooks/commit-msg"), 0o644);
    expect((await startT1(dir)).code).toBe(0);

    mkdirSync(join(dir, ".githooks"));
    writeFileSync(join(dir, ".githooks/pre-commit"), "#!/bin/sh\necho 'policy from .githooks' >&2\nexit 1\n");
    chmodSync(join(dir, ".githooks/pre-commit"), 0o755);
    git(dir, ["config", "core.hooksPath", ".githooks"]);
    const r = await tam(dir, "task", "done", "CHG-0004/T1", "--by", "R Z", "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toContain("pre-commit: policy from .githooks");
  });
});

describe("a project in a folder of its repository", () => {
  it("the hooks run at the top of the work tree and see the file by its repository path; a refusal undoes the write there too", async () => {
    const top = mkdtempSync(join(tmpdir(), "tam-hooks-top-"));
    cpSync(EXAMPLE, join(top, "client"), { recursive: true });
    initRepo(top);
    git(top, ["add", "-A"]);
    git(top, ["commit", "-qm", "initial"]);
    const dir = join(top, "client");
    hook(top, "pre-commit", 'pwd > "$(git rev-parse --git-dir)/where"; git diff --cached --name-only >> "$(git rev-parse --git-dir)/where"');
    const r = await startT1(dir);
    expect(r.code, r.err).toBe(0);
    expect(read(top, ".git/where").split("\n").slice(1, 2)).toEqual([`client/${CHANGE}`]);
    expect(read(top, ".git/where").split("\n")[0]).toMatch(/tam-hooks-top-\w+$/);
    expect(git(top, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe(`client/${CHANGE}`);

    hook(top, "pre-commit", "echo refused >&2; exit 1");
    const before = read(dir, CHANGE);
    const start = headOf(top);
    const refused = await tam(dir, "task", "done", "CHG-0004/T1", "--by", "R Z", "--as-of", AS_OF);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("pre-commit: refused");
    expect(read(dir, CHANGE)).toBe(before);
    expect(headOf(top)).toBe(start);
    expect(clean(top)).toBe("");
  });
});

describe("a commit-msg hook", () => {
  const requireTicket = (pattern: string) => `grep -qE '${pattern}' "$1" || { echo "commit message must reference a ticket (${pattern})" >&2; exit 1; }\necho "Ticket-Checked: yes" >> "$1"`;

  it("that requires a ticket reference tam's message lacks: nothing committed, its words shown", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "commit-msg", requireTicket("JIRA-[0-9]+"));
    const before = read(dir, CHANGE);
    const start = headOf(dir);
    const r = await startT1(dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the commit-msg hook refused the commit/);
    expect(r.err).toContain("commit-msg: commit message must reference a ticket (JIRA-[0-9]+)");
    expect(headOf(dir)).toBe(start);
    expect(read(dir, CHANGE)).toBe(before);
    expect(clean(dir)).toBe("");
  });

  it("that finds the change id it requires: the commit is made with the message as the hook left it", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "commit-msg", requireTicket("CHG-[0-9]{4}"));
    const r = await startT1(dir);
    expect(r.code, r.err).toBe(0);
    const message = git(dir, ["log", "-1", "--format=%B"]);
    expect(message).toMatch(/^CHG-0004\/T1 /);
    expect(message).toContain("Ticket-Checked: yes");
    expect(clean(dir)).toBe("");
  });
});

describe("a hook that changes what tam wrote", () => {
  it("a formatter that rewrites and stages tam's file: nothing committed, the write undone, the hook named", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", `sed -i 's/^title: /title:  /' ${CHANGE} && git add ${CHANGE}\necho "reformatted ${CHANGE}"`);
    const before = read(dir, CHANGE);
    const start = headOf(dir);
    const r = await startT1(dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the pre-commit hook changed changes\/CHG-0004\.yaml after tam wrote it; tam commits only what it checked, so nothing was committed/);
    expect(r.err).toContain("pre-commit: reformatted changes/CHG-0004.yaml");
    expect(headOf(dir)).toBe(start);
    expect(read(dir, CHANGE)).toBe(before);
    expect(clean(dir)).toBe("");
  });

  it("a hook that stages another file: nothing committed, that file left to the user, unstaged", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", "echo generated > GENERATED.md && git add GENERATED.md");
    const start = headOf(dir);
    const r = await startT1(dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the pre-commit hook staged GENERATED\.md; .*nothing was committed.*left in the work tree, unstaged/);
    expect(headOf(dir)).toBe(start);
    expect(clean(dir)).toBe("?? GENERATED.md");
  });
});

describe("--no-verify and git.hooks: skip", () => {
  it("--no-verify commits without the hooks, and the message records it", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", "exit 1");
    hook(dir, "post-commit", 'touch "$(git rev-parse --git-dir)/post-ran"');
    const r = await startT1(dir, "--no-verify");
    expect(r.code, r.err).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%B"])).toMatch(/\n\nGit-Hooks: skipped by --no-verify \(not run: pre-commit, post-commit\)\n*$/);
    expect(existsSync(join(dir, ".git/post-ran"))).toBe(false);
    expect(clean(dir)).toBe("");
  });

  it("git.hooks: skip in tam.yaml does the same, and says so", async () => {
    const dir = committedCopy(EXAMPLE);
    writeFileSync(join(dir, "tam.yaml"), `${read(dir, "tam.yaml")}git:\n  hooks: skip\n`);
    git(dir, ["commit", "-qam", "skip hooks"]);
    hook(dir, "pre-commit", "exit 1");
    const r = await startT1(dir);
    expect(r.code, r.err).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%B"])).toContain("Git-Hooks: skipped by git.hooks: skip in tam.yaml (not run: pre-commit)");
  });

  it("hooks that pass leave no mark in the message; post-commit runs after the commit and its words are shown", async () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", "echo checked");
    hook(dir, "post-commit", 'echo "post-commit saw $(git log -1 --format=%s)"');
    const r = await startT1(dir);
    expect(r.code, r.err).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%B"])).not.toContain("Git-Hooks");
    expect(r.err).toContain("checked");
    expect(r.err).toMatch(/post-commit saw CHG-0004\/T1 /);
  });
});
