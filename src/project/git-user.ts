// Who is at the keyboard, as git knows it: for `--by` defaults.
import { execFile } from "node:child_process";

/** git's user.name for the repository at `dir`, or undefined when git or the setting is missing. */
export function gitUserName(dir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["config", "--get", "user.name"], { cwd: dir }, (error, stdout) => {
      const name = error ? "" : stdout.trim();
      resolve(name === "" ? undefined : name);
    });
  });
}
