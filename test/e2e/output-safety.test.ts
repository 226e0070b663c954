// User-written text cannot drive the terminal or inject markup: titles and names full of escape
// sequences, HTML and markdown go through every command's human formats.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, runTam } from "../helpers/run.js";

/** As a YAML double-quoted string: ESC [2J clears the screen, OSC 0 sets the window title, BEL, a C1 CSI. */
const HOSTILE_YAML = `${String.raw`"EVIL\e[2J\e]0;pwned\a\x9b31m <script>alert(1)</script> | *b* [x](http://e) `}\`c\`${String.raw`\r\nnext"`}`;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function yamlFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(dir, join(prefix, e.name)) : e.name.endsWith(".yaml") ? [join(prefix, e.name)] : []));
}

/** The example with every title and every component name replaced by hostile text (still a valid project). */
function hostileExample(): string {
  const dir = copyProject(EXAMPLE);
  for (const file of yamlFiles(dir)) {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    let next = text.replace(/^(\s*(?:- )?)title: .*$/gm, `$1title: ${HOSTILE_YAML}`);
    if (file === "architecture.yaml" || file.startsWith("changes")) next = next.replace(/^(\s*- id: [\w-]+\n\s+)name: .*$/gm, `$1name: ${HOSTILE_YAML}`);
    writeFileSync(path, next);
  }
  return dir;
}

const AS_OF = ["--as-of", "2026-11-20"];
/** Human formats of every command: [args, is markdown]. */
const RUNS: [string[], boolean][] = [
  [["docs", "check", ...AS_OF], false],
  [["docs", "check", ...AS_OF, "--format", "markdown"], true],
  [["docs", "check", ...AS_OF, "--format", "github"], false],
  [["arch", "risks", ...AS_OF], false],
  [["arch", "risks", ...AS_OF, "--verbose"], false],
  [["arch", "risks", ...AS_OF, "--format", "markdown"], true],
  [["arch", "graph"], false],
  [["arch", "graph", "--format", "dot"], false],
  [["change", "plan", "CHG-0003", ...AS_OF], false],
  [["change", "plan", "CHG-0003", ...AS_OF, "--format", "markdown"], true],
  [["change", "plan", "CHG-0003", ...AS_OF, "--format", "mermaid"], false],
  [["status", ...AS_OF], false],
  [["status", ...AS_OF, "--format", "markdown"], true],
  [["sla", "report", "--period", "2026-10", ...AS_OF], false],
  [["sla", "report", "--period", "2026-10", ...AS_OF, "--format", "markdown"], true],
  [["sla", "report", "--period", "2026-10", ...AS_OF, "--format", "csv"], false],
  [["report", "--period", "2026-10", ...AS_OF], true],
  // JSON keeps the text exactly, escaped: no raw control character either.
  [["docs", "check", ...AS_OF, "--format", "json"], false],
  [["arch", "risks", ...AS_OF, "--format", "json"], false],
  [["arch", "graph", "--format", "json"], false],
  [["change", "plan", "CHG-0003", ...AS_OF, "--format", "json"], false],
  [["status", ...AS_OF, "--format", "json"], false],
  [["sla", "report", "--period", "2026-10", ...AS_OF, "--format", "json"], false],
  [["report", "--period", "2026-10", ...AS_OF, "--format", "json"], false],
];

describe("output safety", () => {
  let dir: string;
  beforeAll(() => {
    dir = hostileExample();
    const check = runTam(["validate", "-C", dir, "--format", "json"]);
    const errors = (JSON.parse(check.stdout) as { issues: { severity: string; code: string }[] }).issues.filter((i) => i.severity === "error");
    // Person names are untouched, so the hostile project stays valid and every command runs fully.
    expect(errors).toEqual([]);
  });

  it.each(RUNS)("tam %j prints no control character from user text", (args, markdown) => {
    const result = runTam([...args, "-C", dir]);
    expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
    // The compact `arch risks` table names components by id (ids are checked), no user prose: only --verbose quotes names.
    const compactRisks = args[1] === "risks" && !args.includes("--verbose") && !args.includes("--format");
    if (!args.includes("csv") && !compactRisks) expect(result.stdout).toContain("EVIL");
    // CSV ends its records with CRLF (RFC 4180); that is the format's, not the user's.
    const stdout = args.includes("csv") ? result.stdout.replace(/\r\n/g, "\n") : result.stdout;
    expect(stdout).not.toMatch(CONTROL);
    expect(result.stderr).not.toMatch(CONTROL);
    if (markdown) {
      expect(result.stdout).not.toContain("<script>");
      expect(result.stdout).not.toContain("| *b*");
      expect(result.stdout).not.toContain("[x](http://e)");
    }
  });

  it("validate's formats neutralise a hostile value quoted in a message", () => {
    const bad = copyProject(EXAMPLE);
    const path = join(bad, "incidents/2026-10.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/priority: P\d/, `priority: ${HOSTILE_YAML}`));
    for (const format of ["pretty", "github", "junit", "sarif", "json"]) {
      const result = runTam(["validate", "-C", bad, "--format", format]);
      expect(result.code, format).toBe(1);
      expect(result.stdout, format).toContain("EVIL");
      expect(result.stdout, format).not.toMatch(CONTROL);
    }
  });
});
