// The write transaction under concurrency and kill -9: every writer lands in its own commit,
// nothing is lost, a killed write leaves the old file or the new one (never half), and what a
// killed write left uncommitted is reported and never swept into another commit.
// The figures (writers, kills, lost updates) are printed for the issue's closing note.
// The mix and the kill loop run with trivial commit hooks installed (issue 35): the hooks' scratch
// index and message, and the hooks themselves, under the same concurrency and kills.
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { copyProject, EXAMPLE, git, initRepo, spawnTam, type RunResult, headOf, leftovers } from "../helpers/run.js";

const CHANGE = "changes/CHG-0004.yaml";
const INCIDENTS = "incidents/2026-11.yaml";
const AS_OF = ["--as-of", "2026-11-20T10:00:00+03:00"];
/** Generous: on a loaded 2-core machine twenty writers queue for a while. No test depends on timing. */
const WAIT = ["--wait", "900"];
const WRITERS = 20;
const LONG = 900_000;

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const head = headOf;

/** The example as a committed repository, with extra todo tasks and open incidents to update concurrently. */
function repo(): string {
  const dir = copyProject(EXAMPLE);
  const tasks = Array.from(
    { length: WRITERS },
    (_, i) => `  - id: X${i + 1}\n    title: Extra task ${i + 1}\n    department: backup\n    kind: implementation\n    origin: manual\n    status: todo\n`,
  ).join("");
  // Into the change's task list (the file goes on after it, e.g. with its baseline).
  const change = read(dir, CHANGE);
  if (!change.includes("\ntasks:\n")) throw new Error(`${CHANGE} has no top-level tasks list`);
  writeFileSync(join(dir, CHANGE), change.replace("\ntasks:\n", `\ntasks:\n${tasks}`));
  const incidents = Array.from(
    { length: WRITERS },
    (_, i) =>
      `\n  - id: INC-${String(901 + i).padStart(4, "0")}\n    title: Extra incident ${i + 1}\n    priority: P4\n    components: [zabbix]\n    department: monitoring\n    opened: 2026-11-19T10:00:00+03:00\n    status: open\n`,
  ).join("");
  writeFileSync(join(dir, INCIDENTS), read(dir, INCIDENTS) + incidents);
  initRepo(dir);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "initial"]);
  return dir;
}

/** Trivial hooks (they pass), so that every commit goes through tam's hook path. */
function trivialHooks(dir: string): void {
  for (const name of ["pre-commit", "commit-msg", "post-commit"]) {
    writeFileSync(join(dir, ".git/hooks", name), "#!/bin/sh\nexit 0\n");
    chmodSync(join(dir, ".git/hooks", name), 0o755);
  }
}

/** Scratch files of hooked commits left in the git folder by tam processes that are gone. */
const hookScratch = (dir: string) => readdirSync(join(dir, ".git")).filter((name) => name.startsWith("tam-hooks-"));

/** Commits after `start`, oldest first: subject and the files each changes. */
function commitsSince(dir: string, start: string): { subject: string; files: string[] }[] {
  const out = git(dir, ["log", "--reverse", "--format=%x01%s", "--name-only", `${start}..HEAD`]);
  return out
    .split("\x01")
    .filter(Boolean)
    .map((chunk) => {
      const [subject, ...files] = chunk.trim().split("\n");
      return { subject: subject!, files: files.filter(Boolean) };
    });
}

async function all(dir: string, runs: string[][]): Promise<RunResult[]> {
  return Promise.all(runs.map((args) => spawnTam([...args, ...AS_OF, ...WAIT, "-C", dir], { lowPriority: true }).done));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the project's write lock exists while `done` runs, in ms. */
async function lockSpan(dir: string, done: Promise<unknown>): Promise<number> {
  let finished = false;
  void done.then(() => (finished = true));
  const lock = join(dir, "tam.yaml.lock");
  while (!finished && !existsSync(lock)) await sleep(2);
  const from = performance.now();
  while (!finished && existsSync(lock)) await sleep(2);
  return performance.now() - from;
}

const docIds = (dir: string) => (parse(read(dir, "docs.yaml")) as { docs: { id: string }[] }).docs.map((d) => d.id);

describe("twenty concurrent writers of each kind", () => {
  it(
    "all land, one commit each, nothing lost",
    async () => {
      const dir = repo();
      const figures: string[] = [];
      const check = (kind: string, results: RunResult[], start: string, expectedFile: (i: number) => string) => {
        for (const [i, r] of results.entries()) expect(r.code, `${kind} writer ${i}: ${r.stderr}`).toBe(0);
        const commits = commitsSince(dir, start);
        expect(commits, kind).toHaveLength(results.length);
        for (const c of commits) expect(c.files, c.subject).toHaveLength(1);
        expect(commits.map((c) => c.files[0]).sort()).toEqual(results.map((_, i) => expectedFile(i)).sort());
        expect(git(dir, ["status", "--porcelain"]).trim(), kind).toBe("");
        figures.push(`${kind}: ${results.length} writers, ${commits.length} commits`);
      };

      // Task updates on one change file.
      let start = head(dir);
      const tasks = await all(
        dir,
        // Twenty extra tasks push the forecast past the promise, so the change's readiness gate (tam change
        // check) refuses the first start: each writer accepts that risk with a reason, as a TAM would.
        Array.from({ length: WRITERS }, (_, i) => ["task", "start", `CHG-0004/X${i + 1}`, "--by", `Engineer ${i + 1}`, "--force", "--reason", "stress test: the extra tasks are not the plan"]),
      );
      check("task start", tasks, start, () => CHANGE);
      const change = parse(read(dir, CHANGE)) as { tasks: { id: string; status: string; history?: { by: string }[] }[] };
      const lostTasks = Array.from({ length: WRITERS }, (_, i) => change.tasks.find((t) => t.id === `X${i + 1}`)!).filter((t) => t.status !== "in-progress" || t.history?.length !== 1);
      expect(lostTasks).toEqual([]);

      // Incident updates on one monthly file.
      start = head(dir);
      const updates = await all(
        dir,
        Array.from({ length: WRITERS }, (_, i) => ["incident", "update", `INC-${String(901 + i).padStart(4, "0")}`, "--responded", `2026-11-19T10:${String(10 + i).padStart(2, "0")}:00+03:00`]),
      );
      check("incident update", updates, start, () => INCIDENTS);
      const incidents = (parse(read(dir, INCIDENTS)) as { incidents: { id: string; responded?: string }[] }).incidents;
      const lostUpdates = Array.from({ length: WRITERS }, (_, i) => incidents.find((x) => x.id === `INC-${String(901 + i).padStart(4, "0")}`)!).filter(
        (x, i) => x.responded !== `2026-11-19T10:${String(10 + i).padStart(2, "0")}:00+03:00`,
      );
      expect(lostUpdates).toEqual([]);

      // Docs reviews: two per document, each with its own note; every review is its own commit.
      start = head(dir);
      const docs = docIds(dir);
      const reviews = await all(
        dir,
        Array.from({ length: WRITERS }, (_, i) => ["docs", "review", docs[i % docs.length]!, "--by", "Reviewer", "--date", "2026-11-19", "--note", `review ${i + 1}`]),
      );
      check("docs review", reviews, start, () => "docs.yaml");
      const notes = git(dir, ["log", "-p", `${start}..HEAD`, "--", "docs.yaml"]).match(/^\+\s+note: review \d+$/gm) ?? [];
      expect(new Set(notes).size).toBe(WRITERS);

      // A mix: task done, incident resolved, docs review, incident add; every commit through the hooks.
      trivialHooks(dir);
      start = head(dir);
      const mix = Array.from({ length: WRITERS }, (_, i) => {
        const n = Math.floor(i / 4) + 1;
        switch (i % 4) {
          case 0:
            return ["task", "done", `CHG-0004/X${n}`, "--by", "Engineer"];
          case 1:
            return ["incident", "update", `INC-${String(900 + n).padStart(4, "0")}`, "--resolved", "2026-11-19T12:00:00+03:00"];
          case 2:
            return ["docs", "review", docs[n]!, "--by", "Mixer", "--date", "2026-11-20", "--note", `mix ${n}`];
          default:
            return ["incident", "add", "--title", `Mixed ${n}`, "--priority", "P4", "--component", "zabbix", "--department", "monitoring", "--opened", "2026-11-19T09:00:00+03:00", "--yes"];
        }
      });
      const mixed = await all(dir, mix);
      check("mix", mixed, start, (i) => [CHANGE, INCIDENTS, "docs.yaml", INCIDENTS][i % 4]!);
      const added = mixed.filter((_, i) => i % 4 === 3).map((r) => r.stdout.trim());
      expect(new Set(added).size).toBe(added.length);
      const after = (parse(read(dir, INCIDENTS)) as { incidents: { id: string; title: string; resolved?: string }[] }).incidents;
      for (const id of added)
        expect(
          after.some((x) => x.id === id),
          id,
        ).toBe(true);
      expect(after.filter((x) => /^INC-09\d\d$/.test(x.id) && x.resolved).length).toBe(WRITERS / 4);
      expect(runValidateClean(dir)).toBe(true);
      expect(leftovers(dir)).toEqual([]);
      expect(hookScratch(dir)).toEqual([]);
      console.log(`concurrent writers: ${figures.join("; ")}; lost updates: 0`);
    },
    LONG,
  );
});

/** The project still parses everywhere (cheaper than spawning tam validate). */
function runValidateClean(dir: string): boolean {
  for (const file of [CHANGE, INCIDENTS, "docs.yaml"]) parse(read(dir, file));
  return true;
}

describe("kill -9 during writes", () => {
  it(
    "leaves the old file or the new one, never half, and never sweeps a killed write into a later commit",
    async () => {
      const dir = repo();
      trivialHooks(dir);
      const docs = docIds(dir);
      const KILLS = 12;
      const outcome = { committed: 0, writtenNotCommitted: 0, untouched: 0, finished: 0 };
      const review = (i: number, note: string) => spawnTam(["docs", "review", docs[i % docs.length]!, "--by", "Killer", "--date", "2026-11-19", "--note", note, ...AS_OF, ...WAIT, "-C", dir]);
      // How long a write holds the lock here and now (the machine's load decides): the kills are spread over that span.
      const baseline = review(0, "baseline");
      const held = await lockSpan(dir, baseline.done);
      expect((await baseline.done).code).toBe(0);
      for (let i = 0; i < KILLS; i++) {
        const before = read(dir, "docs.yaml");
        const start = head(dir);
        const note = `killed ${i}`;
        const run = review(i, note);
        let exited = false;
        void run.done.then(() => (exited = true));
        // From the moment the write holds the lock, a little later each time: reading, writing, committing.
        while (!exited && !existsSync(join(dir, "tam.yaml.lock"))) await sleep(2);
        if (i % 3 === 1) {
          // Or as soon as the new file is in place: while git adds and commits it.
          while (!exited && read(dir, "docs.yaml") === before) await sleep(1);
        } else await sleep((held * 1.2 * i) / (KILLS - 1));
        if (exited) outcome.finished++;
        run.child.kill("SIGKILL");
        await run.done;
        const now = read(dir, "docs.yaml");
        expect(() => parse(now), `kill ${i}: docs.yaml must parse`).not.toThrow();
        // Old or new: the new text is the old one with exactly this review.
        if (now !== before) expect(now).toContain(`note: ${note}`);
        const commits = commitsSince(dir, start);
        expect(commits.length).toBeLessThanOrEqual(1);
        if (commits.length === 1) {
          expect(commits[0]!.files).toEqual(["docs.yaml"]);
          expect(git(dir, ["show", "HEAD"])).toContain(`note: ${note}`);
          outcome.committed++;
        } else if (now !== before) outcome.writtenNotCommitted++;
        else outcome.untouched++;
        const dirty = git(dir, ["status", "--porcelain", "--", "docs.yaml"]).trim() !== "";

        // The next write, of another file, takes over the dead lock, commits only its own file, and reports the left-over one.
        const next = await spawnTam(["task", i % 2 ? "unblock" : "block", "CHG-0004/X1", "--note", `after kill ${i}`, "--by", "Next", ...AS_OF, ...WAIT, "-C", dir]).done;
        expect(next.code, next.stderr).toBe(0);
        expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe(CHANGE);
        if (dirty) {
          expect(next.stderr).toMatch(/docs\.yaml was written by .* which stopped before committing it/);
          // A committing write of the left-over file itself refuses, naming the way out.
          const again = await spawnTam(["docs", "review", docs[0]!, "--by", "Again", "--date", "2026-11-19", ...AS_OF, "-C", dir]).done;
          expect(again.code).toBe(2);
          expect(again.stderr).toMatch(/docs\.yaml was written by[\s\S]*git checkout HEAD -- docs\.yaml[\s\S]*--include-local-changes/);
          // The way out the message gives: discard it.
          git(dir, ["checkout", "HEAD", "--", "docs.yaml"]);
        }
        expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
      }
      expect(leftovers(dir)).toEqual([]);
      // A killed write's scratch files (hooks' index and message) are swept by the next hooked write.
      expect(hookScratch(dir)).toEqual([]);
      console.log(
        `kill -9 loop: ${KILLS} kills (lock held ~${Math.round(held)} ms per write here; ${outcome.committed} after the commit${outcome.finished ? `, ${outcome.finished} of them finished before the kill` : ""}, ${outcome.writtenNotCommitted} between write and commit, ${outcome.untouched} before the write); partial files: 0; swept-in commits: 0; lost committed updates: 0`,
      );
    },
    LONG,
  );
});
