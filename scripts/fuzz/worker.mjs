// Fuzz worker: for each case, mutate 1-3 files of a fresh copy of the example, run every
// command in-process with a captured output, and report anything but a clean result or a
// known error (usage, project, git) as a failure.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { MUTATION_NAMES, MUTATIONS, prng } from "./mutations.mjs";

const { repo, example, seed, count, start, perCase } = workerData;
const dist = (path) => new URL(`file://${join(repo, "dist", path)}`).href;
const errors = await import(dist("errors.js"));
const AS_OF = "2026-11-20";

/** Commands under test; those whose module is not built yet are skipped. */
const COMMANDS = [
  { name: "validate", module: "commands/validate.js", fn: "runValidate", formats: ["pretty", "json", "github", "sarif", "junit", "codeclimate"], options: (format) => [{ format, failOn: "error" }] },
  { name: "docs check", module: "commands/docs-check.js", fn: "runDocsCheck", formats: ["table", "markdown", "json", "github"], options: (format) => [{ format, failOn: "stale", asOf: AS_OF }] },
  { name: "arch risks", module: "commands/arch-risks.js", fn: "runArchRisks", formats: ["table", "markdown", "json"], options: (format) => [{ format, asOf: AS_OF }] },
  { name: "arch graph", module: "commands/arch-graph.js", fn: "runArchGraph", formats: ["mermaid", "dot", "json"], options: (format) => [{ format }] },
  { name: "change plan", module: "commands/change-plan.js", fn: "runChangePlan", formats: ["table", "markdown", "json", "mermaid"], options: (format, random) => [random.pick(["CHG-0001", "CHG-0002", "CHG-0003", "CHG-0004", "CHG-0005"]), { format, asOf: AS_OF }] },
  { name: "status", module: "commands/status.js", fn: "runStatus", formats: ["table", "markdown", "json"], options: (format) => [{ format, asOf: AS_OF }] },
  { name: "sla report", module: "commands/sla-report.js", fn: "runSlaReport", formats: ["table", "markdown", "json", "csv"], options: (format, random) => [{ format, period: random.pick(["2026-08", "2026-09", "2026-10", "2026-11"]), by: random.pick(["priority", "department", "component"]), asOf: AS_OF }] },
  { name: "report", module: "commands/report.js", fn: "runReport", formats: ["markdown", "json"], options: (format) => [{ format, period: "2026-10", asOf: AS_OF }] },
];
const available = [];
for (const command of COMMANDS) {
  try {
    const module = await import(dist(command.module));
    if (typeof module[command.fn] === "function") available.push({ ...command, run: module[command.fn] });
  } catch {
    // not built on this branch yet
  }
}
parentPort.postMessage({ type: "commands", names: available.map((c) => c.name) });

const files = (dir, prefix = "") =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, join(prefix, e.name)) : /\.ya?ml$/.test(e.name) ? [join(prefix, e.name)] : [],
  );
const yamlFiles = files(example).sort();

const known = (error) => error instanceof errors.UsageError || error instanceof errors.ProjectError || error instanceof errors.GitError;

for (let i = start; i < start + count; i++) {
  const caseSeed = (seed + i) >>> 0;
  const random = prng(caseSeed);
  const dir = mkdtempSync(join(tmpdir(), "tam-fuzz-"));
  cpSync(example, dir, { recursive: true });
  const applied = [];
  for (let n = 1 + random.int(3); n > 0; n--) {
    const file = random.pick(yamlFiles);
    const name = random.pick(MUTATION_NAMES);
    const path = join(dir, file);
    writeFileSync(path, MUTATIONS[name](readFileSync(path), random));
    applied.push(`${name}(${file})`);
  }
  parentPort.postMessage({ type: "start", i, seed: caseSeed, applied });
  const failures = [];
  // validate always; then all other commands, or `perCase` of them picked at random (the short run).
  const others = available.slice(1);
  const chosen = perCase >= others.length ? others : Array.from({ length: perCase }, () => others.splice(random.int(others.length), 1)[0]);
  for (const command of [available[0], ...chosen]) {
    const format = random.pick(command.formats);
    const captured = { out: "", err: "" };
    const output = { out: (t) => (captured.out += t), err: (t) => (captured.err += t) };
    try {
      const code = await command.run({ project: dir, color: false }, ...command.options(format, random), output);
      if (![0, 1].includes(code)) failures.push(`${command.name} --format ${format}: exit ${code}`);
      if (/internal error/.test(captured.err)) failures.push(`${command.name} --format ${format}: internal error on stderr`);
      if (format === "json" && code !== 2) JSON.parse(captured.out);
    } catch (error) {
      if (!known(error)) failures.push(`${command.name} --format ${format}: uncaught ${error?.name ?? typeof error}: ${String(error?.message ?? error).split("\n")[0]}\n${error?.stack ?? ""}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  parentPort.postMessage({ type: "done", i, seed: caseSeed, applied, failures });
}
