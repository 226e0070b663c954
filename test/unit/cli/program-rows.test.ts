// A run builds only the commands its words can reach (rowsFor in src/cli/program.ts): what it prints,
// the command it runs and how it fails must be those of the whole program, for every row of the
// command table and the argv shapes that make commander look elsewhere (help, unknown commands and
// options, suggestions, the program's options before, between and after the words).
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram, COMMANDS } from "../../../src/cli.js";

/** Thrown by the preAction hook: the command was found and would run. */
class Reached extends Error {}

/** What commander does with `args` on the whole program (`only: false`) or on the part rowsFor picks. */
async function parse(args: string[], only: boolean) {
  const argv = ["node", "tam", ...args];
  let out = "";
  let err = "";
  const program: Command = buildProgram(() => {}, { out: (t) => (out += t), err: (t) => (err += t) }, only ? argv : undefined);
  let ran: string | undefined;
  program.hook("preAction", (_program, command) => {
    const names: string[] = [];
    for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
    ran = names.join(" ");
    throw new Reached();
  });
  let failure: string | undefined;
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const { code, exitCode } = error as { code?: string; exitCode?: number };
    failure = error instanceof Reached ? undefined : `${code} ${exitCode}`;
  }
  return { out, err, ran, failure, opts: JSON.stringify(program.opts()) };
}

const paths = COMMANDS.map((def) => def.path);
const CASES: string[][] = [
  [],
  ["--help"],
  ["-h"],
  ["help"],
  ["help", "change"],
  ["help", "nosuch"],
  ["nosuch"],
  ["chnage", "plan"],
  ["change", "nosuch"],
  ["change", "plann"],
  ["change", "--nosuch", "plan"],
  ["change", "-C", "dir", "plan", "--help"],
  ["change", "help", "plan"],
  ["--version"],
  ["-V"],
  ["validate", "-V"],
  ["validate", "--format", "json", "--version"],
  ["-C", "--version", "validate", "--help"],
  ["--foo", "validate"],
  ["--", "validate"],
  ["-C"],
  ["validate", "-C"],
  ["-Cdir", "validate", "--bad"],
  ["--project=dir", "status", "--bad"],
  ["--no-color", "--debug", "-C", "dir", "validate", "--format", "nosuch"],
  ["validate", "--format", "json", "-o"],
  ["meeting", "action", "nosuch"],
  ["meeting", "action", "ad"],
  ["validate", "-C", "dir"],
  ["change", "plan", "CHG-0003", "--as-of", "2026-11-20"],
  ["change", "plan"],
  ["task", "start", "CHG-0001/T1", "--reason"],
  ["-", "validate"],
  ["-5", "validate"],
  ...paths.flatMap((path) => [
    path,
    [...path, "--help"],
    ["-C", "dir", ...path, "-h"],
    [...path, "--nosuch"],
    [...path, "nosuch", "more", "words", "here"],
    [...path, "-C", "dir", "--no-color", "x", "--debug"],
    [...path.slice(0, -1), `${path.at(-1)}x`],
  ]),
];

describe("a program of the commands argv reaches", () => {
  it.each(CASES.map((args) => [args.join(" ") || "(none)", args] as const))("tam %s: the whole program's output, command and failure", async (_name, args) => {
    expect(await parse(args, true)).toEqual(await parse(args, false));
  });

  it("builds only the rows on the words' path and under it", () => {
    const names = (args: string[]) => buildProgram(() => {}, undefined, ["node", "tam", ...args]).commands.map((c) => c.name());
    expect(names(["validate", "-C", "dir"])).toEqual(["validate"]);
    expect(names(["change", "plan", "CHG-0003"])).toEqual(["change"]);
    expect(buildProgram(() => {}, undefined, ["node", "tam", "change", "plan"]).commands[0]!.commands.map((c) => c.name())).toEqual(["plan"]);
    expect(names(["--version"])).toEqual([]);
    expect(names(["completion", "bash"])).toHaveLength(buildProgram(() => {}).commands.length);
  });
});
