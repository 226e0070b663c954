import { describe, expect, it } from "vitest";
import { runTam } from "../helpers/run.js";

/** Every command and subcommand, found by walking `--help` output. */
function commands(prefix: string[] = []): string[][] {
  const help = runTam([...prefix, "--help"]).stdout;
  const section = help.split(/^Commands:$/m)[1];
  if (!section) return [];
  const names = [...section.split(/^\S/m)[0]!.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((n) => n !== "help");
  return names.flatMap((name) => [[...prefix, name], ...commands([...prefix, name])]);
}

describe("help", () => {
  it("tam --help shows usage and examples, exit 0", () => {
    const result = runTam(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: tam/);
    expect(result.stdout).toMatch(/Examples:\n {2}\$ tam /);
  });

  it("every subcommand's --help shows usage with an example", () => {
    const all = commands();
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const command of all) {
      const result = runTam([...command, "--help"]);
      expect(result.code, command.join(" ")).toBe(0);
      expect(result.stdout, command.join(" ")).toMatch(new RegExp(`^Usage: tam ${command.join(" ")}`));
      expect(result.stdout, command.join(" ")).toMatch(/Examples:\n {2}\$ tam /);
    }
  });

  it("an unknown command or option is a usage error (exit 2)", () => {
    expect(runTam(["frobnicate"]).code).toBe(2);
    expect(runTam(["validate", "--bogus"]).code).toBe(2);
  });

  it("--version prints the package version", () => {
    const result = runTam(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
