// What readHistory (history.ts) answers and is asked: apart from it, so that the memo of its answers
// (history-memo.ts), which history.ts consults, names them without importing history.ts back.
import type { GitFacts } from "../domain/freshness/types.js";
import type { DateText } from "../model/files.js";
import type { SourceFile } from "./source.js";

export interface History extends GitFacts {
  /** How many git processes were started; constant by design, reported in JSON `meta`. */
  gitProcesses: number;
  /** The project folder inside the repository ("" at the top, "examples/northwind/" below it). */
  prefix: string;
  /** Things to tell the user once (a baseline commit git does not know, ...). */
  notes: string[];
}

export interface HistoryRequest {
  /** architecture.yaml as it is in the working tree (compared with HEAD for uncommitted edits). */
  architecture: SourceFile | undefined;
  /** Project-relative paths of the docs kept in the repository. */
  docPaths: readonly string[];
  /** Commits before this day cannot matter (the oldest review); undefined reads the whole history. */
  since?: DateText;
  /** A commit recorded with `tam docs baseline`: it and its ancestors are the starting point, not changes. */
  baseline?: string;
}
