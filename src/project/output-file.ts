// Files a command writes where the user says (`tam report -o FILE`): a path that is a folder, or
// that cannot be written, is a usage error naming the path as given.
import { lstatSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { systemErrorReason, UsageError } from "../errors.js";
import { writeFileAtomic } from "./write.js";

/** Writes `text` atomically to the file named with -o (relative to the working folder); a folder, a path under a file or an unwritable place is a usage error naming the path as given. */
export function writeOutputFile(asGiven: string, text: string): void {
  const target = resolve(process.cwd(), asGiven);
  refuseOutputPath(target, asGiven);
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    throw outputWriteError(error, asGiven);
  }
}

/** Throws a usage error when `target` is a folder or its parent is not one (before anything is written). */
function refuseOutputPath(target: string, asGiven: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // not there yet (or a broken link: the write says so)
  }
  if (isFolder) throw new UsageError(`-o ${asGiven}: is a folder; give the name of a file to write`);
  const parent = dirname(target);
  let parentIsFolder = true;
  try {
    parentIsFolder = !lstatSync(parent, { throwIfNoEntry: false }) || statSync(parent).isDirectory();
  } catch {
    // the write reports what the system says
  }
  if (!parentIsFolder) throw new UsageError(`-o ${asGiven}: ${dirname(asGiven)} is not a folder`);
}

/** The usage error for a failed write to a user-named output, or the error itself when it is not the system's. */
function outputWriteError(error: unknown, asGiven: string): unknown {
  const reason = systemErrorReason(error);
  return reason ? new UsageError(`-o ${asGiven}: cannot write it: ${reason}`) : error;
}
