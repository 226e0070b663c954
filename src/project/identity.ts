// Who is recording an update: git's user.name, else the login name.
import { spawnSync } from "node:child_process";

export async function whoAmI(dir: string): Promise<string> {
  const git = spawnSync("git", ["config", "user.name"], { cwd: dir, encoding: "utf8" });
  const name = git.status === 0 ? git.stdout.trim() : "";
  return name || process.env.USER || process.env.USERNAME || "unknown";
}
