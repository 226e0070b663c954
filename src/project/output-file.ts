// Files a command writes where the user says (`tam report -o FILE`): a path that is a folder, or
// that cannot be written, is a usage error naming the path as given, before or instead of a write.
import { lstatSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "../errors.js";
import { systemErrorReason } from "../system-errors.js";
import { writeFileAtomic } from "./write.js";

export function writeOutputFile(target: string, asGiven: string, text: string): void {
  const refuse = (why: string) => new UsageError(`-o ${asGiven}: ${why}`);
  let isFolder = false;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // not there yet (or a broken link: the write below says so)
  }
  if (isFolder) throw refuse("is a folder; give the name of a file to write");
  try {
    const parent = dirname(target);
    if (lstatSync(parent, { throwIfNoEntry: false }) && !statSync(parent).isDirectory()) throw refuse(`${dirname(asGiven)} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    const reason = systemErrorReason(error);
    if (reason) throw refuse(`cannot write it: ${reason}`);
    throw error;
  }
}
