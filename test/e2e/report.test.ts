import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, runTam } from "../helpers/run.js";

describe("tam report", () => {
  it("has every section a client meeting needs, and the internal part only in the internal edition", () => {
    const client = runTam(["report", "-C", EXAMPLE, "--as-of", "2026-11-20"]).stdout;
    const internal = runTam(["report", "-C", EXAMPLE, "--as-of", "2026-11-20", "--audience", "internal"]).stdout;
    for (const heading of [
      "## Service summary",
      "## What was done",
      "## What is planned",
      "## Service levels (SLA)",
      "### Incidents that missed the target",
      "## Recommendations",
      "## Decisions needed from you",
    ]) {
      expect(client).toContain(`\n${heading}\n`);
      expect(internal).toContain(`\n${heading}\n`);
    }
    expect(client).toMatch(/^# Northwind Retail: service report, October 2026$/m);
    expect(client).toMatch(/```mermaid\ngantt\n/);
    expect(client).toMatch(/```mermaid\n(%%\{init.*\n)?xychart-beta\n/);
    expect(client).not.toContain("## Internal");
    expect(internal).toMatch(/^Yes: \d+ engineering departments involved \(more than four\)/m);
  });

  it("is the same on every run with --as-of (reports can be committed and diffed)", () => {
    const a = runTam(["report", "-C", EXAMPLE, "--as-of", "2026-11-20", "--format", "json"]).stdout;
    const b = runTam(["report", "-C", EXAMPLE, "--as-of", "2026-11-20", "--format", "json"]).stdout;
    expect(a).toBe(b);
    const report = JSON.parse(a);
    expect(report.version).toBe(2);
    expect(report.internal).toBeNull();
    expect(report.header.period.label).toBe("2026-10");
    expect(report.sla.breaches.map((b: { id: string }) => b.id)).toEqual(["INC-0035"]);
  });

  it("shows a hostile incident title as text: no table break, no markup", () => {
    const dir = copyProject(EXAMPLE);
    const file = join(dir, "incidents/2026-10.yaml");
    const text = readFileSync(file, "utf8");
    const hostile = text.replace("title: Promo banners on the home page do not update", 'title: "a | b <script>alert(1)</script> `code` [x](http://evil)"');
    expect(hostile).not.toBe(text);
    writeFileSync(file, hostile);
    const { stdout, code } = runTam(["report", "-C", dir, "--as-of", "2026-11-20"]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("<script>");
    expect(stdout).toContain("**INC-0035 (P3): a \\| b &lt;script&gt;alert(1)&lt;/script&gt; \\`code\\` \\[x\\](http://evil)**");
  });

  it("writes to a file with --output and nothing to stdout", () => {
    const dir = copyProject(EXAMPLE);
    const result = runTam(["report", "-C", dir, "--as-of", "2026-11-20", "--output", join(dir, "report.md")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/^# Northwind Retail/);
  });

  it("rejects a malformed period with exit 2", () => {
    const result = runTam(["report", "-C", EXAMPLE, "--period", "2026-13"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--period/);
  });

  it("rejects a --since that is neither a date nor a report, with exit 2 and the argument named", () => {
    const result = runTam(["report", "-C", EXAMPLE, "--since", "README.md"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--since: README\.md is not a report written by tam report/);
  });
});
