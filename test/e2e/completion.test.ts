// Shell completion, exercised the way the shell does it: source the script, set COMP_WORDS,
// call the completion function, read COMPREPLY.
import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, EXAMPLE, REPO, runTam } from "../helpers/run.js";

/** A folder holding a `tam` on PATH, as after `npm install -g`. */
const shim = mkdtempSync(join(tmpdir(), "tam-shim-"));
symlinkSync(BIN, join(shim, "tam"));
const env = { ...process.env, PATH: `${shim}:${process.env.PATH}`, NO_COLOR: "1" };

/** The candidates bash offers for a command line whose last word is being completed. */
function complete(words: string[], cwd = EXAMPLE): string[] {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
  const script = `source <(tam completion bash) || exit 9
COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}
_tam_completion
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync("bash", ["-c", script], { cwd, env, encoding: "utf8", timeout: 30_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout.split("\n").filter(Boolean).sort();
}

const which = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;

describe("tam completion bash", () => {
  it("completes commands and subcommands", () => {
    expect(complete(["tam", "ch"])).toEqual(["change"]);
    expect(complete(["tam", "change", ""])).toEqual(["approve", "cancel", "check", "close", "dispatch", "new", "notify", "plan", "rebaseline", "reject", "start"]);
    expect(complete(["tam", "-C", "examples/northwind", "inc"], REPO)).toEqual(["incident"]);
  });

  it("completes the options of the command being typed, and option values", () => {
    expect(complete(["tam", "validate", "--f"])).toEqual(["--fail-on", "--format"]);
    expect(complete(["tam", "validate", "--format", ""])).toEqual(["codeclimate", "github", "json", "junit", "pretty", "sarif"]);
    expect(complete(["tam", "sla", "report", "--by", "d"])).toEqual(["department"]);
    // An option's value is not taken for a subcommand or an argument.
    expect(complete(["tam", "change", "plan", "--format", "json", "--as"])).toEqual(["--as-of"]);
  });

  it("completes change, task, doc and incident ids from the current project", () => {
    expect(complete(["tam", "change", "plan", "CHG-"])).toEqual(["CHG-0001", "CHG-0002", "CHG-0003", "CHG-0004", "CHG-0005", "CHG-0006"]);
    const tasks = complete(["tam", "task", "done", "CHG-0002/"]);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => /^CHG-0002\/T\d+$/.test(t))).toBe(true);
    // Only tasks a command can act on: CHG-0002's T1 and T2 are done, CHG-0001 is a done change.
    expect(tasks).not.toContain("CHG-0002/T1");
    expect(tasks).not.toContain("CHG-0002/T2");
    expect(complete(["tam", "task", "done", "CHG-0001/"])).toEqual([]);
    expect(complete(["tam", "docs", "review", "net"])).toEqual(["network"]);
    expect(complete(["tam", "incident", "update", "INC-001"])).toContain("INC-0012");
    expect(complete(["tam", "status", "--department", "uni"])).toEqual(["unix"]);
  });

  it("takes the ids from the project given with -C", () => {
    expect(complete(["tam", "-C", "examples/northwind", "docs", "review", "net"], REPO)).toEqual(["network"]);
    expect(complete(["tam", "docs", "review", "net"], tmpdir())).toEqual([]);
  });
});

describe("tam __complete", () => {
  it("prints ids one per line and nothing else", () => {
    const result = runTam(["__complete", "change"], { cwd: EXAMPLE });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.trim().split("\n")).toEqual(["CHG-0001", "CHG-0002", "CHG-0003", "CHG-0004", "CHG-0005", "CHG-0006"]);
  });

  it("is silent and exits 0 outside a project or for an unknown kind", () => {
    expect(runTam(["__complete", "change"], { cwd: tmpdir() })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(runTam(["__complete", "bogus"], { cwd: EXAMPLE })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("is not listed in the help", () => {
    expect(runTam(["--help"]).stdout).not.toContain("__complete");
  });
});

describe("tam completion zsh and fish", () => {
  it("zsh: a #compdef function for tam, built from the same tree", () => {
    const result = runTam(["completion", "zsh"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^#compdef tam\n/);
    expect(result.stdout).toContain("compdef _tam tam");
    expect(result.stdout).toContain("'change plan') echo --as-of");
    if (which("zsh")) {
      const parsed = spawnSync("zsh", ["-n"], { input: result.stdout, encoding: "utf8" });
      expect(parsed.stderr).toBe("");
    }
  });

  it("fish: complete rules for commands, options and ids", () => {
    const result = runTam(["completion", "fish"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("complete -c tam -n '__tam_at \\'change plan\\'' -l format -s f -r -f -a 'table markdown json mermaid'");
    expect(result.stdout).toContain("-f -a '(__tam_ids change)'");
    expect(result.stdout).toMatch(/complete -c tam -n '__tam_at \\'\\'' -f -a 'validate' -d /);
    if (which("fish")) {
      const parsed = spawnSync("fish", ["--no-execute", "-c", result.stdout], { encoding: "utf8" });
      expect(parsed.stderr).toBe("");
    }
  });

  // fish is not on a fresh machine; where it is installed, its own completer is asked.
  it.skipIf(!which("fish"))("fish: completes commands, options and ids when asked with complete -C", () => {
    const ask = (line: string) => {
      const result = spawnSync("fish", ["-c", `tam completion fish | source; complete -C '${line}'`], { cwd: EXAMPLE, env, encoding: "utf8", timeout: 30_000 });
      expect(result.stderr).toBe("");
      return result.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split("\t")[0]);
    };
    expect(ask("tam ch")).toContain("change");
    expect(ask("tam validate --f").sort()).toEqual(["--fail-on", "--format"]);
    expect(ask("tam change plan CHG-")).toEqual(["CHG-0001", "CHG-0002", "CHG-0003", "CHG-0004", "CHG-0005", "CHG-0006"]);
    expect(ask("tam task done CHG-0002/")).toContain("CHG-0002/T4");
  });

  it("the bash and zsh scripts are valid shell syntax", () => {
    const parsed = spawnSync("bash", ["-n"], { input: runTam(["completion", "bash"]).stdout, encoding: "utf8" });
    expect(parsed.status, parsed.stderr).toBe(0);
  });

  it("an unknown shell is a usage error", () => {
    const result = runTam(["completion", "tcsh"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bash, zsh, fish");
  });
});
