// The bad-input corpus (test/fixtures/bad/<case>/expected.json): every case, run on a copy, must
// give its exit code and located findings, no stack trace, no hang and no write.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, copyProject, FIXTURES } from "../helpers/run.js";

interface Expected {
  description: string;
  args: string[];
  exit: number;
  setup?: "huge-file" | "symlink-outside" | "symlink-folder-outside" | "symlink-doc-outside";
  findings: { code: string; file: string; line?: number; col?: number; severity?: string }[];
}

const CORPUS = join(FIXTURES, "bad");
const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Builds what git cannot store or what is too big to commit, into the copy. */
function setUp(dir: string, setup: Expected["setup"]): void {
  const outside = mkdtempSync(join(tmpdir(), "tam-outside-"));
  if (setup === "huge-file") {
    const line = "# padding padding padding padding padding padding padding padding padding pad\n";
    writeFileSync(join(dir, "incidents/2026-11.yaml"), line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
  } else if (setup === "symlink-outside") {
    cpSync(join(FIXTURES, "minimal/architecture.yaml"), join(outside, "architecture.yaml"));
    symlinkSync(join(outside, "architecture.yaml"), join(dir, "architecture.yaml"));
  } else if (setup === "symlink-folder-outside") {
    cpSync(join(FIXTURES, "minimal/changes"), outside, { recursive: true });
    symlinkSync(outside, join(dir, "changes"));
  } else if (setup === "symlink-doc-outside") {
    writeFileSync(join(outside, "secret.md"), "not for tam\n");
    mkdirSync(join(dir, "docs"), { recursive: true });
    symlinkSync(join(outside, "secret.md"), join(dir, "docs/network.md"));
  }
}

/** Path → hash of every file (links by their target), to prove tam wrote nothing. */
function snapshot(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = join(prefix, entry.name);
    const abs = join(dir, rel);
    if (entry.isSymbolicLink()) out[rel] = `link:${readlinkSync(abs)}`;
    else if (entry.isDirectory()) Object.assign(out, snapshot(dir, rel));
    else out[rel] = `${lstatSync(abs).mode}:${createHash("sha256").update(readFileSync(abs)).digest("hex")}`;
  }
  return out;
}

interface Found {
  code: string;
  file?: string;
  line?: number | null;
  col?: number | null;
  severity?: string;
}

/**
 * Every object with a "code" in a command's JSON output, with file/line/col/severity inherited from
 * the objects around it: validate's issues[], and docs check's docs[].reasons[] alike.
 */
function findingsIn(value: unknown, context: Omit<Found, "code"> = {}): Found[] {
  if (Array.isArray(value)) return value.flatMap((item) => findingsIn(item, context));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const here = { ...context };
  for (const key of ["file", "line", "col", "severity"] as const) if (key in record) (here as Record<string, unknown>)[key] = record[key];
  const own = typeof record.code === "string" ? [{ ...here, code: record.code }] : [];
  return [...own, ...Object.values(record).flatMap((item) => findingsIn(item, here))];
}

/** Findings other commands print on stderr when they refuse an invalid project: "  file:line:col severity code message". */
function findingsOnStderr(stderr: string): Found[] {
  return [...stderr.matchAll(/^ {2}(\S+?)(?::(\d+):(\d+))? (error|warning|info) (\S+) /gm)].map((m) => ({
    file: m[1],
    line: m[2] ? Number(m[2]) : null,
    col: m[3] ? Number(m[3]) : null,
    severity: m[4],
    code: m[5]!,
  }));
}

describe("bad-input corpus", () => {
  it("has at least 40 cases, each with an expected.json", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)("%s", (name) => {
    const expected = JSON.parse(readFileSync(join(CORPUS, name, "expected.json"), "utf8")) as Expected;
    const dir = copyProject(join(CORPUS, name));
    setUp(dir, expected.setup);
    const before = snapshot(dir);
    const args = [...expected.args, ...(expected.exit === 2 ? [] : ["--format", "json"]), "-C", dir];
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, TZ: "UTC" },
      encoding: "utf8",
      // Generous: a hang or a runaway parser shows as a timeout, not a slow pass.
      timeout: 10_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.error, "tam did not finish within 10 s").toBeUndefined();
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.status, result.stderr).toBe(expected.exit);
    if (expected.exit === 2) {
      expect(result.stderr).toMatch(/^(tam: |error: )/);
    } else {
      // validate and the reports print findings as JSON; a command refusing an invalid project lists them on stderr.
      const found = result.stdout.trim() ? findingsIn(JSON.parse(result.stdout)) : findingsOnStderr(result.stderr);
      for (const finding of expected.findings) {
        const at = (f: Found) => ({ code: f.code, file: f.file, line: f.line ?? null, col: f.col ?? null, severity: f.severity ?? "error" });
        expect(found.map(at), `${finding.code} at ${finding.file}:${finding.line}:${finding.col}`).toContainEqual(at(finding));
      }
      if (expected.exit === 0) expect(found.filter((f) => f.severity === "error")).toEqual([]);
      if (expected.exit === 1) expect(expected.findings.length).toBeGreaterThan(0);
    }
    expect(snapshot(dir)).toEqual(before);
  });
});
