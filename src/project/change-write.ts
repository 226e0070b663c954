// Edits of project files: under their locks (taken in a fixed order), read each file fresh,
// edit the texts, write them atomically, and commit exactly those files unless told not to.
// `editFiles` is the one call the change lifecycle writes through (a change file, and
// architecture.yaml when a change closes), so it can be swapped for the project-wide write
// transaction in one place.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EditError } from "../errors.js";
import type { FileKind } from "../model/files.js";
import { withFileLock } from "./lock.js";
import { parseSource, type SourceFile } from "./source.js";
import { writeFileAtomic } from "./write.js";

export interface SavedEdit<T> {
  result: T;
  commit?: string;
}

export interface FileToEdit {
  rel: string;
  kind: FileKind;
}

/** The file's text as edited (LF line ends, no BOM), with how to write it back the way it was. */
interface Read {
  source: SourceFile;
  bom: string;
  crlf: boolean;
}

function readForEdit(root: string, file: FileToEdit): Read {
  const abs = join(root, file.rel);
  const raw = readFileSync(abs, "utf8");
  const bom = raw.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  // A file written with CRLF throughout is edited as LF and written back as CRLF, so no line changes its ending.
  const crlf = raw.includes("\r\n") && !/(^|[^\r])\n/.test(raw);
  const source = parseSource(abs, file.rel, file.kind, crlf ? raw.replace(/\r\n/g, "\n") : raw);
  if (source.parseIssues.some((i) => i.severity === "error")) throw new EditError(`${file.rel} no longer parses; run tam validate (nothing was written)`);
  return { source, bom, crlf };
}

async function withLocks<T>(paths: string[], work: () => Promise<T>): Promise<T> {
  if (paths.length === 0) return work();
  const [first, ...rest] = paths;
  return withFileLock(first!, () => withLocks(rest, work));
}

/**
 * `edit` gets the files as they are now (by relative path) and returns the new texts (a file left
 * out, or null, stays as it is) and a result. `message` names the commit; undefined means no commit.
 * Every text is computed before anything is written, so a refusal writes nothing.
 */
export async function editFiles<T>(
  root: string,
  files: readonly FileToEdit[],
  edit: (sources: ReadonlyMap<string, SourceFile>) => { texts: ReadonlyMap<string, string | null>; result: T },
  message: ((result: T) => string) | undefined,
): Promise<SavedEdit<T>> {
  if (message) {
    // Refuse a repository tam cannot commit in before touching the files.
    const { assertCanCommit } = await import("./git.js");
    await assertCanCommit(root);
  }
  const ordered = [...files].sort((a, b) => a.rel.localeCompare(b.rel));
  return withLocks(
    ordered.map((f) => join(root, f.rel)),
    async () => {
      const reads = new Map(ordered.map((f) => [f.rel, readForEdit(root, f)]));
      const { texts, result } = edit(new Map([...reads].map(([rel, r]) => [rel, r.source])));
      const changed = ordered.filter((f) => {
        const text = texts.get(f.rel);
        return text !== undefined && text !== null && text !== reads.get(f.rel)!.source.text;
      });
      for (const file of changed) {
        const { bom, crlf, source } = reads.get(file.rel)!;
        const text = texts.get(file.rel)!;
        writeFileAtomic(source.abs, bom + (crlf ? text.replace(/\n/g, "\r\n") : text));
      }
      if (!message || changed.length === 0) return { result };
      const { commitFiles } = await import("./git.js");
      return { result, commit: await commitFiles(root, changed.map((f) => f.rel), message(result)) };
    },
  );
}

/** One edit of one change file: `edit` returns its new text (or null to leave it) and a result. */
export async function editChangeFile<T>(root: string, rel: string, edit: (source: SourceFile) => { text: string | null; result: T }, message: ((result: T) => string) | undefined): Promise<SavedEdit<T>> {
  return editFiles(
    root,
    [{ rel, kind: "change" }],
    (sources) => {
      const { text, result } = edit(sources.get(rel)!);
      return { texts: new Map([[rel, text]]), result };
    },
    message,
  );
}
