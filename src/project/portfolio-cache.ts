// Client projects named by a git URL in a portfolio file: cloned once into a cache folder, then
// fetched on each run (the working tree set to the remote's HEAD). The cache is tam's own: a
// clone is made beside its place and renamed into it, so a clone cut short never passes for one.
// git never prompts (no terminal, no credential helper asking): a URL that needs a password it
// does not have fails, and the row of that client says why.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { remoteGit } from "./git.js";

/** The user's cache folder of tam's portfolio clones: $XDG_CACHE_HOME/tam/portfolio (~/.cache/tam/portfolio). */
export function defaultPortfolioCache(): string {
  const base = process.env.XDG_CACHE_HOME || (process.platform === "win32" && process.env.LOCALAPPDATA) || join(homedir(), ".cache");
  return join(base, "tam", "portfolio");
}

/** Whether a portfolio entry is a git URL rather than a folder: scheme://…, file://…, or scp-like user@host:path. */
export function isGitUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^[\w.-]+@[\w.-]+:/.test(value);
}

/** The clone's folder in the cache: the URL's last name (readable) and a hash of the whole URL (unique). */
function cloneFolder(url: string, cache: string): string {
  const tail =
    (url.replace(/\/+$/, "").split(/[/:]/).pop() ?? "repo")
      .replace(/\.git$/, "")
      .replace(/[^\w.-]+/g, "_")
      .slice(0, 40) || "repo";
  // node:crypto on first use (a portfolio of remote projects), not for every portfolio: about 4 ms to load.
  const { createHash } = process.getBuiltinModule("node:crypto");
  const hash = createHash("sha256").update(url).digest("hex").slice(0, 12);
  return join(cache, `${tail}-${hash}`);
}

/**
 * The clone of `url` in `cache`, brought up to date: cloned when missing, else fetched and its
 * working tree set to what the remote's HEAD is now. Rejects with git's message when either fails.
 */
export async function syncClone(url: string, cache: string): Promise<string> {
  const folder = cloneFolder(url, cache);
  mkdirSync(cache, { recursive: true });
  if (existsSync(join(folder, ".git"))) {
    await remoteGit(["fetch", "--quiet", "--no-tags", "origin", "HEAD"], folder);
    await remoteGit(["reset", "--quiet", "--hard", "FETCH_HEAD"], folder);
    return folder;
  }
  const partial = `${folder}.partial-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await remoteGit(["clone", "--quiet", "--", url, partial], cache);
    rmSync(folder, { recursive: true, force: true }); // a folder without .git is not a clone of ours
    renameSync(partial, folder);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return folder;
}
