// Where each doc of the index points: an external URL, a file inside the project,
// or a path that leaves the project folder (refused, never read).
import { existsSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { LocationFact } from "../domain/freshness/types.js";

const URL_PATTERN = /^https?:\/\//i;

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

function inspectLocation(root: string, location: string, realRoot: () => string): LocationFact {
  if (URL_PATTERN.test(location)) return { kind: "external" };
  const path = location.replace(/\\/g, "/");
  if (isAbsolute(location) || /^[a-zA-Z]:/.test(location) || path.split("/").includes("..")) return { kind: "outside", path };
  const target = resolve(root, path);
  if (!inside(root, target)) return { kind: "outside", path };
  if (!existsSync(target)) return { kind: "file", path: normalize(path), exists: false };
  // A symlink inside the project may still point outside it.
  if (!inside(realRoot(), realpathSync(target))) return { kind: "outside", path };
  return { kind: "file", path: normalize(path), exists: true };
}

/** "./docs//a.md" → "docs/a.md", the form git prints. */
function normalize(path: string): string {
  return path
    .split("/")
    .filter((part) => part !== "" && part !== ".")
    .join("/");
}

export function inspectLocations(root: string, locations: readonly string[]): Map<string, LocationFact> {
  // The project folder's real path is the same for every doc: resolved once, when a doc file exists.
  let real: string | undefined;
  const realRoot = () => (real ??= realpathSync(root));
  return new Map([...new Set(locations)].map((location) => [location, inspectLocation(root, location, realRoot)]));
}
