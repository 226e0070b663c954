// The end of every incident write: one write transaction (fresh read under the lock, in-memory
// validation, atomic write, exact commit); what it did is returned for the command to say.
import type { Project } from "../project/load.js";
import { editFiles, type FileEdit, type WriteResult } from "../project/transaction.js";
import { transactionFlags, type WriteRequest } from "./write-request.js";

export interface IncidentWrite {
  write: WriteResult;
  /** The commit message's first line. */
  subject: string;
}

export async function writeIncidentFiles(project: Project, edits: readonly FileEdit[] | (() => readonly FileEdit[]), message: string | (() => string), request: WriteRequest): Promise<IncidentWrite> {
  const write = await editFiles(project, edits, {
    message,
    ...transactionFlags(request),
  });
  return { write, subject: (typeof message === "string" ? message : message()).split("\n")[0]! };
}
