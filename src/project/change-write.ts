// One edit of one change file: under its lock, read it fresh, edit the text, write it
// atomically, and commit exactly that file unless told not to.
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
  return withFileLock(abs, async () => {
    const raw = readFileSync(abs, "utf8");
    const bom = raw.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
    const source = parseSource(abs, rel, "change", raw);
    if (source.parseIssues.some((i) => i.severity === "error")) throw new Error(`${rel} no longer parses; run tam validate`);
    const { text, result } = edit(source);
    if (text === null || text === source.text) return { result };
    writeFileAtomic(abs, bom + text);
    if (!message) return { result };
    const { commitFiles } = await import("./git.js");
    return { result, commit: await commitFiles(root, [rel], message(result)) };
  });
}
