// File-system failures the user can act on, said in terms of the user's file: permission denied,
// a read-only file system, a full disk, a folder where a file should be. Exit 2, never "internal error".
import { UsageError } from "../errors.js";

const EXPLAIN: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exhausted",
  EISDIR: "it is a folder; a file is expected there",
  ENOTDIR: "a part of its path is a file, not a folder",
  ENOENT: "it does not exist",
  EMFILE: "too many open files",
  EBUSY: "the file is busy",
};

/** A UsageError naming `path` for a file-system error; other errors are returned unchanged. */
export function fileProblem(error: unknown, path: string, doing: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !(code in EXPLAIN)) return error;
  return new UsageError(`${doing}: ${path}: ${EXPLAIN[code]} (${code})`);
}
