// The files the CLI keeps in the user's cache folder (src/launch.ts finds it): the zone offsets
// (zone-memo.ts), the git history of an unchanged repository (history-memo.ts) and the findings of
// an unchanged project (findings-memo.ts). Each is only ever an optimisation, so one rule for all:
// a file is read only when its first line says in full what it was made for (another version of
// tam, another key: a miss), is replaced atomically, is readable by the user alone (it may hold
// what the client's files say), and nothing here ever fails or reports: a missing, foreign, corrupt
// or unwritable file costs the work it would have spared. (launch.ts keeps the code caches with the
// same rules on its own: it is built unbundled and cannot import this module.)
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The text after the first line of `file` when that line is `header` in full and the text ends with
 * a newline (a file cut short by a full disk is not whole); undefined otherwise, or without a file.
 */
export function readCacheFile(file: string, header: string): string | undefined {
  try {
    const text = readFileSync(file, "utf8");
    const head = `${header}\n`;
    return text.startsWith(head) && text.endsWith("\n") ? text.slice(head.length) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `header`, a newline and `body` (which ends with a newline) to `file`, atomically: a
 * concurrent run reads the old file or the new one. Mode 0600. Never fails.
 */
export function writeCacheFile(file: string, header: string, body: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${header}\n${body}`, { encoding: "utf8", mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // A read-only home, a full disk: the next run does the work again.
  }
}

/** Files not written this long are deleted when tam writes one of their kind (two installed versions, a project gone). */
const STALE_MS = 7 * 86_400_000;

/**
 * Deletes the files of `folder` whose names start with `prefix`, are not kept by `keep`, and were not
 * written for STALE_MS. Never fails.
 */
export function pruneCacheFiles(folder: string, prefix: string, keep: (name: string) => boolean = () => false, now = Date.now()): void {
  try {
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(prefix) || keep(name)) continue;
      const path = join(folder, name);
      if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    }
  } catch {
    // Another tam pruning at the same time, a folder that went away: nothing to do.
  }
}

/** A cheap hash of a text (53 bits, cyrb53) in base 36: part of a file's name, never its identity (the header is). */
export function nameHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
