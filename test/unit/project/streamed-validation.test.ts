// sla report streams the incident log file by file; its validation must find exactly what
// validating the project read at once finds (same findings, same positions, same messages).
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { projectIssues, streamedValidation } from "../../../src/project/check.js";
import { loadProject, type LoadPart } from "../../../src/project/load.js";
import type { Issue } from "../../../src/model/issues.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const PARTS: LoadPart[] = ["departments", "architecture", "incidents"];

function streamed(dir: string): Issue[] {
  const validation = streamedValidation();
  const found: Issue[] = [];
  const project = loadProject(dir, PARTS, { eachIncidentFile: (file, sofar) => found.push(...validation.file(file, sofar)) });
  expect(project.incidents).toEqual([]);
  return [...found, ...validation.rest(project)];
}

const sorted = (issues: Issue[]) => issues.map((i) => JSON.stringify(i)).sort();

const projects = [
  join(ROOT, "examples/northwind"),
  ...["test/fixtures", "test/fixtures/bad"].flatMap((folder) =>
    readdirSync(join(ROOT, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(ROOT, folder, entry.name)),
  ),
].filter((dir) => {
  try {
    return readFileSync(join(dir, "tam.yaml")).length >= 0;
  } catch {
    return false;
  }
});

const scratch = mkdtempSync(join(tmpdir(), "tam-streamed-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("validation of a streamed incident log", () => {
  it("finds what validating the whole project finds, on the example and every fixture", () => {
    expect(projects.length).toBeGreaterThan(50);
    let withFindings = 0;
    for (const dir of projects) {
      const whole = projectIssues(loadProject(dir, PARTS));
      if (whole.length > 0) withFindings++;
      expect(sorted(streamed(dir)), dir).toEqual(sorted(whole));
    }
    expect(withFindings).toBeGreaterThan(20);
  });

  it("finds an incident id used again in a later file, and one used twice in the same file", () => {
    const dir = join(scratch, "northwind");
    cpSync(join(ROOT, "examples/northwind"), dir, { recursive: true });
    const files = readdirSync(join(dir, "incidents")).sort();
    const firstId = /id: (INC-[\w-]+)/.exec(readFileSync(join(dir, "incidents", files[0]!), "utf8"))![1]!;
    const lastText = readFileSync(join(dir, "incidents", files.at(-1)!), "utf8");
    const lastId = /id: (INC-[\w-]+)/.exec(lastText)![1]!;
    const copy = (id: string) => `  - id: ${id}\n    title: Copied\n    priority: P3\n    opened: 2026-11-02T10:00:00+03:00\n    status: open\n`;
    appendFileSync(join(dir, "incidents", files.at(-1)!), `${copy(firstId)}${copy(lastId)}`);
    const whole = projectIssues(loadProject(dir, PARTS));
    const duplicates = whole.filter((issue) => issue.code === "duplicate-id");
    expect(duplicates).toHaveLength(2);
    expect(duplicates.map((d) => d.message).join("\n")).toContain(`is already used at incidents/${files[0]}:`);
    expect(sorted(streamed(dir))).toEqual(sorted(whole));
  });

  it("locates every id of a month's file copied under another month's name in the earlier file", () => {
    const dir = join(scratch, "copied-month");
    cpSync(join(ROOT, "examples/northwind"), dir, { recursive: true });
    const first = readdirSync(join(dir, "incidents")).sort()[0]!;
    cpSync(join(dir, "incidents", first), join(dir, "incidents", "2027-01.yaml"));
    const whole = projectIssues(loadProject(dir, PARTS));
    const duplicates = whole.filter((issue) => issue.code === "duplicate-id");
    expect(duplicates.length).toBeGreaterThan(5);
    expect(duplicates.every((d) => d.file === "incidents/2027-01.yaml" && d.message.includes(`already used at incidents/${first}:`))).toBe(true);
    expect(sorted(streamed(dir))).toEqual(sorted(whole));
  });
});
