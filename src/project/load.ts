// Reading a client project: every YAML file parsed with source positions,
// typed data, and a way back from any entity to its file:line:col.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, isAbsolute } from "node:path";
import type { Issue, Location } from "../model/issues.js";
import type {
  Change,
  Component,
  Department,
  DocEntry,
  FileKind,
  Incident,
  Manifest,
} from "../model/files.js";
import { decodeText, MAX_FILE_BYTES } from "./guards.js";
import { locate, readSource, type PathSegment, type SourceFile } from "./source.js";

export const FILE_NAMES = {
  manifest: "tam.yaml",
  departments: "departments.yaml",
  architecture: "architecture.yaml",
  docs: "docs.yaml",
  changes: "changes",
  incidents: "incidents",
} as const;

export interface Project {
  root: string;
  files: SourceFile[];
  manifest: Manifest | undefined;
  departments: Department[];
  components: Component[];
  changes: Change[];
  incidents: Incident[];
  docs: DocEntry[];
  /** Problems found while reading: syntax errors, unreadable or misplaced files. */
  readIssues: Issue[];
  /** Where an entity, or a field below it, is written. */
  where(entity: object, ...field: PathSegment[]): Location;
  /** The file and path an entity was read from. */
  originOf(entity: object): { source: SourceFile; path: PathSegment[] } | undefined;
}

export type LoadPart = "departments" | "architecture" | "changes" | "incidents" | "docs";
const ALL_PARTS: LoadPart[] = ["departments", "architecture", "changes", "incidents", "docs"];

/** Reads the project. `parts` limits which files are read (the manifest always is). */
export function loadProject(root: string, parts: LoadPart[] = ALL_PARTS): Project {
  const files: SourceFile[] = [];
  const readIssues: Issue[] = [];
  const origins = new WeakMap<object, { source: SourceFile; path: PathSegment[] }>();

  const realRoot = realpathSync(root);
  const read = (rel: string, kind: FileKind): SourceFile | undefined => {
    const abs = join(root, rel);
    const refuse = (code: string, message: string, at: { line?: number; col?: number } = {}) => {
      readIssues.push({ severity: "error", code, message, file: rel, ...at });
      return undefined;
    };
    let text: string;
    try {
      // A link may point anywhere on the machine running tam (a CI runner's secrets, /dev/zero): refuse to follow it out.
      const real = realpathSync(abs);
      const inside = relative(realRoot, real);
      if (inside.startsWith("..") || isAbsolute(inside)) return refuse("outside-project", `${rel} is a link to ${real}, outside the project; tam reads only files inside it`);
      const stat = statSync(real);
      if (stat.isDirectory()) return refuse("not-a-file", `${rel} is a folder; a YAML file is expected here`);
      if (!stat.isFile()) return refuse("not-a-file", `${rel} is not a regular file; a YAML file is expected here`);
      if (stat.size > MAX_FILE_BYTES) {
        return refuse("file-too-large", `${rel} is too large (${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB per file)`);
      }
      const decoded = decodeText(readFileSync(real));
      if ("problem" in decoded) return refuse(decoded.problem.code, decoded.problem.message, { line: decoded.problem.line, col: decoded.problem.col });
      text = decoded.text;
    } catch (error) {
      return refuse("unreadable-file", `cannot read ${rel}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const source = readSource(abs, rel, kind, text);
    files.push(source);
    readIssues.push(...source.parseIssues);
    return source;
  };

  /** The array at `key` of a file's top-level map, each item remembered with its origin. */
  const collect = <T extends object>(source: SourceFile | undefined, key: string | null): T[] => {
    if (!source || !isObject(source.data)) return [];
    const list = key === null ? [source.data] : (source.data as Record<string, unknown>)[key];
    if (!Array.isArray(list)) return [];
    const items: T[] = [];
    list.forEach((item, index) => {
      if (!isObject(item)) return;
      origins.set(item, { source, path: key === null ? [] : [key, index] });
      items.push(item as T);
    });
    return items;
  };

  const manifestSource = read(FILE_NAMES.manifest, "manifest");
  const manifest = isObject(manifestSource?.data) ? (manifestSource!.data as unknown as Manifest) : undefined;
  if (manifest && manifestSource) origins.set(manifest, { source: manifestSource, path: [] });

  const optional = (rel: string, kind: FileKind) => (existsSync(join(root, rel)) ? read(rel, kind) : undefined);
  const want = new Set(parts);
  const departments = want.has("departments") ? collect<Department>(optional(FILE_NAMES.departments, "departments"), "departments") : [];
  const components = want.has("architecture") ? collect<Component>(optional(FILE_NAMES.architecture, "architecture"), "components") : [];
  const docs = want.has("docs") ? collect<DocEntry>(optional(FILE_NAMES.docs, "docs"), "docs") : [];
  const changes: Change[] = [];
  if (want.has("changes")) {
    for (const rel of listYaml(root, FILE_NAMES.changes, readIssues)) changes.push(...collect<Change>(read(rel, "change"), null));
  }
  const incidents: Incident[] = [];
  if (want.has("incidents")) {
    for (const rel of listYaml(root, FILE_NAMES.incidents, readIssues)) incidents.push(...collect<Incident>(read(rel, "incidents"), "incidents"));
  }

  return {
    root,
    files,
    manifest,
    departments,
    components,
    changes,
    incidents,
    docs,
    readIssues,
    originOf: (entity) => origins.get(entity),
    where(entity, ...field) {
      const origin = origins.get(entity);
      if (!origin) return { file: "?" };
      return locate(origin.source, [...origin.path, ...field], false);
    },
  };
}

/** The .yaml/.yml files of a folder, sorted, as paths relative to the root. */
function listYaml(root: string, folder: string, issues: Issue[]): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) {
    issues.push({ severity: "error", code: "not-a-folder", message: `${folder} must be a folder of YAML files`, file: folder });
    return [];
  }
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!/\.ya?ml$/i.test(entry.name)) continue;
    names.push(`${folder}/${entry.name}`);
  }
  return names.sort();
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
