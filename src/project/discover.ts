// Finding the project root: -C DIR, else walk up from the working directory
// to the nearest folder holding tam.yaml, as git does for .git.
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
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
