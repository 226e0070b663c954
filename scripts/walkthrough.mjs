#!/usr/bin/env node
// Prints the README's walkthrough: runs the real commands (built tam) in a temporary folder and
// writes markdown with their output, trimmed. Regenerate after a change to the output with
//   npm run build && node scripts/walkthrough.mjs > /tmp/walkthrough.md
// and paste it between the walkthrough markers in README.md.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(new URL("..", import.meta.url).pathname);
const bin = join(repo, "bin/tam.js");
const work = mkdtempSync(join(tmpdir(), "tam-walkthrough-"));
// Fixed identity and dates: the commit hashes in the output are the same on every run.
const env = {
  ...process.env,
  NO_COLOR: "1",
  TZ: "UTC",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Irina Petrova",
  GIT_AUTHOR_EMAIL: "irina@example.com",
  GIT_COMMITTER_NAME: "Irina Petrova",
  GIT_COMMITTER_EMAIL: "irina@example.com",
  GIT_AUTHOR_DATE: "2026-11-20T10:00:00+03:00",
  GIT_COMMITTER_DATE: "2026-11-20T10:00:00+03:00",
};

const out = [];
function shell(cwd, command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd, env: { ...env, ...extraEnv }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${result.stderr}`);
}
/** Runs `tam …`, records the command line and up to `keep` lines of its output. */
function tam(cwd, shown, args, keep = 14) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: "utf8" });
  const lines = `${result.stdout}${result.stderr}`.trimEnd().split("\n");
  const kept = lines.length > keep ? [...lines.slice(0, keep), `… (${lines.length - keep} more lines)`] : lines;
  out.push(`$ ${shown}`, ...kept, "");
}
const quote = (a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
const step = (cwd, args, keep) => tam(cwd, ["tam", ...args].map(quote).join(" "), args, keep);

try {
  step(work, ["init", "acme", "--client", "ACME Corp", "--tam", "Irina Petrova", "--timezone", "Europe/Moscow", "--yes"]);
  // The rest runs on a copy of the bundled example: a landscape, incidents and docs to talk about.
  const nw = join(work, "northwind");
  cpSync(join(repo, "examples/northwind"), nw, { recursive: true });
  shell(nw, "git", ["init", "-q", "--initial-branch=main"]);
  shell(nw, "git", ["add", "."]);
  // Committed today, after the docs' reviews: the commit that adds architecture.yaml is the
  // starting point of documentation freshness, not a change, so no doc is stale for it.
  shell(nw, "git", ["-c", "user.name=Irina Petrova", "commit", "-q", "-m", "Northwind landscape"]);
  // Shown as a reader types it: tam commits its changes, so the copy must be a git repository.
  out.push("$ cp -R path/to/tam/examples/northwind northwind && cd northwind", "$ git init -q && git add . && git commit -q -m 'Northwind landscape'", "");
  const asOf = ["--as-of", "2026-11-20"];
  step(nw, [
    "change",
    "new",
    "--title",
    "Redis for shop sessions",
    "--type",
    "normal",
    "--due",
    "2026-12-15",
    "--new-component",
    "shop-redis:redis:Redis for sessions:app-os",
    "--rollback",
    "Remove the VM",
    "--yes",
    ...asOf,
  ]);
  step(nw, ["change", "plan", "CHG-0003", "--write", ...asOf], 18);
  // Go/no-go before the client approves: every item passes or fails and says why.
  step(nw, ["change", "check", "CHG-0003", ...asOf]);
  // The approval names the client's decision maker (can_approve in tam.yaml); it freezes the promise.
  step(nw, ["change", "approve", "CHG-0003", "--by", "Dmitry Sokolov", "--via", "client", ...asOf], 3);
  step(nw, ["change", "approve", "CHG-0003", "--by", "Elena Smirnova", "--via", "client", "--note", "e-mail of 2026-11-20", "--as-of", "2026-11-20T11:00:00+03:00"]);
  step(nw, ["task", "start", "CHG-0003/T1", "--by", "Oleg Smirnov", "--as-of", "2026-11-23T09:30:00+03:00"]);
  step(nw, ["task", "done", "CHG-0003/T1", "--note", "VLAN 130 configured", "--by", "Oleg Smirnov", "--as-of", "2026-11-23T16:05:00+03:00"]);
  // A change with no plan cannot be approved: the client would approve a promise that does not exist.
  step(nw, ["change", "approve", "CHG-0007", "--by", "Elena Smirnova", ...asOf], 3);
  step(nw, ["change", "notify", "CHG-0002", "--format", "text", "--by", "Anna Volkova", ...asOf], 16);
  step(nw, ["docs", "check", ...asOf], 16);
  step(nw, ["sla", "report", "--period", "2026-10", ...asOf], 16);
  step(nw, ["report", "--period", "2026-10", ...asOf], 20);
  process.stdout.write(`\`\`\`console\n${out.join("\n").trimEnd()}\n\`\`\`\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
