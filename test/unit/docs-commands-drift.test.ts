// docs/commands/<command>.md cannot drift from the CLI: every command and subcommand of the
// program tree has its page, the page names it, and mentions each of its long options.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli.js";
import { REPO } from "../helpers/run.js";

const program = buildProgram(() => {});
const help = program.createHelp();

/** Every visible command below the program, with its path of names. */
function commands(command: Command, path: string[] = []): { path: string[]; command: Command }[] {
  return help
    .visibleCommands(command)
    .filter((c) => c.name() !== "help")
    .flatMap((c) => [{ path: [...path, c.name()], command: c }, ...commands(c, [...path, c.name()])]);
}

const all = commands(program);
const page = (top: string) => join(REPO, "docs/commands", `${top}.md`);

describe("docs/commands", () => {
  it("finds the commands", () => {
    expect(all.map((c) => c.path.join(" "))).toEqual(expect.arrayContaining(["validate", "change plan", "incident import", "completion"]));
    expect(all.map((c) => c.path[0])).not.toContain("__complete");
  });

  for (const { path, command } of all) {
    const name = path.join(" ");
    it(`tam ${name}: has a page that names it and each of its options`, () => {
      const file = page(path[0]!);
      expect(existsSync(file), `docs/commands/${path[0]}.md`).toBe(true);
      const text = readFileSync(file, "utf8");
      // "tam task block", or the subcommand in a list: "tam task start|done|block".
      const named = new RegExp(
        `tam ${path
          .slice(0, -1)
          .map((p) => `${p} `)
          .join("")}([\\w-]+\\|)*${path.at(-1)}(?![\\w-])`,
      );
      expect(text, `docs/commands/${path[0]}.md names "tam ${name}"`).toMatch(named);
      const options = help
        .visibleOptions(command)
        .map((o) => o.long)
        .filter((l): l is string => Boolean(l) && l !== "--help");
      const missing = options.filter((long) => !new RegExp(`${long}(?![\\w-])`).test(text));
      expect(missing, `options of tam ${name} not in docs/commands/${path[0]}.md`).toEqual([]);
    });
  }

  it("the README's command table links every command's page", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    for (const top of new Set(all.map((c) => c.path[0]!))) expect(readme, top).toContain(`(docs/commands/${top}.md)`);
  });
});
