// The top-level error path: every error that reaches main() is printed here, through the output-
// safety module (messages quote file names, file content and argument values), with its exit code.
import { CommanderError } from "commander";
import { EditError, EXIT_FINDINGS, EXIT_USAGE, GitError, HookError, ProjectError, systemErrorMessage, UsageError } from "../errors.js";
import { inlineSafe, safeForTerminal, terminalSafe } from "../format/text.js";

export { safeForTerminal, terminalSafe };

/** How many findings a refusal lists before counting the rest. */
const SHOWN_FINDINGS = 10;

export function reportError(error: unknown, debug: boolean, toStderr: (text: string) => unknown = (text) => process.stderr.write(text)): number {
  // Messages quote file names, file content and argument values: one line each, nothing raw.
  const write = (text: string) => toStderr(safeForTerminal(text));
  const say = (text: string) => write(`${inlineSafe(text)}\n`);
  if (error instanceof CommanderError) {
    // Help and version exit with 0; everything else commander rejects is a usage error.
    return error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version" ? 0 : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    say(`tam: ${error.message}`);
    return EXIT_USAGE;
  }
  if (error instanceof ProjectError) {
    say(`tam: ${error.message}`);
    // Located as `tam validate` locates them (a finding on a whole file or folder is at 1:1); the
    // first ones, so that a project with thousands of errors does not flood the terminal.
    for (const issue of error.issues.slice(0, SHOWN_FINDINGS)) say(`  ${issue.file}:${issue.line ?? 1}:${issue.col ?? 1} ${issue.severity} ${issue.code} ${issue.message}`);
    const rest = error.issues.length - SHOWN_FINDINGS;
    if (rest > 0) say(`  … and ${rest} more (\`tam validate\` lists them all)`);
    return EXIT_FINDINGS;
  }
  if (error instanceof EditError) {
    say(`tam: ${error.message}`);
    return EXIT_FINDINGS;
  }
  if (error instanceof GitError) {
    say(`tam: git: ${error.message}`);
    // The hook's own words, line by line, as git would show them.
    if (error instanceof HookError && error.output.trim()) for (const line of error.output.trimEnd().split("\n")) say(`  ${error.hook}: ${line}`);
    return EXIT_USAGE;
  }
  // The machine refused (a permission, a folder where a file belongs, a full disk): not a bug in tam.
  const system = systemErrorMessage(error);
  if (system) {
    say(`tam: ${system}`);
    return EXIT_USAGE;
  }
  if (error instanceof Error && error.name === "ExitPromptError") {
    // Ctrl-C at a wizard's prompt: the answers are all asked before anything is written.
    say("tam: cancelled; nothing was written");
    return 130;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(`tam: internal error: ${message}`);
  if (debug && error instanceof Error && error.stack) write(`${error.stack}\n`);
  else write("(run again with --debug to see the stack trace)\n");
  return EXIT_USAGE;
}
