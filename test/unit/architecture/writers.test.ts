// Every write of a project file goes through the write transaction (src/project/transaction.ts):
// checked over src/'s real text, so a new writer that opens its own path to the disk or to git fails here.
// Besides the transaction, only these write: its own building blocks (the atomic write, the lock,
// the journal of uncommitted writes), init's scaffolding of a new project (its first commit), and
// output files the user names (report -o, schema --write), which are not project files.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "../../helpers/source-files.js";

const files = sourceFiles(SRC).map((path) => ({ rel: relative(SRC, path), text: readFileSync(path, "utf8") }));

/** Node's calls that change the file system. */
const FS_WRITE = /\b(writeFileSync|writeFile|appendFileSync|appendFile|writeSync|renameSync|createWriteStream|copyFileSync|cpSync|rmSync|unlinkSync|truncateSync|mkdirSync|symlinkSync|chmodSync)\s*\(/;
/** Running git at all: through simple-git or a child process. */
const RUNS_GIT = /from\s+["']simple-git["']|(execFile|spawn|spawnSync|execFileSync|exec)\(\s*["']git["']/;

describe("every project write goes through the transaction", () => {
  it("only the transaction's building blocks and init's scaffolding call file-system writes", () => {
    // launch.ts writes the code cache into the user's cache folder, cache-file.ts the memos there
    // (the zone offsets learned from Intl, the git history of a repository whose HEAD has not
    // moved, the findings of an unchanged project), portfolio-cache.ts the clones of the
    // portfolio's git URLs: never a project file.
    const allowed = ["project/write.ts", "project/write-lock.ts", "project/write-journal.ts", "app/init.ts", "launch.ts", "project/portfolio-cache.ts", "project/cache-file.ts"];
    const writers = files.filter((f) => FS_WRITE.test(f.text)).map((f) => f.rel);
    expect(writers.sort()).toEqual(allowed.filter((rel) => writers.includes(rel)).sort());
    // The check can fail: the atomic write itself is found.
    expect(writers).toContain("project/write.ts");
  });

  it("only the transaction, the journal, init and user-named outputs use the atomic write", () => {
    const importers = files.filter((f) => /from\s+["'][./]*(project\/)?write\.js["']/.test(f.text)).map((f) => f.rel);
    // Commands write the files a user names (report -o, validate --output, change dispatch -o) through
    // app/output-file.ts, which is project/output-file.ts's writeOutputFile.
    expect(importers.sort()).toEqual(["app/init.ts", "app/schemas.ts", "project/output-file.ts", "project/transaction.ts", "project/write-journal.ts"]);
  });

  it("only the transaction and init commit (git.ts holds the commands both use)", () => {
    const committers = files.filter((f) => /\b(commitExactly|commitFiles)\s*\(/.test(f.text) && f.rel !== "project/git.ts").map((f) => f.rel);
    // init --adopt makes the first commit of an existing project folder, as init does of a new one.
    expect(committers.sort()).toEqual(["app/init-adopt.ts", "app/init.ts", "project/transaction.ts"]);
    // Git runs in git.ts; elsewhere only to read (log and a streamed cat-file for the docs' freshness).
    const gitRunners = files.filter((f) => RUNS_GIT.test(f.text)).map((f) => f.rel);
    expect(gitRunners.sort()).toEqual(["project/git.ts", "project/history.ts"]);
    for (const reader of gitRunners.filter((rel) => rel !== "project/git.ts")) {
      expect(files.find((f) => f.rel === reader)!.text, reader).not.toMatch(/["'](commit|add|rm|mv|reset|checkout|update-index|update-ref|stash|merge|push)["']/);
    }
  });
});
