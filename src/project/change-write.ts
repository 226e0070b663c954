// One edit of one change file: under its lock, read it fresh, edit the text, write it
// atomically, and commit exactly that file unless told not to.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EditError } from "../errors.js";
import { withFileLock } from "./lock.js";
import { parseSource, type SourceFile } from "./source.js";
import { writeFileAtomic } from "./write.js";

export interface SavedEdit<T> {
  result: T;
  commit?: string;
}

/**
 * `edit` gets the file as it is now and returns the new text (or null to leave it) and a result.
 * `message` names the commit; undefined means no commit.
 */
export async function editChangeFile<T>(root: string, rel: string, edit: (source: SourceFile) => { text: string | null; result: T }, message: ((result: T) => string) | undefined): Promise<SavedEdit<T>> {
  const abs = join(root, rel);
  if (message) {
    // Refuse a repository tam cannot commit in before touching the file.
    const { assertCanCommit } = await import("./git.js");
    await assertCanCommit(root);
  }
  return withFileLock(abs, async () => {
    const raw = readFileSync(abs, "utf8");
    const bom = raw.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
    // A file written with CRLF throughout is edited as LF and written back as CRLF, so no line changes its ending.
    const crlf = raw.includes("\r\n") && !/(^|[^\r])\n/.test(raw);
    const source = parseSource(abs, rel, "change", crlf ? raw.replace(/\r\n/g, "\n") : raw);
    if (source.parseIssues.some((i) => i.severity === "error")) throw new EditError(`${rel} no longer parses; run tam validate (nothing was written)`);
    const { text, result } = edit(source);
    if (text === null || text === source.text) return { result };
    writeFileAtomic(abs, bom + (crlf ? text.replace(/\n/g, "\r\n") : text));
    if (!message) return { result };
    const { commitFiles } = await import("./git.js");
    return { result, commit: await commitFiles(root, [rel], message(result)) };
  });
}
