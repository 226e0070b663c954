// Fuzz worker: for each case, mutate 1-3 files of a fresh copy of the example (and sometimes the
// file system: broken or looping links, a folder where a file belongs, an unreadable file), then
// run tam in-process, the whole CLI through main() with captured output: every reading command,
// and commands with fuzzed argument values. A failure is an exit code other than 0/1/2, "internal
// error", an uncaught exception, invalid JSON from --format json, or a raw control, bidi or
// invisible format character on stdout or stderr.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { MUTATION_NAMES, MUTATIONS, prng } from "./mutations.mjs";

const { repo, example, seed, count, start, perCase } = workerData;
const dist = (path) => new URL(`file://${join(repo, "dist", path)}`).href;
const { main } = await import(dist("cli.js"));
const { hasUnsafeCharacters } = await import(dist("format/text.js"));
const AS_OF = ["--as-of", "2026-11-20"];

// --- argument values: valid-looking, out of range, malformed, hostile ---
const DATES = [
  "2026-11-20",
  "2026-02-29",
  "2024-02-29",
  "0050-01-01",
  "0999-12-31",
  "1000-01-01",
  "9999-12-31",
  "10000-01-01",
  "2026-13-01",
  "2026-11-20T10:00:00+03:00",
  "2026-11-20T10:00:00",
  "0001-01-01T00:00:00Z",
  "yesterday",
  "",
  "2026-11-20\u202e",
  "\u001b[2J",
];
const PERIODS = ["2026-10", "2026-00", "2026-13", "0000-10", "1000-01", "1000-02", "9999-12", "10000-01", "26-10", "\u2066x"];
const TEXT = ["ok", "", " ", "\u001b[2J\u001b]0;pwned\u0007", "\u202eevil", "a\u0000b", "<script>alert(1)</script>", "x".repeat(70_000), "--format", "-C", "\r\nnext"];
const IDS = {
  change: ["CHG-0001", "CHG-0003", "CHG-9999", "chg-0001", "CHG-\u001b[31m", "", "../../etc/passwd", "x".repeat(5000)],
  incident: ["INC-0001", "INC-0051", "INC-9999", "\u202eINC"],
  doc: ["network", "db-runbook", "nope", "\u0007"],
};
const FORMATS = ["table", "json", "markdown", "mermaid", "dot", "csv", "github", "sarif", "junit", "pretty", "yaml", "\u001b[2J"];

/** Reading commands in their formats (the valid-argument runs). */
const READERS = [
  { name: "validate", args: () => ["validate"], formats: ["pretty", "json", "github", "sarif", "junit", "codeclimate"] },
  { name: "docs check", args: () => ["docs", "check", ...AS_OF], formats: ["table", "markdown", "json", "github"] },
  { name: "arch risks", args: () => ["arch", "risks", ...AS_OF], formats: ["table", "markdown", "json"] },
  { name: "arch graph", args: () => ["arch", "graph"], formats: ["mermaid", "dot", "json"] },
  { name: "change plan", args: (r) => ["change", "plan", r.pick(["CHG-0001", "CHG-0002", "CHG-0003", "CHG-0004", "CHG-0005"]), ...AS_OF], formats: ["table", "markdown", "json", "mermaid"] },
  { name: "status", args: () => ["status", ...AS_OF], formats: ["table", "markdown", "json"] },
  {
    name: "sla report",
    args: (r) => ["sla", "report", "--period", r.pick(["2026-08", "2026-09", "2026-10", "2026-11"]), "--by", r.pick(["priority", "department", "component"]), ...AS_OF],
    formats: ["table", "markdown", "json", "csv"],
  },
  { name: "report", args: () => ["report", "--period", "2026-10", ...AS_OF], formats: ["markdown", "json"] },
  { name: "completion ids", args: (r) => ["__complete", r.pick(["changes", "tasks", "docs", "incidents", "departments", "nonsense"])], formats: [] },
];

/** Every command with fuzzed option values (writers with --no-commit, on the throwaway copy). */
const ARGUMENT_FUZZ = [
  (r) => ["validate", "--format", r.pick(FORMATS), "--fail-on", r.pick(["error", "warning", "info", "fatal", ""])],
  (r) => ["docs", "check", "--as-of", r.pick(DATES), "--owner", r.pick(TEXT), "--fail-on", r.pick(["stale", "due", "never", "x"])],
  (r) => ["docs", "review", r.pick(IDS.doc), "--date", r.pick(DATES), "--by", r.pick(TEXT), "--note", r.pick(TEXT), "--no-commit"],
  (r) => ["arch", "risks", "--as-of", r.pick(DATES), "--format", r.pick(FORMATS)],
  (r) => ["arch", "graph", "--format", r.pick(FORMATS)],
  (r) => ["change", "plan", r.pick(IDS.change), "--as-of", r.pick(DATES), "--format", r.pick(FORMATS)],
  (r) => [
    "change",
    "new",
    "--title",
    r.pick(TEXT),
    "--type",
    r.pick(["normal", "standard", "emergency", "x"]),
    "--due",
    r.pick(DATES),
    "--rollback",
    r.pick(TEXT),
    "--yes",
    "--no-commit",
    "--as-of",
    r.pick(DATES),
  ],
  (r) => [
    "task",
    r.pick(["start", "done", "block", "unblock", "cancel"]),
    `${r.pick(IDS.change)}/${r.pick(["T1", "T2", "T99", "\u202e"])}`,
    "--note",
    r.pick(TEXT),
    "--by",
    r.pick(TEXT),
    "--as-of",
    r.pick(DATES),
    "--no-commit",
  ],
  (r) => ["status", "--as-of", r.pick(DATES), "--department", r.pick(["unix", "network", "nope", ...TEXT]), "--format", r.pick(FORMATS)],
  (r) => [
    "sla",
    "report",
    ...(r.next() < 0.5 ? ["--period", r.pick(PERIODS)] : ["--from", r.pick(DATES), "--to", r.pick(DATES)]),
    "--as-of",
    r.pick(DATES),
    "--by",
    r.pick(["priority", "department", "component", "x"]),
    "--format",
    r.pick(FORMATS),
  ],
  (r) => ["report", ...(r.next() < 0.5 ? ["--period", r.pick(PERIODS)] : ["--from", r.pick(DATES), "--to", r.pick(DATES)]), "--as-of", r.pick(DATES), "--format", r.pick(FORMATS)],
  (r) => [
    "incident",
    "add",
    "--title",
    r.pick(TEXT),
    "--priority",
    r.pick(["P1", "P4", "P5", ""]),
    "--department",
    r.pick(["unix", "nope", ...TEXT]),
    "--opened",
    r.pick(DATES),
    "--yes",
    "--no-commit",
    "--as-of",
    r.pick(DATES),
  ],
  (r) => [
    "incident",
    "update",
    r.pick(IDS.incident),
    `--${r.pick(["responded", "resolved", "closed", "pause-from", "pause-to"])}`,
    r.pick(DATES),
    "--root-cause",
    r.pick(TEXT),
    "--no-commit",
    "--as-of",
    r.pick(DATES),
  ],
  (r) => ["schema", r.pick(["tam", "change", "nope", "\u001b[2J"])],
  (r) => ["completion", r.pick(["bash", "zsh", "fish", "powershell", "\u202e"])],
  (r) => [r.pick(["valdate", "change", "arch", "\u001b[2J", "--version", "--help"]), r.pick(["", "plan", "--bogus"])].filter(Boolean),
];

/** File-system mutations: what git cannot carry but users' checkouts have. */
const FS_MUTATIONS = {
  brokenLink(dir, random) {
    const rel = random.pick(["architecture.yaml", "docs.yaml", "departments.yaml", "changes", "incidents", "changes/CHG-0001.yaml"]);
    rmSync(join(dir, rel), { recursive: true, force: true });
    symlinkSync(join(dir, "gone", rel), join(dir, rel));
    return `brokenLink(${rel})`;
  },
  loopingLink(dir, random) {
    const rel = random.pick(["architecture.yaml", "incidents/2026-10.yaml", "changes"]);
    rmSync(join(dir, rel), { recursive: true, force: true });
    symlinkSync(rel.split("/").pop(), join(dir, rel));
    return `loopingLink(${rel})`;
  },
  folderForFile(dir, random) {
    const rel = random.pick(["architecture.yaml", "tam.yaml", "incidents/2026-10.yaml"]);
    rmSync(join(dir, rel), { recursive: true, force: true });
    mkdirSync(join(dir, rel));
    return `folderForFile(${rel})`;
  },
  fileForFolder(dir, random) {
    const rel = random.pick(["changes", "incidents"]);
    rmSync(join(dir, rel), { recursive: true, force: true });
    writeFileSync(join(dir, rel), "not a folder\n");
    return `fileForFolder(${rel})`;
  },
  // Unreadable only for a user other than root (root ignores modes): the run then checks the mapping.
  unreadable(dir, random) {
    const rel = random.pick(["architecture.yaml", "changes", "incidents", "docs.yaml"]);
    chmodSync(join(dir, rel), 0);
    return `unreadable(${rel})`;
  },
};
const FS_NAMES = Object.keys(FS_MUTATIONS);

const files = (dir, prefix = "") =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, join(prefix, e.name)) : /\.ya?ml$/.test(e.name) ? [join(prefix, e.name)] : []));
const yamlFiles = files(example).sort();
parentPort.postMessage({ type: "commands", names: [...READERS.map((c) => c.name), `argument fuzzing of ${ARGUMENT_FUZZ.length} command forms`], mutations: [...MUTATION_NAMES, ...FS_NAMES] });

const line = (text) => (text.endsWith("\n") || text === "" ? text : `${text}\n`);

/** One run of tam; the problems it shows. */
async function check(args, json) {
  const captured = { out: "", err: "" };
  const output = { out: (t) => (captured.out += line(t)), err: (t) => (captured.err += line(t)) };
  const problems = [];
  const what = `tam ${args
    .map((a) => (a.length > 40 ? `${a.slice(0, 40)}…` : a))
    .map((a) => JSON.stringify(a))
    .join(" ")}`;
  let code;
  const started = process.cpuUsage();
  try {
    code = await main(["node", "tam", ...args], output);
    const cpu = process.cpuUsage(started);
    // Reported, not failed: CPU time, so that a loaded machine does not make a slow case.
    if (process.env.TAM_FUZZ_SLOW_MS && (cpu.user + cpu.system) / 1000 > Number(process.env.TAM_FUZZ_SLOW_MS))
      parentPort.postMessage({ type: "slow", what, ms: Math.round((cpu.user + cpu.system) / 1000) });
  } catch (error) {
    problems.push(`${what}: uncaught ${error?.name ?? typeof error}: ${String(error?.message ?? error).split("\n")[0]}\n${error?.stack ?? ""}`);
    return problems;
  }
  if (![0, 1, 2].includes(code)) problems.push(`${what}: exit ${code}`);
  if (/internal error/.test(captured.err)) problems.push(`${what}: ${captured.err.split("\n").find((l) => /internal error/.test(l))}`);
  // CSV ends records with CRLF (RFC 4180): the format's, not the user's.
  if (hasUnsafeCharacters(captured.out.replace(/\r\n/g, "\n"))) problems.push(`${what}: a raw control, bidi or format character on stdout`);
  if (hasUnsafeCharacters(captured.err)) problems.push(`${what}: a raw control, bidi or format character on stderr`);
  // JSON on stdout whenever it prints anything (a command refusing an invalid project prints its list on stderr, exit 1).
  if (json && (captured.out.trim() || code === 0)) {
    try {
      JSON.parse(captured.out);
    } catch {
      problems.push(`${what}: --format json printed no valid JSON`);
    }
  }
  return problems;
}

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
    try {
      writeFileSync(path, MUTATIONS[name](readFileSync(path), random));
      applied.push(`${name}(${file})`);
    } catch {
      // the file is gone (a file-system mutation came first)
    }
    if (random.next() < 0.08) applied.push(FS_MUTATIONS[random.pick(FS_NAMES)](dir, random));
  }
  parentPort.postMessage({ type: "start", i, seed: caseSeed, applied });
  const failures = [];
  // validate always; then all other readers, or `perCase` of them picked at random (the short run); then one fuzzed command line.
  const others = READERS.slice(1);
  const chosen = perCase >= others.length ? others : Array.from({ length: perCase }, () => others.splice(random.int(others.length), 1)[0]);
  for (const command of [READERS[0], ...chosen]) {
    const format = command.formats.length ? random.pick(command.formats) : undefined;
    failures.push(...(await check([...command.args(random), ...(format ? ["--format", format] : []), "-C", dir], format === "json")));
  }
  const fuzzed = random.pick(ARGUMENT_FUZZ)(random);
  failures.push(...(await check([...fuzzed, "-C", dir], fuzzed.includes("json") && fuzzed[fuzzed.indexOf("json") - 1] === "--format")));
  try {
    chmodSync(dir, 0o700);
    if (!process.env.TAM_FUZZ_KEEP) rmSync(dir, { recursive: true, force: true });
    else parentPort.postMessage({ type: "slow", what: `kept ${dir}`, ms: 0 });
  } catch {
    // a leftover in the temporary folder is not worth a failure
  }
  parentPort.postMessage({ type: "done", i, seed: caseSeed, applied, failures });
}
