// The findings of a project (projectIssues, src/project/check.ts) that an earlier run of the CLI
// computed, kept in the user's cache folder: every read command validates the whole project before
// it works, and while the project's files are unchanged that answer is the same. It is a function of
// the files read (their paths, kinds and texts: the data, its positions and parse problems follow
// from the text), the read problems, and the code that checks them: tam's build (the bundle's id,
// which holds the schemas' validators) and the Node that runs it (the zone names and offsets Intl
// knows). So the key is the build, Node's versions, the real root and, per file in order, its path,
// kind and text, and the read problems; it is compared in full. The texts themselves, not a hash of
// them: a hash in JavaScript runs in a process that has not compiled it yet, where it costs more than
// the checks it spares, while writing and comparing the texts is native string work (the file is
// the user's alone: cache-file.ts). No
// build id (the ES modules of dist/, tests) means no memo: code could change under the same name.
// One file per project root and set of files (commands that read different parts of a project keep
// one each instead of replacing each other's). A memo is only ever an optimisation (cache-file.ts).
import { realpathSync } from "node:fs";
import { join } from "node:path";
import type { Issue } from "../model/issues.js";
import { nameHash, pruneCacheFiles, readCacheFile, writeCacheFile } from "./cache-file.js";
import type { Project } from "./load.js";

/** What the CLI hands projectIssues: the kept findings of a project, or the computed ones, kept. */
export interface FindingsMemo {
  findings(project: Project, compute: (project: Project) => Issue[]): Issue[];
}

const PREFIX = "tam-findings-";
/**
 * Projects whose texts are larger than this (in UTF-16 units) are checked each run: the memo is for
 * short runs, where validation is a large share of the time, and reading, writing and comparing the
 * key grow with the project on every run, hit or miss, while the share validation has of a long run
 * shrinks.
 */
export const MAX_TEXT = 4 * 1024 * 1024;

const SEVERITIES: readonly unknown[] = ["error", "warning", "info"];
const isPosition = (value: unknown) => value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);

function isIssue(value: unknown): value is Issue {
  const issue = value as Issue;
  return (
    typeof issue === "object" &&
    issue !== null &&
    SEVERITIES.includes(issue.severity) &&
    typeof issue.code === "string" &&
    typeof issue.message === "string" &&
    typeof issue.file === "string" &&
    isPosition(issue.line) &&
    isPosition(issue.col) &&
    (issue.hint === undefined || typeof issue.hint === "string")
  );
}

/** The findings of a memo's text after its header when its key line is `keyLine`; undefined for another key, or a text not whole. */
function parseFindings(text: string, keyLine: string): Issue[] | undefined {
  if (!text.startsWith(keyLine)) return undefined;
  try {
    const value = JSON.parse(text.slice(keyLine.length)) as unknown;
    return Array.isArray(value) && value.every(isIssue) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The memo of the CLI in `folder` for tam's build `buildId`. */
export function findingsMemo(folder: string, buildId: string): FindingsMemo {
  const { node, icu, tz } = process.versions as { node?: string; icu?: string; tz?: string };
  const word = (text: string | undefined) => String(text).replace(/\s/g, "_");
  const header = `tam findings 1 ${word(buildId)} node-${word(node)} icu-${word(icu)} tz-${word(tz)}`;
  return {
    findings(project, compute) {
      let size = 0;
      for (const file of project.files) size += file.text.length;
      if (size > MAX_TEXT) return compute(project);
      let root: string;
      try {
        root = realpathSync(project.root);
      } catch {
        return compute(project);
      }
      const files = project.files.map((file) => [file.rel, file.kind, file.text]);
      const keyLine = `${JSON.stringify({ root, files, readIssues: project.readIssues })}\n`;
      const name = `${PREFIX}${nameHash(`${root}\0${project.files.map((file) => file.rel).join("\0")}`)}.json`;
      const memoFile = join(folder, name);
      const text = readCacheFile(memoFile, header);
      const kept = text === undefined ? undefined : parseFindings(text, keyLine);
      if (kept) return kept;
      const issues = compute(project);
      writeCacheFile(memoFile, header, `${keyLine}${JSON.stringify(issues)}\n`);
      pruneCacheFiles(folder, PREFIX);
      return issues;
    },
  };
}

let active: FindingsMemo | undefined;

/** Set by main() (src/cli.ts) for the run: the library itself keeps no memo. */
export function useFindingsMemo(memo: FindingsMemo | undefined): void {
  active = memo;
}

/** The memo main() set for this run, if any. */
export function activeFindingsMemo(): FindingsMemo | undefined {
  return active;
}
