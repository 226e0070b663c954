// Where the clients of a portfolio are: folders given on the command line, globs ("clients/*"),
// and a portfolio file listing them (paths relative to the file). I/O: reads folders and the file.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { UsageError } from "../errors.js";
import { isGitUrl } from "./portfolio-cache.js";

/** A client of the portfolio: a folder, or a git URL cloned into the cache (`path` is then the URL, as rows show it). */
export interface PortfolioEntry {
  path: string;
  git?: string;
}

const MAGIC = /[*?[]/;

function segmentPattern(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else if (ch === "[") {
      const end = segment.indexOf("]", i + 1);
      if (end < 0) source += "\\[";
      else {
        source += `[${segment
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else source += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/**
 * The folders a glob names, sorted (`*`, `?` and `[…]` in any segment; hidden folders only when the
 * pattern names the dot). A path without wildcards is returned as it is, whether it exists or not:
 * the row of a missing folder says so.
 */
function expandGlob(pattern: string, cwd: string): string[] {
  if (!MAGIC.test(pattern)) return [pattern];
  if (pattern.includes("**")) throw new UsageError(`${pattern}: "**" is not supported; use one "*" per folder level, e.g. clients/*`);
  const absolute = isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/);
  let bases: string[] = [absolute ? sep : ""];
  for (const [index, segment] of segments.entries()) {
    if (segment === "" && index === 0) continue;
    if (!MAGIC.test(segment)) {
      bases = bases.map((base) => (base === "" ? segment : join(base, segment)));
      continue;
    }
    const regex = segmentPattern(segment);
    const next: string[] = [];
    for (const base of bases) {
      let names: string[];
      try {
        names = readdirSync(resolve(cwd, base || "."));
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (name.startsWith(".") && !segment.startsWith(".")) continue;
        if (!regex.test(name)) continue;
        const path = base === "" ? name : join(base, name);
        try {
          if (statSync(resolve(cwd, path)).isDirectory()) next.push(path);
        } catch {
          // A broken link: not a folder.
        }
      }
    }
    bases = next;
  }
  return bases;
}

/**
 * The clients a portfolio file lists: folders resolved against the file's folder (then shown relative
 * to `cwd`), and git URLs. The file: `clients:`, a list of paths (or globs) or git URLs, each a
 * string, `{ path: … }` or `{ git: … }`.
 */
function readPortfolioFile(file: string, cwd: string): PortfolioEntry[] {
  const abs = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--file ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a portfolio file" : `cannot be read (${code ?? (error as Error).message})`}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const at = (node: Node | null | undefined) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    throw new UsageError(`${file}:${pos.line}:${pos.col}: ${error.message.split("\n")[0]}`);
  }
  const root = doc.contents;
  const example = "e.g.\nclients:\n  - ../northwind\n  - path: ../contoso\n  - git: https://git.example.com/clients/fabrikam.git";
  if (!isMap(root)) throw new UsageError(`${at(root)}: a portfolio file is a mapping with a \`clients\` list, ${example}`);
  const clients = root.get("clients", true) as Node | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key !== "clients") throw new UsageError(`${at(pair.key as Node)}: unknown key "${key}" in a portfolio file: it holds \`clients\`, ${example}`);
  }
  if (!isSeq(clients)) throw new UsageError(`${at(clients ?? root)}: \`clients\` must be a list of project folders, ${example}`);
  const base = dirname(abs);
  const entries: PortfolioEntry[] = [];
  for (const item of clients.items as Node[]) {
    let value: unknown;
    let git = false;
    if (isScalar(item)) value = item.value;
    else if (isMap(item)) {
      const keys = item.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ""));
      const extra = item.items.find((_pair, i) => !["path", "git"].includes(keys[i]!));
      if (extra) throw new UsageError(`${at(extra.key as Node)}: a client entry has \`path\` (a folder) or \`git\` (a URL), not "${isScalar(extra.key) ? String(extra.key.value) : "?"}"`);
      if (keys.includes("path") && keys.includes("git")) throw new UsageError(`${at(item)}: a client entry has \`path\` or \`git\`, not both`);
      git = keys.includes("git");
      value = item.get(git ? "git" : "path");
    }
    if (typeof value !== "string" || value.trim() === "") throw new UsageError(`${at(item)}: a client is a folder path or a git URL (a string, \`path: …\` or \`git: …\`)`);
    if (git && !isGitUrl(value)) throw new UsageError(`${at(item)}: \`git\` takes a URL (https://…, ssh://…, file://… or user@host:path), not "${value}"`);
    if (git || isGitUrl(value)) {
      entries.push({ path: value, git: value });
      continue;
    }
    const inBase = isAbsolute(value) ? value : join(base, value);
    for (const path of expandGlob(inBase, cwd)) entries.push({ path: relative(cwd, resolve(cwd, path)) || "." });
  }
  return entries;
}

/** Every client: the paths, globs and git URLs given, then those of the portfolio file; each once, in that order. */
export function portfolioPaths(args: readonly string[], file: string | undefined, cwd: string): PortfolioEntry[] {
  const given = args.flatMap((arg): PortfolioEntry[] => (isGitUrl(arg) ? [{ path: arg, git: arg }] : expandGlob(arg, cwd).map((path) => ({ path }))));
  const all = [...given, ...(file === undefined ? [] : readPortfolioFile(file, cwd))];
  const seen = new Set<string>();
  return all.filter(({ path, git }) => {
    const key = git ?? resolve(cwd, path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
