#!/usr/bin/env node
// The portfolio size of the benchmark (issue 31): N client projects of size S (one generated project,
// copied with its git history), `tam portfolio --format json` over all of them against
// `tam status --format json` run in each project one after another. Prints wall time and peak memory.
//   npm run build && node scripts/bench-portfolio.mjs [--projects 300] [--runs 3] [--dir /tmp/tam-bench-portfolio]
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AS_OF } from "./generate-project.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/tam.js");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const args = { projects: 300, runs: 3, dir: "/tmp/tam-bench-portfolio" };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--projects") args.projects = Number(argv[++i]);
  else if (argv[i] === "--runs") args.runs = Number(argv[++i]);
  else if (argv[i] === "--dir") args.dir = argv[++i];
  else throw new Error(`unknown argument ${argv[i]} (use --projects 300 --runs 3 --dir DIR)`);
}

function clients() {
  const marker = join(args.dir, `.ok-${args.projects}`);
  const names = Array.from({ length: args.projects }, (_, i) => `client-${String(i).padStart(4, "0")}`);
  if (existsSync(marker)) return names.map((name) => join(args.dir, name));
  rmSync(args.dir, { recursive: true, force: true });
  mkdirSync(args.dir, { recursive: true });
  const first = join(args.dir, names[0]);
  const made = spawnSync(process.execPath, [join(ROOT, "scripts/generate-project.mjs"), "--size", "S", "--out", first, "--seed", "1", "--git"], { stdio: "ignore" });
  if (made.status !== 0) throw new Error("generating the S project failed");
  for (const name of names.slice(1)) cpSync(first, join(args.dir, name), { recursive: true });
  writeFileSync(marker, "");
  return names.map((name) => join(args.dir, name));
}

/** One command: wall milliseconds and the peak memory of the largest process (/usr/bin/time %M). */
function run(command) {
  const [cmd, ...rest] = TIME ? [TIME, "-f", "%M", ...command] : command;
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd, rest, { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = TIME ? Number((result.stderr ?? "").trimEnd().split("\n").pop()) : undefined;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command.join(" ")} exited ${result.status}: ${result.stderr}`);
  return { ms, rssKb };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dirs = clients();
const portfolio = [];
const sequential = [];
for (let round = 0; round <= args.runs; round++) {
  const p = run([process.execPath, BIN, "portfolio", ...dirs, "--as-of", AS_OF, "--format", "json"]);
  let ms = 0;
  let rssKb = 0;
  for (const dir of dirs) {
    const s = run([process.execPath, BIN, "status", "-C", dir, "--as-of", AS_OF, "--format", "json"]);
    ms += s.ms;
    rssKb = Math.max(rssKb, s.rssKb ?? 0);
  }
  // Round 0 warms the file cache.
  if (round === 0) continue;
  portfolio.push(p);
  sequential.push({ ms, rssKb });
}
const pMs = median(portfolio.map((r) => r.ms));
const sMs = median(sequential.map((r) => r.ms));
console.log(`${args.projects} client projects of size S, ${args.runs} runs (medians):`);
console.log(`  tam portfolio --format json          ${(pMs / 1000).toFixed(2)} s, peak ${TIME ? `${(median(portfolio.map((r) => r.rssKb)) / 1024).toFixed(0)} MiB` : "?"}`);
console.log(`  tam status --format json, each       ${(sMs / 1000).toFixed(2)} s, peak ${TIME ? `${(median(sequential.map((r) => r.rssKb)) / 1024).toFixed(0)} MiB` : "?"} (one process at a time)`);
console.log(`  ratio                                ${(pMs / sMs).toFixed(2)} (target ≤ 0.30)`);
console.log(`  (${readdirSync(args.dir).length - 1} folders in ${args.dir})`);
