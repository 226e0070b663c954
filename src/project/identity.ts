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

/** git's user.name and user.email where `dir` (or its nearest existing folder) is, for a wizard's defaults. */
export async function gitIdentity(dir: string): Promise<{ name?: string; email?: string }> {
  const { simpleGit } = await import("simple-git");
  const value = async (key: string) => {
    try {
      return ((await simpleGit({ baseDir: dir }).getConfig(key)).value ?? "").trim() || undefined;
    } catch {
      return undefined;
    }
  };
  return { name: await value("user.name"), email: await value("user.email") };
}
