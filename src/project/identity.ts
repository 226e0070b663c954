// Who is recording an update, for `--by` defaults: git's user.name, else the login name.
import { execFile } from "node:child_process";

/** git's user.name for the repository at `dir`, else $USER / $USERNAME; undefined when none is set. */
export function gitOrLoginName(dir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["config", "--get", "user.name"], { cwd: dir }, (error, stdout) => {
      const name = error ? "" : stdout.trim();
      resolve(name || process.env.USER || process.env.USERNAME || undefined);
    });
  });
}

/** As gitOrLoginName, with "unknown" when nobody can be named (a task event always has a `by`). */
export async function whoAmI(dir: string): Promise<string> {
  return (await gitOrLoginName(dir)) ?? "unknown";
}
