// docs/commands/<command>.md cannot drift from the CLI: every command and subcommand of the command
// table (src/cli/table.ts) has its page, the page names it, and mentions each of its long options;
// and the commander program tam runs is exactly that table (no command or option added beside it).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram, COMMANDS } from "../../src/cli.js";
import { REPO } from "../helpers/run.js";

/** The long flag of an option's flags ("-f, --format <format>" → "--format"). */
const longOf = (flags: string) => /--[\w-]+/.exec(flags)?.[0];

const all = COMMANDS.filter((c) => !c.hidden);
const page = (top: string) => join(REPO, "docs/commands", `${top}.md`);

describe("docs/commands", () => {
  it("finds the commands", () => {
    expect(all.map((c) => c.path.join(" "))).toEqual(expect.arrayContaining(["validate", "change plan", "incident import", "completion"]));
    expect(all.map((c) => c.path[0])).not.toContain("__complete");
  });

  for (const { path, options = [] } of all) {
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
      const longs = options.map((o) => longOf(o.flags)).filter((l): l is string => Boolean(l));
      const missing = longs.filter((long) => !new RegExp(`${long}(?![\\w-])`).test(text));
      expect(missing, `options of tam ${name} not in docs/commands/${path[0]}.md`).toEqual([]);
    });
  }

  it("the README's command table links every command's page", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    for (const top of new Set(all.map((c) => c.path[0]!))) expect(readme, top).toContain(`(docs/commands/${top}.md)`);
  });
});

describe("the program is the command table", () => {
  const program = buildProgram(() => {});
  const help = program.createHelp();
  /** Every visible command below the program, with its long options as help lists them. */
  const walk = (command: Command, path: string[] = []): [string, string[]][] =>
    help
      .visibleCommands(command)
      .filter((c) => c.name() !== "help")
      .flatMap((c) => {
        const longs = help
          .visibleOptions(c)
          .map((o) => o.long)
          .filter((l): l is string => Boolean(l) && l !== "--help");
        return [[[...path, c.name()].join(" "), longs] as [string, string[]], ...walk(c, [...path, c.name()])];
      });

  it("has the table's commands, each with the table's options, in order", () => {
    const fromTable = all.map((c): [string, string[]] => [c.path.join(" "), (c.options ?? []).map((o) => longOf(o.flags)!)]);
    expect(new Map(walk(program))).toEqual(new Map(fromTable));
  });
});
