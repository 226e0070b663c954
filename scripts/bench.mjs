#!/usr/bin/env node
// npm run bench [-- --sizes S,M,L --runs 5 --seed 1 --no-write]
// Whole-process wall time (median of N runs after one warm-up) and peak RSS of tam commands on
// generated projects, side by side with floors (node -e 0; parsing the same YAML with no checks)
// and a peer (ajv-cli on the same data and schemas), as ratios taken in the same run.
// Runs are interleaved (run 1 of every command, then run 2, ...) so that a change in machine load
// shifts all figures alike. Expects a built tam (`npm run build`; the npm script does it).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { AS_OF, BIG_CHANGE, SIZES } from "./generate-project.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TAM = join(ROOT, "bin", "tam.js");
const NODE = process.execPath;
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

function parseArgs(argv) {
  const args = { sizes: ["XS", "S", "M", "L"], runs: 5, seed: 1, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--sizes") args.sizes = argv[++i].split(",").map((s) => s.trim().toUpperCase());
    else if (a === "--runs") args.runs = Number(argv[++i]);
    else if (a === "--seed") args.seed = Number(argv[++i]);
    else if (a === "--no-write") args.write = false;
    else throw new Error(`unknown argument ${a} (use --sizes S,M,L --runs 5 --seed 1 --no-write)`);
  }
  for (const size of args.sizes) if (!SIZES[size] && size !== "XS") throw new Error(`unknown size ${size} (XS, ${Object.keys(SIZES).join(", ")})`);
  if (!(args.runs >= 1)) throw new Error("--runs must be at least 1");
  return args;
}

const log = (text) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------- projects (cached)
function generatorHash() {
  const hash = createHash("sha256");
  for (const file of ["generate-project.mjs"]) hash.update(readFileSync(join(ROOT, "scripts", file)));
  return hash.digest("hex").slice(0, 10);
}

/** XS is the bundled example itself (the realistic size: 30 components, 57 incidents), in a git repository of its own. */
const XS = { change: "CHG-0003", asOf: "2026-11-20", period: "2026-10" };
const XS_MIN_RUNS = 11;

function projectFor(size, seed) {
  if (size === "XS") return exampleRepository();
  const base = join(tmpdir(), "tam-bench");
  const dir = join(base, `${size}-seed${seed}-${generatorHash()}`);
  const done = `${dir}.ok`;
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  log(`generating ${size} into ${dir} ...`);
  const started = Date.now();
  const result = spawnSync(NODE, [join(ROOT, "scripts", "generate-project.mjs"), "--size", size, "--out", dir, "--seed", String(seed), "--git"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`generating ${size} failed`);
  log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  writeFileSync(done, "");
  return dir;
}

function exampleRepository() {
  const dir = join(tmpdir(), "tam-bench", `XS-${generatorHash()}`);
  if (existsSync(`${dir}.ok`)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(join(ROOT, "examples", "northwind"), dir, { recursive: true });
  const git = (...args) =>
    spawnSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: "2026-01-05T10:00:00Z",
        GIT_COMMITTER_DATE: "2026-01-05T10:00:00Z",
        GIT_AUTHOR_NAME: "bench",
        GIT_AUTHOR_EMAIL: "bench@example.com",
        GIT_COMMITTER_NAME: "bench",
        GIT_COMMITTER_EMAIL: "bench@example.com",
      },
    });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "Northwind");
  writeFileSync(`${dir}.ok`, "");
  return dir;
}

/** JSON copies of the YAML files for ajv-cli (its YAML reader, js-yaml 3, turns timestamps into Dates). */
function jsonCopies(project) {
  const dir = `${project}-json`;
  if (existsSync(`${dir}.ok`)) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const folder of ["", "changes", "incidents"]) {
    mkdirSync(join(dir, folder), { recursive: true });
    for (const name of readdirSync(join(project, folder)).filter((f) => /\.yaml$/.test(f))) {
      writeFileSync(join(dir, folder, name.replace(/\.yaml$/, ".json")), JSON.stringify(parse(readFileSync(join(project, folder, name), "utf8"))));
    }
  }
  writeFileSync(`${dir}.ok`, "");
  return dir;
}

// ---------------------------------------------------------------- running
/** One whole process: wall time around spawnSync, peak RSS from /usr/bin/time. */
function runOnce(argv, { cwd = ROOT, env = process.env } = {}) {
  const [cmd, ...args] = TIME ? [TIME, "-f", "%M", ...argv] : argv;
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let stderr = result.stderr ?? "";
  let rssKb;
  if (TIME) {
    const lines = stderr.trimEnd().split("\n");
    rssKb = Number(lines.pop());
    stderr = lines.join("\n");
  }
  // TAM_TIMINGS=1 (src/launch.ts): when tam's code started, how long loading it and running the command took.
  const timingsLine = stderr.split("\n").find((line) => line.startsWith("tam-timings "));
  const timings = timingsLine ? JSON.parse(timingsLine.slice("tam-timings ".length)) : undefined;
  return { ms, rssKb, status: result.status, stdout: result.stdout ?? "", stderr, error: result.error, timings };
}

/** A command is available when `tam <words> --help` prints its own usage (commander prints the top help for unknown ones). */
function helpOf(words) {
  const result = spawnSync(NODE, [TAM, ...words, "--help"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return result.status === 0 && result.stdout.startsWith(`Usage: tam ${words.join(" ")} `) ? result.stdout : undefined;
}

function tamItems(project, size) {
  const xs = size === "XS";
  const change = xs ? XS.change : BIG_CHANGE;
  const asOfDate = xs ? XS.asOf : AS_OF;
  const timed = { ...process.env, TAM_TIMINGS: "1" };
  const items = [{ key: "version", label: "tam --version", argv: [NODE, TAM, "--version"], env: timed }];
  const add = (key, words, extra, { table = false } = {}) => {
    const help = helpOf(words);
    const label = `tam ${words.join(" ")}${table ? " (table)" : ""}`;
    if (!help) items.push({ key, label, unavailable: true });
    else items.push({ key, label, argv: [NODE, TAM, ...words, "-C", project, ...extra(help)], json: !table && help.includes("json"), env: timed });
  };
  const format = (help) => (/--format/.test(help) && /json/.test(help) ? ["--format", "json"] : []);
  const asOf = (help) => (/--as-of/.test(help) ? ["--as-of", asOfDate] : []);
  add("validate", ["validate"], format);
  add("plan", ["change", "plan"], (help) => [change, ...format(help), ...asOf(help)]);
  add("docs", ["docs", "check"], (help) => [...format(help), ...asOf(help), ...(/never/.test(help) ? ["--fail-on", "never"] : [])]);
  add("sla", ["sla", "report"], (help) => [...format(help), ...asOf(help), ...(xs ? ["--period", XS.period] : /--from/.test(help) ? ["--from", "2025-01-01", "--to", "2026-12-31"] : [])]);
  add("report", ["report"], (help) => [
    ...format(help),
    ...asOf(help),
    ...(xs ? ["--period", XS.period] : /--from/.test(help) ? ["--from", "2026-10-01", "--to", "2026-12-31"] : /--period/.test(help) ? ["--period", "2026-12"] : []),
  ]);
  if (!xs && helpOf(["task", "start"])) {
    // A department engineer's update (issue 26.2: ≤ 0.5 × validate): the change file is put back before each run (untimed).
    const start = startableTask(project);
    if (start) {
      items.push({
        key: "taskStart",
        label: "tam task start --no-commit",
        argv: [NODE, TAM, "task", "start", start.ref, "--no-commit", "--as-of", asOfDate, "-C", project, ...(start.force ? ["--force", "--reason", "bench"] : [])],
        env: timed,
        restore: { path: start.path, text: readFileSync(start.path, "utf8") },
      });
    }
  }
  if (xs) {
    // What a TAM runs at the terminal, as they run it: the default (table) output.
    add("status", ["status"], asOf, { table: true });
    add("risks", ["arch", "risks"], asOf, { table: true });
    add("planTable", ["change", "plan"], (help) => [change, ...asOf(help)], { table: true });
    add("graph", ["arch", "graph"], format);
    // What the shell completion runs on every Tab.
    add("complete", ["__complete"], () => ["change"]);
    // The same commands from the ES modules of dist/, not the bundle (src/launch.ts): what the bundle saves.
    for (const item of [...items]) {
      if (item.argv) items.push({ ...item, key: `${item.key}Esm`, label: `${item.label} [ES modules]`, env: { ...timed, TAM_NO_BUNDLE: "1" }, esm: true });
    }
  }
  return items;
}

function peerItem(project) {
  const json = jsonCopies(project);
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("ajv-cli/package.json");
  const bin = join(dirname(pkg), JSON.parse(readFileSync(pkg, "utf8")).bin.ajv);
  const schema = (name) => join(ROOT, "schemas", `${name}.schema.json`);
  // ajv-cli takes one schema per process: one process per file kind, as a CI job would run it.
  const groups = [
    ["tam", "tam.json"],
    ["departments", "departments.json"],
    ["architecture", "architecture.json"],
    ["docs", "docs.json"],
    ["change", "changes/*.json"],
    ["incidents", "incidents/*.json"],
  ];
  return {
    key: "peer",
    label: "peer: ajv-cli (6 processes)",
    runs: groups.map(([name, data]) => ({ argv: [NODE, bin, "validate", "--spec=draft2020", "--all-errors", "--allow-union-types", "--errors=json", "-s", schema(name), "-d", data], cwd: json })),
  };
}

function itemsFor(project, size) {
  const node = { key: "node", label: "floor: node -e 0", argv: [NODE, "-e", "0"] };
  if (size === "XS") return [node, ...tamItems(project, size)];
  jsonCopies(project);
  const floor = (which, parser) => [NODE, join(ROOT, "scripts", "bench-floor.mjs"), project, which, parser];
  return [
    node,
    { key: "parse", label: "floor: parse all YAML (yaml)", argv: floor("all", "yaml") },
    { key: "parseFast", label: "floor: parse all YAML (js-yaml)", argv: floor("all", "js-yaml") },
    { key: "parseTam", label: "floor: parse all YAML (tam's reader)", argv: floor("all", "tam") },
    { key: "parseJson", label: "floor: JSON.parse of the same data", argv: floor("all", "json") },
    { key: "incidents", label: "floor: load incidents (yaml)", argv: floor("incidents", "yaml") },
    { key: "incidentsFast", label: "floor: load incidents (js-yaml)", argv: floor("incidents", "js-yaml") },
    { key: "incidentsTam", label: "floor: load incidents (tam's reader)", argv: floor("incidents", "tam") },
    { key: "project", label: "floor: load project (plan files, js-yaml)", argv: floor("plan", "js-yaml") },
    peerItem(project),
    ...tamItems(project, size),
  ];
}

/** A todo task of a running change whose predecessors are done (else the first todo task of one, started with --force). */
function startableTask(project) {
  let fallback;
  for (const name of readdirSync(join(project, "changes")).sort()) {
    const path = join(project, "changes", name);
    const change = parse(readFileSync(path, "utf8"));
    if (change?.status !== "in-progress" || !Array.isArray(change.tasks)) continue;
    const done = new Set(change.tasks.filter((t) => t.status === "done" || t.status === "cancelled").map((t) => t.id));
    for (const task of change.tasks) {
      if (task.status !== "todo") continue;
      const ref = `${change.id}/${task.id}`;
      if ((task.after ?? []).every((id) => done.has(id))) return { ref, path };
      fallback ??= { ref, path, force: true };
    }
  }
  return fallback;
}

function runItem(item) {
  // A write is measured on the file as generated, which is put back after it too (the other commands read it).
  if (!item.restore) return runParts(item);
  writeFileSync(item.restore.path, item.restore.text);
  try {
    return runParts(item);
  } finally {
    writeFileSync(item.restore.path, item.restore.text);
  }
}

function runParts(item) {
  const parts = item.runs ?? [{ argv: item.argv, env: item.env }];
  let ms = 0;
  let rssKb = 0;
  let stdout = "";
  let timings;
  for (const part of parts) {
    const r = runOnce(part.argv, { cwd: part.cwd, env: part.env });
    timings = r.timings;
    if (r.error || r.status === null || r.status > 1) return { failed: `exit ${r.status ?? r.error?.message}: ${r.stderr.split("\n").find((l) => l.trim()) ?? ""}` };
    if (item.runs && r.status !== 0) return { failed: `${part.argv.slice(-3).join(" ")} reports invalid data: ${r.stdout.slice(0, 200)}` };
    ms += r.ms;
    rssKb = Math.max(rssKb, r.rssKb ?? 0);
    stdout = r.stdout;
  }
  return { ms, rssKb: TIME ? rssKb : undefined, stdout, timings };
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Git processes started by `tam docs check`: a `git` first on PATH that counts, then runs the real one.
 * Run twice with a cache folder of its own: the first run asks git (`count`, constant by design), the
 * second finds the history kept while HEAD has not moved (`kept`, none).
 */
function countGitProcesses(item) {
  if (item.unavailable || !item.argv) return undefined;
  const realGit = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
  const dir = join(tmpdir(), "tam-bench", `git-counter-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const counter = join(dir, "count");
  writeFileSync(counter, "");
  writeFileSync(join(dir, "git"), `#!/bin/sh\necho x >> "${counter}"\nexec "${realGit}" "$@"\n`);
  chmodSync(join(dir, "git"), 0o755);
  const env = { ...process.env, PATH: `${dir}:${process.env.PATH}`, XDG_CACHE_HOME: join(dir, "cache") };
  const starts = () => readFileSync(counter, "utf8").split("\n").filter(Boolean).length;
  const result = spawnSync(item.argv[0], item.argv.slice(1), { encoding: "utf8", maxBuffer: 1 << 30, env });
  const count = starts();
  spawnSync(item.argv[0], item.argv.slice(1), { encoding: "utf8", maxBuffer: 1 << 30, env });
  const kept = starts() - count;
  rmSync(dir, { recursive: true, force: true });
  let reported;
  try {
    reported = JSON.parse(result.stdout)?.meta?.gitProcesses;
  } catch {
    reported = undefined;
  }
  return { count, reported, kept };
}

function benchSize(size, seed, runs) {
  const project = projectFor(size, seed);
  const items = itemsFor(project, size);
  const samples = new Map(items.map((item) => [item.key, { ms: [], rss: [], nodeStart: [], load: [], run: [], by: new Set() }]));
  const failures = new Map();
  // Warm-up (also checks that every command works on this project), then `runs` interleaved rounds.
  for (let round = 0; round <= runs; round++) {
    log(`${size}: ${round === 0 ? "warm-up" : `run ${round}/${runs}`}`);
    for (const item of items) {
      if (item.unavailable || failures.has(item.key)) continue;
      const r = runItem(item);
      if (r.failed) {
        failures.set(item.key, r.failed);
        log(`  ${item.label}: FAILED ${r.failed}`);
        continue;
      }
      if (round === 0) {
        if (item.json && !isJson(r.stdout)) {
          failures.set(item.key, "--format json printed something that is not JSON");
          log(`  ${item.label}: FAILED, output is not JSON`);
        }
        continue;
      }
      const sample = samples.get(item.key);
      sample.ms.push(r.ms);
      if (r.rssKb !== undefined) sample.rss.push(r.rssKb);
      if (r.timings) {
        for (const phase of ["nodeStart", "load", "run"]) sample[phase].push(r.timings[phase]);
        sample.by.add(r.timings.by);
      }
    }
  }
  const results = {};
  for (const item of items) {
    const s = samples.get(item.key);
    results[item.key] = {
      label: item.label,
      state: item.unavailable ? "not available" : failures.has(item.key) ? `failed: ${failures.get(item.key)}` : "ok",
      ms: s.ms.length ? median(s.ms) : undefined,
      rssKb: s.rss.length ? Math.max(...s.rss) : undefined,
      esm: item.esm === true,
      timings: s.load.length ? { nodeStart: median(s.nodeStart), load: median(s.load), run: median(s.run), by: [...s.by].join(", ") } : undefined,
    };
  }
  const docsItem = items.find((i) => i.key === "docs");
  return { size, seed, runs, project, counts: SIZES[size] ?? {}, results, git: countGitProcesses(docsItem) };
}

// ---------------------------------------------------------------- report
const TARGETS = [
  { id: "version", text: "`tam --version` ≤ 1.5 × `node -e 0`", num: "version", den: "node", max: 1.5 },
  { id: "validate-peer", text: "`validate` ≤ 1 × the peer (ajv-cli), cold", num: "validate", den: "peer", max: 1 },
  { id: "validate-floor", text: "`validate` ≤ 1.5 × the fast parse floor", num: "validate", den: "parseFast", max: 1.5 },
  { id: "sla", text: "`sla report` ≤ 1.2 × the fast parse floor of the incidents", num: "sla", den: "incidentsFast", max: 1.2 },
  { id: "plan", text: `\`change plan\` (${BIG_CHANGE}, levelled with every open change) ≤ 2 × load project`, num: "plan", den: "project", max: 2 },
  { id: "docs", text: "`docs check` ≤ 2 × `validate`", num: "docs", den: "validate", max: 2 },
  { id: "taskStart", text: "`task start --no-commit` ≤ 0.5 × `validate`", num: "taskStart", den: "validate", max: 0.5 },
];

/** XS, the example: what a TAM feels at the terminal. Every read command within 2 × starting node. */
const XS_TARGETS = [
  { id: "version", text: "`tam --version` ≤ 1.5 × `node -e 0`", num: "version", den: "node", max: 1.5 },
  ...[
    ["validate", "validate"],
    ["plan", "change plan --format json"],
    ["planTable", "change plan"],
    ["status", "status"],
    ["docs", "docs check"],
    ["sla", "sla report"],
    ["report", "report"],
    ["risks", "arch risks"],
    ["graph", "arch graph"],
    ["complete", "__complete change"],
  ].map(([key, label]) => ({ id: key, text: `\`${label}\` ≤ 2 × \`node -e 0\``, num: key, den: "node", max: 2 })),
];

/** Peak memory limit of any command (issue 20: under 512 MiB on L). */
const MEMORY_LIMIT_KB = 512 * 1024;

function ratioRows(r) {
  const rows = (r.size === "XS" ? XS_TARGETS : TARGETS).map((t) => {
    const a = r.results[t.num];
    const b = r.results[t.den];
    if (a?.ms === undefined || b?.ms === undefined) return [t.text, "–", a?.state !== "ok" ? (a?.state ?? "–") : (b?.state ?? "–")];
    const ratio = a.ms / b.ms;
    const ok = t.strict ? ratio < t.max : ratio <= t.max;
    return [t.text, `${ratio.toFixed(2)}×`, ok ? "pass" : "MISS"];
  });
  const tam = Object.entries(r.results).filter(
    ([key, v]) => ["version", "validate", "plan", "planTable", "status", "risks", "graph", "complete", "docs", "sla", "report"].includes(key) && v.rssKb !== undefined,
  );
  if (tam.length) {
    const [key, worst] = tam.reduce((best, cur) => (cur[1].rssKb > best[1].rssKb ? cur : best));
    rows.push([`peak memory of any command < 512 MiB (largest: ${worst.label})`, mib(worst.rssKb), worst.rssKb < MEMORY_LIMIT_KB ? "pass" : "MISS"]);
    void key;
  }
  if (r.git)
    rows.push([
      "git processes of `docs check` (constant in docs and components; none while HEAD has not moved)",
      `${r.git.count}${r.git.reported !== undefined ? ` (tam reports ${r.git.reported})` : ""}, then ${r.git.kept}`,
      "see sizes",
    ]);
  return rows;
}

const mib = (kb) => (kb === undefined ? "–" : `${(kb / 1024).toFixed(0)} MiB`);
const secs = (ms) => (ms === undefined ? "–" : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function machine() {
  const cpu = (() => {
    try {
      return /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model;
    } catch {
      return cpus()[0]?.model;
    }
  })();
  return {
    cpu,
    cores: cpus().length,
    memoryGiB: (totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

function sizeSection(r, m, date) {
  const c = r.counts;
  const what =
    r.size === "XS"
      ? "The bundled example, examples/northwind, as a git repository of its own: 13 departments, 30 components, 5 changes, 57 incidents, 10 docs."
      : `${c.components} components, 30 departments, ${c.changes} changes of about ${c.tasks} tasks, ${c.incidents} incidents in 24 monthly files, ${c.docs} docs, ${c.commits} commits of architecture.yaml; ${BIG_CHANGE} has ${c.bigScope} components in scope. Seed ${r.seed}.`;
  const lines = [
    `### Size ${r.size}`,
    "",
    what,
    "",
    `Measured ${date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; load average at start ${m.load}. Median of ${r.runs} runs after one warm-up.`,
    "",
    table(
      ["command", "wall time (median)", "peak RSS", "state"],
      Object.values(r.results)
        .filter((v) => !v.esm)
        .map((v) => [v.label, secs(v.ms), mib(v.rssKb), v.state]),
    ),
    "",
    table(["target", "measured", "result"], ratioRows(r)),
    "",
    ...startupSection(r),
  ];
  return lines.join("\n");
}

/**
 * Where the wall time of each command goes (XS): tam's own clock (TAM_TIMINGS=1, src/launch.ts) says
 * when its code started (node's start-up and bin/tam.js), how long loading tam took and running the
 * command; the rest is the process's exit and the bench's spawning. The same command from the ES
 * modules (TAM_NO_BUNDLE=1) shows what the bundle and its code cache save.
 */
function startupSection(r) {
  const rows = Object.entries(r.results)
    .filter(([key, v]) => !v.esm && v.timings && r.results[`${key}Esm`]?.timings)
    .map(([key, v]) => {
      const esm = r.results[`${key}Esm`];
      const t = v.timings;
      return [
        v.label,
        secs(v.ms),
        secs(t.nodeStart),
        secs(t.load),
        secs(t.run),
        secs(v.ms - t.nodeStart - t.load - t.run),
        secs(esm.ms),
        secs(esm.timings.load + esm.timings.run),
        secs(esm.ms - v.ms),
      ];
    });
  if (!rows.length) return [];
  const by = [
    ...new Set(
      Object.values(r.results)
        .filter((v) => !v.esm && v.timings)
        .map((v) => v.timings.by),
    ),
  ].join(", ");
  return [
    `Start-up per command (medians of the same runs; tam loaded as: ${by}):`,
    "",
    table(["command", "wall", "node start", "load tam", "run the command", "exit, spawn", "wall, ES modules", "load + run, ES modules", "bundle saves"], rows),
    "",
  ];
}

const DOC = join(ROOT, "docs", "benchmarks.md");
const marker = (size, end) => `<!-- bench:${size}${end ? ":end" : ""} -->`;

function writeDoc(sections) {
  let text = existsSync(DOC)
    ? readFileSync(DOC, "utf8")
    : `# Benchmarks\n\n${marker("XS")}\n${marker("XS", true)}\n\n${marker("S")}\n${marker("S", true)}\n\n${marker("M")}\n${marker("M", true)}\n\n${marker("L")}\n${marker("L", true)}\n`;
  for (const [size, body] of sections) {
    const start = text.indexOf(marker(size));
    const end = text.indexOf(marker(size, true));
    if (start < 0 || end < 0) text += `\n${marker(size)}\n${body}${marker(size, true)}\n`;
    else text = `${text.slice(0, start + marker(size).length)}\n${body}${text.slice(end)}`;
  }
  writeFileSync(DOC, text);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("tam is not built: run `npm run build` (or `npm run bench`, which builds first)");
  if (!TIME) log("note: /usr/bin/time not found; peak memory is not measured");
  const m = machine();
  const date = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const sections = [];
  for (const size of args.sizes) {
    // XS: commands of ~0.15 s whose targets are ratios a few per cent from their line, on a machine
    // whose noise is larger than that: at least 11 interleaved rounds (about a minute) for a stable median.
    const r = benchSize(size, args.seed, size === "XS" ? Math.max(args.runs, XS_MIN_RUNS) : args.runs);
    const section = sizeSection(r, m, date);
    process.stdout.write(`\n${section}\n`);
    if (r.git) process.stdout.write(`git processes started by docs check on ${size}: ${r.git.count}, then ${r.git.kept} while HEAD has not moved\n`);
    sections.push([size, section]);
  }
  if (args.write) {
    writeDoc(sections);
    log(`wrote ${DOC}`);
  }
}

try {
  main();
} catch (error) {
  log(`bench: ${error.message}`);
  process.exit(2);
}
