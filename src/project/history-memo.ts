// What readHistory (src/project/history.ts) answered for a repository whose HEAD has not moved since,
// kept in the user's cache folder: an unchanged repository then costs docs check, arch risks and
// report no git process. The answer depends only on the commits reachable from HEAD and on the
// request, and a commit never changes: the key is the repository's top folder, the project's prefix
// in it, HEAD's commit id (read from .git's files: src/project/git-head.ts) and the whole request
// (architecture.yaml's working text itself, the docs, the first day, a baseline given as a full id).
// One file per repository and prefix; its key is checked in full, so two repositories whose file
// names clash only miss. Like the zone memo (src/project/zone-memo.ts), a memo is only ever an
// optimisation: a missing, foreign, corrupt or unwritable file costs asking git, and is never reported
// (src/project/cache-file.ts).
import { join } from "node:path";
import { nameHash, pruneCacheFiles, readCacheFile, writeCacheFile } from "./cache-file.js";
import type { CommitFact, ComponentCommit, ComponentRename } from "../domain/freshness/types.js";
import type { GitHead } from "./git-head.js";
import type { History, HistoryRequest } from "./history-types.js";

/** What the CLI hands readHistory: the answer kept for a key, and a way to keep a new one. */
export interface HistoryMemo {
  recall(key: HistoryMemoKey): History | undefined;
  keep(key: HistoryMemoKey, history: History): void;
}

export interface HistoryMemoKey {
  top: string;
  prefix: string;
  head: string;
  architecture: { rel: string; text: string } | null;
  docPaths: string[];
  since: string | null;
  baseline: string | null;
}

const PREFIX = "tam-git-history-";
const HEADER = "tam git history 1";
/** A memo larger than this (a history of many thousands of commits) is not written: git answers such a project each time. */
const MAX_BYTES = 32 * 1024 * 1024;
const FULL_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The key of `request` at `head`, or undefined when the answer could change without HEAD moving:
 * a baseline given by an abbreviated id or a name (a new object or ref can change what it means).
 */
export function historyMemoKey(head: GitHead, request: HistoryRequest): HistoryMemoKey | undefined {
  if (request.baseline !== undefined && !FULL_ID.test(request.baseline)) return undefined;
  return {
    top: head.top,
    prefix: head.prefix,
    head: head.commit,
    architecture: request.architecture ? { rel: request.architecture.rel, text: request.architecture.text } : null,
    docPaths: [...new Set(request.docPaths)].sort(),
    since: request.since ?? null,
    baseline: request.baseline ?? null,
  };
}

export function historyMemoFile(folder: string, key: Pick<HistoryMemoKey, "top" | "prefix">): string {
  // The name's hash is of the repository's top and prefix: the file's name, not its identity.
  return join(folder, `${PREFIX}${nameHash(`${key.top}\0${key.prefix}`)}.json`);
}

/** The file's text after its header: the key (one JSON line, compared in full), the answer (one JSON line). */
function memoText(key: HistoryMemoKey, history: History): string {
  const value = {
    componentCommits: history.componentCommits,
    uncommitted: history.uncommitted,
    files: [...history.files],
    gitProcesses: history.gitProcesses,
    prefix: history.prefix,
    notes: history.notes,
  };
  return `${JSON.stringify(key)}\n${JSON.stringify(value)}\n`;
}

const isString = (value: unknown): value is string => typeof value === "string";
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isCommit(value: unknown): value is CommitFact {
  const commit = value as CommitFact;
  return typeof commit === "object" && commit !== null && isString(commit.hash) && Number.isSafeInteger(commit.time) && isString(commit.author) && isString(commit.subject);
}

function isRename(value: unknown): value is ComponentRename {
  const rename = value as ComponentRename;
  return typeof rename === "object" && rename !== null && isString(rename.from) && isString(rename.to);
}

function isComponentCommit(value: unknown): value is ComponentCommit {
  const entry = value as ComponentCommit;
  return (
    typeof entry === "object" &&
    entry !== null &&
    isCommit(entry.commit) &&
    isStrings(entry.changed) &&
    isStrings(entry.added) &&
    isStrings(entry.removed) &&
    Array.isArray(entry.renamed) &&
    entry.renamed.every(isRename)
  );
}

/** The answer of a memo's text after its header for `key`, or undefined when the text is another key's, or not whole. */
function parseHistoryMemo(text: string, key: HistoryMemoKey): History | undefined {
  const keyLine = `${JSON.stringify(key)}\n`;
  if (!text.startsWith(keyLine)) return undefined;
  const value = JSON.parse(text.slice(keyLine.length, -1)) as Record<string, unknown>;
  if (typeof value !== "object" || value === null) return undefined;
  const { componentCommits, uncommitted, files, gitProcesses, prefix, notes } = value;
  if (!Array.isArray(componentCommits) || !componentCommits.every(isComponentCommit)) return undefined;
  if (!isStrings(uncommitted) || !isStrings(notes) || !isString(prefix) || !isCount(gitProcesses) || !Array.isArray(files)) return undefined;
  const byFile = new Map<string, CommitFact[]>();
  for (const entry of files as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || !isString(entry[0]) || !Array.isArray(entry[1]) || !entry[1].every(isCommit)) return undefined;
    byFile.set(entry[0], entry[1]);
  }
  return { available: true, componentCommits, uncommitted, files: byFile, gitProcesses, prefix, notes };
}

/** The kept answer for `key`, or undefined (no file, another key's, a corrupt one). Never fails. */
function recallHistory(folder: string, key: HistoryMemoKey): History | undefined {
  const text = readCacheFile(historyMemoFile(folder, key), HEADER);
  try {
    return text === undefined ? undefined : parseHistoryMemo(text, key);
  } catch {
    return undefined; // not JSON
  }
}

/**
 * Keeps an available answer for `key` (readable by the user alone: it holds the client's
 * architecture.yaml and commit authors and subjects), and deletes the memos of repositories not
 * written for a week. Never fails.
 */
function keepHistory(folder: string, key: HistoryMemoKey, history: History): void {
  if (!history.available) return;
  let text: string;
  try {
    text = memoText(key, history);
  } catch {
    return; // too large for one string
  }
  if (Buffer.byteLength(text, "utf8") <= MAX_BYTES) writeCacheFile(historyMemoFile(folder, key), HEADER, text);
  pruneCacheFiles(folder, PREFIX);
}

/** The CLI's memo in `folder`. */
export function historyMemo(folder: string): HistoryMemo {
  return { recall: (key) => recallHistory(folder, key), keep: (key, history) => keepHistory(folder, key, history) };
}

let active: HistoryMemo | undefined;

/** Set by main() (src/cli.ts) for the run: the library itself keeps no memo. */
export function useHistoryMemo(memo: HistoryMemo | undefined): void {
  active = memo;
}

/** The memo main() set for this run, if any. */
export function activeHistoryMemo(): HistoryMemo | undefined {
  return active;
}
