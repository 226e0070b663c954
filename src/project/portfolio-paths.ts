// Where the clients of a portfolio are: folders given on the command line, globs ("clients/*"),
// and a portfolio file listing them (paths relative to the file). I/O: reads folders and the file.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { UsageError } from "../errors.js";

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
export function expandGlob(pattern: string, cwd: string): string[] {
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
 * The project paths a portfolio file lists, resolved against the file's folder (then shown relative
 * to `cwd`). The file: `clients:`, a list of paths (or globs), each a string or `{ path: … }`.
 */
export function readPortfolioFile(file: string, cwd: string): string[] {
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
  const example = "e.g.\nclients:\n  - ../northwind\n  - path: ../contoso";
  if (!isMap(root)) throw new UsageError(`${at(root)}: a portfolio file is a mapping with a \`clients\` list, ${example}`);
  const clients = root.get("clients", true) as Node | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key !== "clients") throw new UsageError(`${at(pair.key as Node)}: unknown key "${key}" in a portfolio file: it holds \`clients\`, ${example}`);
  }
  if (!isSeq(clients)) throw new UsageError(`${at(clients ?? root)}: \`clients\` must be a list of project folders, ${example}`);
  const base = dirname(abs);
  const paths: string[] = [];
  for (const item of clients.items as Node[]) {
    let value: unknown;
    if (isScalar(item)) value = item.value;
    else if (isMap(item)) {
      value = item.get("path");
      const extra = item.items.find((pair) => !isScalar(pair.key) || pair.key.value !== "path");
      if (extra) throw new UsageError(`${at(extra.key as Node)}: a client entry has only \`path\``);
    }
    if (typeof value !== "string" || value.trim() === "") throw new UsageError(`${at(item)}: a client is a folder path (a string, or \`path: …\`)`);
    const inBase = isAbsolute(value) ? value : join(base, value);
    for (const path of expandGlob(inBase, cwd)) paths.push(relative(cwd, resolve(cwd, path)) || ".");
  }
  return paths;
}

/** Every client folder: the paths and globs given, then those of the portfolio file; each once, in that order. */
export function portfolioPaths(args: readonly string[], file: string | undefined, cwd: string): string[] {
  const all = [...args.flatMap((arg) => expandGlob(arg, cwd)), ...(file === undefined ? [] : readPortfolioFile(file, cwd))];
  const seen = new Set<string>();
  return all.filter((path) => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
