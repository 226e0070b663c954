// The bad-input corpus (test/fixtures/bad/<case>/expected.json): every case, run on a copy, must
// give its exit code and located findings, no stack trace, no hang and no write.
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasUnsafeCharacters } from "../../src/format/text.js";
import { CORPUS, corpusCases, expectedOf, setUp } from "../helpers/corpus.js";
import { InProcessTam } from "../helpers/in-process.js";
import { copyProject } from "../helpers/run.js";

const cases = corpusCases();
// The whole CLI in-process (commander included), in a worker thread that is replaced on a hang.
const tam = new InProcessTam();
afterAll(() => tam.close());

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
  it("has at least 138 cases, each with an expected.json", () => {
    expect(cases.length).toBeGreaterThanOrEqual(138);
  });

  it.each(cases)("%s", async (name) => {
    const expected = expectedOf(name);
    const dir = copyProject(join(CORPUS, name));
    setUp(dir, expected.setup);
    const before = snapshot(dir);
    const args = [...expected.args, ...(expected.exit === 2 ? [] : ["--format", "json"]), "-C", dir];
    // Generous: a hang or a runaway parser shows as a timeout, not a slow pass.
    const result = await tam.run(args, { timeoutMs: 10_000 });
    expect(result.timedOut, "tam did not finish within 10 s").toBeFalsy();
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(hasUnsafeCharacters(result.stdout), "a raw control, bidi or format character on stdout").toBe(false);
    expect(hasUnsafeCharacters(result.stderr), "a raw control, bidi or format character on stderr").toBe(false);
    expect(result.code, result.stderr).toBe(expected.exit);
    if (expected.exit === 2) {
      expect(result.stderr).toMatch(/^(tam: |error: )/);
    } else {
      // validate and the reports print findings as JSON; a command refusing an invalid project lists them on stderr.
      const onStderr = !result.stdout.trim();
      const found = onStderr ? findingsOnStderr(result.stderr) : findingsIn(JSON.parse(result.stdout));
      // A refusal locates findings as validate's pretty format does: one on a whole file or folder at 1:1.
      const whole = onStderr ? 1 : null;
      for (const finding of expected.findings) {
        const at = (f: Found) => ({ code: f.code, file: f.file, line: f.line ?? whole, col: f.col ?? whole, severity: f.severity ?? "error" });
        expect(found.map(at), `${finding.code} at ${finding.file}:${finding.line}:${finding.col}`).toContainEqual(at(finding));
      }
      if (expected.exit === 0) expect(found.filter((f) => f.severity === "error")).toEqual([]);
      if (expected.exit === 1) expect(expected.findings.length).toBeGreaterThan(0);
    }
    expect(snapshot(dir)).toEqual(before);
  });
});
