// Reading a client project: every YAML file parsed with source positions,
// typed data, and a way back from any entity to its file:line:col.
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { basename, join, relative, isAbsolute } from "node:path";
import type { Issue, Location } from "../model/issues.js";
import type { Change, Component, Department, DocEntry, FileKind, Incident, Manifest, Meeting, RecommendationEntry } from "../model/files.js";
import { systemErrorReason } from "../errors.js";
import { decodeText, MAX_FILE_BYTES } from "./guards.js";
import { fastData, locate, readSource, withoutBom, type PathSegment, type SourceFile } from "./source.js";
import { pushAll } from "../util/collections.js";

export const FILE_NAMES = {
  manifest: "tam.yaml",
  departments: "departments.yaml",
  architecture: "architecture.yaml",
  docs: "docs.yaml",
  recommendations: "recommendations.yaml",
  meetings: "meetings.yaml",
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
  /** recommendations.yaml: what the provider advised and what the client decided (empty without the file). */
  recommendations: RecommendationEntry[];
  /** meetings.yaml: the minutes of client meetings, their decisions and action items (empty without the file). */
  meetings: Meeting[];
  /** Problems found while reading: syntax errors, unreadable or misplaced files. */
  readIssues: Issue[];
  /** Where an entity, or a field below it, is written. */
  where(entity: object, ...field: PathSegment[]): Location;
  /** The file and path an entity was read from. */
  originOf(entity: object): { source: SourceFile; path: PathSegment[] } | undefined;
}

/** Where an entity was read: a whole file's data (path), or an item of the list at a top-level key. */
type Origin = { source: SourceFile; path: PathSegment[] } | { source: SourceFile; key: string; list: unknown[] };

export type LoadPart = "departments" | "architecture" | "changes" | "incidents" | "docs" | "recommendations" | "meetings";
const ALL_PARTS: LoadPart[] = ["departments", "architecture", "changes", "incidents", "docs", "recommendations", "meetings"];

export interface LoadOptions {
  /** Replaces files' text (relative path -> text, new files included): the project as an edit would leave it. */
  overrides?: ReadonlyMap<string, string>;
  /** Files parsed already (by relative path): one whose text is unchanged on disk is reused, not parsed again. */
  reuse?: ReadonlyMap<string, SourceFile>;
  /**
   * Incident files are handed to this one by one, in order, as they are read, with the project read
   * so far (manifest, departments, architecture …), and not kept in the project (its `incidents`
   * stay empty): a command that only aggregates them holds one file at a time.
   */
  eachIncidentFile?: (file: IncidentFile, project: Project) => void;
  /**
   * Take the files of `reuse` as they are, without reading them from disk again: the project as an
   * edit would leave it, built from a read made a moment ago under the write lock.
   */
  reuseAsRead?: boolean;
  /** Only these incident files (relative paths), e.g. to look at one again. */
  incidentFiles?: readonly string[];
  /** Only these change files (relative paths): an update of one running change reads its own file, not the others. */
  changeFiles?: readonly string[];
  /** The command locates its findings (validate): small files' positions are read with their data (source.ts, fastData). */
  positionsWithData?: boolean;
}

/** One incident file as read: its source (none when it could not be read), its incidents and read problems, and how to locate them. */
export interface IncidentFile extends Pick<Project, "files" | "incidents" | "readIssues" | "where" | "originOf"> {
  rel: string;
}

/** Reads the project. `parts` limits which files are read (the manifest always is). */
export function loadProject(root: string, parts: LoadPart[] = ALL_PARTS, options: LoadOptions = {}): Project {
  const { overrides, reuse } = options;
  const files: SourceFile[] = [];
  const readIssues: Issue[] = [];
  const origins = new WeakMap<object, Origin>();
  const originOf = (entity: object): { source: SourceFile; path: PathSegment[] } | undefined => {
    const origin = origins.get(entity);
    if (!origin || "path" in origin) return origin;
    return { source: origin.source, path: [origin.key, origin.list.indexOf(entity)] };
  };

  const realRoot = realpathSync(root);
  /** Where the folder of a file (the root, changes, incidents) really is, found once; undefined when it cannot be resolved. */
  const realFolders = new Map<string, string | undefined>([["", realRoot]]);
  const realFolder = (rel: string): string | undefined => {
    const slash = rel.lastIndexOf("/");
    const folder = slash < 0 ? "" : rel.slice(0, slash);
    if (!realFolders.has(folder)) {
      let real: string | undefined;
      try {
        real = realpathSync(join(root, folder));
      } catch {
        real = undefined; // the file's own read says why
      }
      realFolders.set(folder, real);
    }
    return realFolders.get(folder);
  };
  /** The text of a project file, or undefined (with a finding) when it cannot be read as one. */
  const readText = (rel: string): string | undefined => {
    const abs = join(root, rel);
    const refuse = (code: string, message: string, at: { line?: number; col?: number } = {}) => {
      readIssues.push({ severity: "error", code, message, file: rel, ...at });
      return undefined;
    };
    const override = overrides?.get(rel);
    if (override !== undefined) return override;
    try {
      // A file that is no link (nearly every one) is where its folder really is, and its lstat is its
      // stat: one lstat instead of a realpath (an lstat of every folder on the way) and a stat per file.
      const own = lstatOrNothing(abs);
      const folder = own && !own.isSymbolicLink() ? realFolder(rel) : undefined;
      let real: string;
      let stat: Stats;
      if (own && folder !== undefined) {
        real = join(folder, basename(rel));
        stat = own;
      } else {
        const link = linkProblem(abs, rel);
        if (link) return refuse(link.code, link.message);
        real = realpathSync(abs);
        stat = statSync(real);
      }
      // A link may point anywhere on the machine running tam (a CI runner's secrets, /dev/zero): refuse to follow it out.
      const inside = relative(realRoot, real);
      if (inside.startsWith("..") || isAbsolute(inside)) return refuse("outside-project", `${rel} is a link to ${real}, outside the project; tam reads only files inside it`);
      if (stat.isDirectory()) return refuse("not-a-file", `${rel} is a folder; a YAML file is expected here`);
      if (!stat.isFile()) return refuse("not-a-file", `${rel} is not a regular file; a YAML file is expected here`);
      if (stat.size > MAX_FILE_BYTES) {
        return refuse("file-too-large", `${rel} is too large (${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB per file)`);
      }
      const decoded = decodeText(readFileSync(real));
      if ("problem" in decoded) return refuse(decoded.problem.code, decoded.problem.message, { line: decoded.problem.line, col: decoded.problem.col });
      return decoded.text;
    } catch (error) {
      return refuse("unreadable-file", `cannot read ${rel}: ${systemErrorReason(error) ?? (error as Error).message}`);
    }
  };
  /** Reads and parses files (the fast read first, the `yaml` package for what it declines); in the order given. */
  const readAll = (entries: { rel: string; kind: FileKind }[]): (SourceFile | undefined)[] => {
    const texts = entries.map((entry) => (options.reuseAsRead && !overrides?.has(entry.rel) ? reuse?.get(entry.rel)?.text : undefined) ?? readText(entry.rel));
    // A file parsed already (the transaction re-validates an edit) is reused when its text is unchanged.
    const known = entries.map(({ rel, kind }, index) => {
      const source = reuse?.get(rel);
      return source && source.kind === kind && texts[index] !== undefined && source.text === withoutBom(texts[index]) ? source : undefined;
    });
    const toParse = texts.flatMap((text, index) => (text === undefined || known[index] ? [] : [index]));
    const fast = toParse.map((index) => fastData(withoutBom(texts[index]!), options.positionsWithData));
    const fastOf = new Map(toParse.map((index, k) => [index, fast[k]]));
    const sources: (SourceFile | undefined)[] = new Array(entries.length);
    texts.forEach((text, index) => {
      if (text === undefined) return;
      const { rel, kind } = entries[index]!;
      const source = known[index] ?? readSource(join(root, rel), rel, kind, text, fastOf.get(index));
      files.push(source);
      pushAll(readIssues, source.parseIssues);
      sources[index] = source;
    });
    return sources;
  };
  const read = (rel: string, kind: FileKind): SourceFile | undefined => readAll([{ rel, kind }])[0];

  /** The array at `key` of a file's top-level map, each item remembered with its origin. */
  const collect = <T extends object>(source: SourceFile | undefined, key: string | null): T[] => {
    if (!source || !isObject(source.data)) return [];
    const list = key === null ? [source.data] : (source.data as Record<string, unknown>)[key];
    if (!Array.isArray(list)) return [];
    const items: T[] = [];
    // One origin per list, shared by its items (100,000 incidents need no 100,000 paths): an item's
    // index is looked up when it is located, which only findings and edits do.
    const origin: Origin = key === null ? { source, path: [] } : { source, key, list };
    for (const item of list) {
      if (!isObject(item)) continue;
      origins.set(item, origin);
      items.push(item as T);
    }
    return items;
  };

  const manifestSource = read(FILE_NAMES.manifest, "manifest");
  const manifest = isObject(manifestSource?.data) ? (manifestSource!.data as unknown as Manifest) : undefined;
  if (manifest && manifestSource) origins.set(manifest, { source: manifestSource, path: [] });

  // Present means present as a name, a broken link included: a link to nowhere is named, not taken for an absent file.
  const optional = (rel: string, kind: FileKind) => (overrides?.has(rel) || presentAt(join(root, rel)) ? read(rel, kind) : undefined);
  const want = new Set(parts);
  const departments = want.has("departments") ? collect<Department>(optional(FILE_NAMES.departments, "departments"), "departments") : [];
  const components = want.has("architecture") ? collect<Component>(optional(FILE_NAMES.architecture, "architecture"), "components") : [];
  const docs = want.has("docs") ? collect<DocEntry>(optional(FILE_NAMES.docs, "docs"), "docs") : [];
  const recommendations = want.has("recommendations") ? collect<RecommendationEntry>(optional(FILE_NAMES.recommendations, "recommendations"), "recommendations") : [];
  const meetings = want.has("meetings") ? collect<Meeting>(optional(FILE_NAMES.meetings, "meetings"), "meetings") : [];
  const changes: Change[] = [];
  if (want.has("changes")) {
    const listed = listYaml(root, FILE_NAMES.changes, readIssues, overrides).filter((rel) => !options.changeFiles || options.changeFiles.includes(rel));
    for (const source of readAll(listed.map((rel) => ({ rel, kind: "change" as const })))) changes.push(...collect<Change>(source, null));
  }
  const incidents: Incident[] = [];
  const where = (entity: object, ...field: PathSegment[]): Location => {
    const origin = originOf(entity);
    if (!origin) return { file: "?" };
    return locate(origin.source, [...origin.path, ...field], false);
  };
  const project: Project = { root, files, manifest, departments, components, changes, incidents, docs, recommendations, meetings, readIssues, originOf, where };
  if (want.has("incidents")) {
    const listed = listYaml(root, FILE_NAMES.incidents, readIssues, overrides).filter((rel) => !options.incidentFiles || options.incidentFiles.includes(rel));
    const visit = options.eachIncidentFile;
    if (visit) {
      for (const rel of listed) {
        const firstIssue = readIssues.length;
        const firstFile = files.length;
        const source = read(rel, "incidents");
        const fileIncidents = collect<Incident>(source, "incidents");
        // Handed over, not kept: the caller decides what of it outlives the file.
        visit({ rel, files: files.splice(firstFile), incidents: fileIncidents, readIssues: readIssues.splice(firstIssue), where, originOf }, project);
      }
    } else {
      for (const source of readAll(listed.map((rel) => ({ rel, kind: "incidents" as const })))) incidents.push(...collect<Incident>(source, "incidents"));
    }
  }
  return project;
}

/** The project as it is on disk now, parsing again only the files that changed since `project` was read. */
export function reloadProject(project: Pick<Project, "root" | "files">, parts?: LoadPart[], options: Pick<LoadOptions, "overrides" | "reuseAsRead" | "changeFiles"> = {}): Project {
  return loadProject(project.root, parts, { ...options, reuse: new Map(project.files.map((f) => [f.rel, f])) });
}

/**
 * The change file named after `id` (changes/<id>.yaml or .yml, the id in any case), as `tam change
 * new` names it; undefined when there is none (or no readable changes folder).
 */
export function changeFileNamed(root: string, id: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(join(root, FILE_NAMES.changes));
  } catch {
    return undefined;
  }
  const wanted = id.toLowerCase();
  const matches = names.filter((name) => /\.ya?ml$/i.test(name) && name.replace(/\.ya?ml$/i, "").toLowerCase() === wanted);
  // Two spellings of one name (CHG-1.yaml and chg-1.yml) leave the choice to the whole project's read.
  return matches.length === 1 ? `${FILE_NAMES.changes}/${matches[0]}` : undefined;
}

/** The .yaml/.yml files of a folder, sorted, as paths relative to the root. */
function listYaml(root: string, folder: string, issues: Issue[], overrides?: ReadonlyMap<string, string>): string[] {
  const dir = join(root, folder);
  const added = [...(overrides?.keys() ?? [])].filter((rel) => rel.startsWith(`${folder}/`) && !rel.slice(folder.length + 1).includes("/") && /\.ya?ml$/i.test(rel));
  if (!presentAt(dir)) return added.sort();
  const refuse = (code: string, message: string): string[] => {
    issues.push({ severity: "error", code, message, file: folder });
    return [];
  };
  const link = linkProblem(dir, folder);
  if (link) return refuse(link.code, link.message);
  let entries: Dirent[];
  try {
    if (!statSync(dir).isDirectory()) return refuse("not-a-folder", `${folder} must be a folder of YAML files`);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return refuse("unreadable-folder", `cannot read the folder ${folder}: ${systemErrorReason(error) ?? (error as Error).message}`);
  }
  const names: string[] = [];
  for (const entry of entries) {
    if (!/\.ya?ml$/i.test(entry.name)) continue;
    names.push(`${folder}/${entry.name}`);
  }
  return [...new Set([...names, ...added])].sort();
}

/** Is there anything at this path (a link that leads nowhere included)? */
export function presentAt(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The lstat of a path, or undefined when it fails (the reads that follow it say why). */
function lstatOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** A symbolic link at `abs` that cannot be followed: one that leads nowhere, or back to itself. */
function linkProblem(abs: string, rel: string): { code: string; message: string } | undefined {
  let target: string;
  try {
    if (!lstatSync(abs).isSymbolicLink()) return undefined;
    target = readlinkSync(abs);
  } catch {
    return undefined; // not a link, or not there: the caller's own checks say so
  }
  try {
    realpathSync(abs);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { code: "link-loop", message: `${rel} is a symbolic link that loops (to ${target}, which leads back to itself); fix the link or remove it` };
    if (code === "ENOENT" || code === "ENOTDIR") return { code: "broken-link", message: `${rel} is a symbolic link to ${target}, which does not exist; fix the link or remove it` };
    return { code: "unreadable-file", message: `cannot follow the link ${rel} (to ${target}): ${systemErrorReason(error) ?? code}` };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
