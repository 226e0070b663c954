// Who is recording an update, for `--by` defaults: git's user.name, else the login name.
import { configuredUserName } from "./git.js";

/** git's user.name for the repository at `dir`, else $USER / $USERNAME; undefined when none is set. */
export async function gitOrLoginName(dir: string): Promise<string | undefined> {
  return (await configuredUserName(dir)) || process.env.USER || process.env.USERNAME || undefined;
}

/** As gitOrLoginName, with "unknown" when nobody can be named (a task event always has a `by`). */
export async function whoAmI(dir: string): Promise<string> {
  return (await gitOrLoginName(dir)) ?? "unknown";
}
