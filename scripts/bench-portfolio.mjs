#!/usr/bin/env node
// The portfolio size of the benchmark (issue 31): N client projects of size S (one generated project,
// copied with its git history), `tam portfolio --format json` over all of them against
// `tam status --format json` run in each project one after another. Prints wall time, CPU time (user +
// system, the children's included) and peak memory, for each way of reading the projects: worker
// threads (the default), child processes, and one thread (TAM_PORTFOLIO_POOL=processes|none).
//   npm run build && node scripts/bench-portfolio.mjs [--projects 300] [--runs 3] [--dir /tmp/tam-bench-portfolio] [--pools threads,processes,none]
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AS_OF } from "./generate-project.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/tam.js");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const args = { projects: 300, runs: 3, dir: "/tmp/tam-bench-portfolio", pools: ["threads", "processes", "none"] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--projects") args.projects = Number(argv[++i]);
  else if (argv[i] === "--runs") args.runs = Number(argv[++i]);
  else if (argv[i] === "--dir") args.dir = argv[++i];
  else if (argv[i] === "--pools") args.pools = argv[++i].split(",");
  else throw new Error(`unknown argument ${argv[i]} (use --projects 300 --runs 3 --dir DIR --pools threads,processes,none)`);
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

/** One command: wall and CPU milliseconds (user + system, children included) and the peak memory of the largest process (/usr/bin/time). */
function run(command, env = {}) {
  const [cmd, ...rest] = TIME ? [TIME, "-f", "%U %S %M", ...command] : command;
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd, rest, { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const [user, system, rssKb] = TIME ? (result.stderr ?? "").trimEnd().split("\n").pop().split(" ").map(Number) : [];
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command.join(" ")} exited ${result.status}: ${result.stderr}`);
  return { ms, cpuMs: TIME ? (user + system) * 1000 : undefined, rssKb };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dirs = clients();
const portfolio = Object.fromEntries(args.pools.map((pool) => [pool, []]));
const sequential = [];
for (let round = 0; round <= args.runs; round++) {
  const p = Object.fromEntries(args.pools.map((pool) => [pool, run([process.execPath, BIN, "portfolio", ...dirs, "--as-of", AS_OF, "--format", "json"], { TAM_PORTFOLIO_POOL: pool })]));
  let ms = 0;
  let cpuMs = 0;
  let rssKb = 0;
  for (const dir of dirs) {
    const s = run([process.execPath, BIN, "status", "-C", dir, "--as-of", AS_OF, "--format", "json"]);
    ms += s.ms;
    cpuMs += s.cpuMs ?? 0;
    rssKb = Math.max(rssKb, s.rssKb ?? 0);
  }
  // Round 0 warms the file cache.
  if (round === 0) continue;
  for (const pool of args.pools) portfolio[pool].push(p[pool]);
  sequential.push({ ms, cpuMs, rssKb });
}
const sMs = median(sequential.map((r) => r.ms));
const sCpu = median(sequential.map((r) => r.cpuMs));
const mib = (runs) => (TIME ? `${(median(runs.map((r) => r.rssKb)) / 1024).toFixed(0)} MiB` : "?");
console.log(`${args.projects} client projects of size S, ${args.runs} runs (medians), ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}:`);
console.log(`  tam status --format json, each one after another   wall ${(sMs / 1000).toFixed(2)} s, CPU ${(sCpu / 1000).toFixed(2)} s, peak ${mib(sequential)}`);
for (const pool of args.pools) {
  const runs = portfolio[pool];
  const pMs = median(runs.map((r) => r.ms));
  const pCpu = median(runs.map((r) => r.cpuMs));
  console.log(
    `  tam portfolio --format json, pool ${pool.padEnd(9)}       wall ${(pMs / 1000).toFixed(2)} s (${(pMs / sMs).toFixed(2)}x), CPU ${(pCpu / 1000).toFixed(2)} s (${(pCpu / sCpu).toFixed(2)}x), peak ${mib(runs)}`,
  );
}
console.log("  target: portfolio wall <= 0.30x the statuses one after another; peak < 512 MiB");
