// Finding the project root: -C DIR, else walk up from the working directory
// to the nearest folder holding tam.yaml, as git does for .git.
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import { presentAt } from "./load.js";

export const MANIFEST_FILE = "tam.yaml";

export function findProjectRoot(explicit: string | undefined, cwd = process.cwd()): string {
  if (explicit) {
    const dir = resolve(cwd, explicit);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`project folder not found: ${explicit}`);
    // A tam.yaml that is a broken link is there: loading names the link rather than "no tam.yaml".
    if (!presentAt(join(dir, MANIFEST_FILE))) throw new UsageError(`${explicit} is not a tam project: it has no ${MANIFEST_FILE} (create one with \`tam init\`)`);
    return dir;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (presentAt(join(dir, MANIFEST_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new UsageError(`no ${MANIFEST_FILE} found in ${resolve(cwd)} or any parent folder: pass -C <dir> or run \`tam init\``);
    }
    dir = parent;
  }
}

/**
 * The project root's path from the top level of the git work tree holding it, with forward
 * slashes and a trailing slash ("" at the top level). CI systems place findings by
 * repository-relative paths, whatever -C or the working directory. Outside git, the path
 * from the working directory when the project is inside it, else "".
 */
export function repositoryPrefix(root: string, cwd = process.cwd()): string {
  const asPrefix = (from: string) => {
    const path = relative(from, root).split(sep).join("/");
    return path === "" ? "" : `${path}/`;
  };
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return asPrefix(dir);
    if (dirname(dir) === dir) break;
  }
  const fromCwd = relative(resolve(cwd), resolve(root));
  return fromCwd.startsWith("..") || isAbsolute(fromCwd) ? "" : asPrefix(resolve(cwd));
}
