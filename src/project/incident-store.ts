// Writing incidents: apply field edits to a file's text, check the edited project, write atomically.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Issue } from "../model/issues.js";
import type { FieldEdit } from "../domain/incidents/update.js";
import { CAUSE_KEYS, INCIDENT_KEYS, PAUSE_KEYS } from "../domain/incidents/record.js";
import { projectIssues } from "./check.js";
import { appendSeqItems, parseYaml, setMapEntry, type Plain } from "./incident-edit.js";
import { isObject, type Project } from "./load.js";
import type { Incident } from "../model/files.js";
import { locate, parseSource, type PathSegment, type SourceFile } from "./source.js";
import { writeFileAtomic } from "./write.js";
import { canonicalId } from "../util/ids.js";

export function findIncident(project: Project, id: string): { incident: Incident; source: SourceFile; index: number } | undefined {
  const canonical = canonicalId(id, project.incidents.map((i) => i.id));
  const incident = project.incidents.find((i) => i.id === canonical);
  const origin = incident && project.originOf(incident);
  return origin ? { incident: incident!, source: origin.source, index: Number(origin.path[1]) } : undefined;
}

/** Applies the edits to incident `index` of an incidents file's text. */
export function applyFieldEdits(text: string, index: number, edits: FieldEdit[]): string {
  const at = ["incidents", index];
  for (const edit of edits) {
    if (edit.kind === "set") text = setMapEntry(text, at, edit.key, edit.value, INCIDENT_KEYS);
    else if (edit.kind === "cause") {
      const doc = parseYaml(text);
      const hasCause = isObject((doc.toJS() as { incidents: Record<string, unknown>[] }).incidents[index]?.cause);
      text = hasCause ? setMapEntry(text, [...at, "cause"], edit.key, edit.value, CAUSE_KEYS) : setMapEntry(text, at, "cause", { [edit.key]: edit.value }, INCIDENT_KEYS);
    } else if (edit.kind === "add-pause") {
      const doc = parseYaml(text);
      const pauses = (doc.toJS() as { incidents: Record<string, unknown>[] }).incidents[index]?.pauses;
      const pause = edit.pause as unknown as Plain;
      text = Array.isArray(pauses) ? appendSeqItems(text, [...at, "pauses"], [pause], 2) : setMapEntry(text, at, "pauses", [pause], INCIDENT_KEYS);
    } else {
      text = setMapEntry(text, [...at, "pauses", edit.index], "to", edit.to, PAUSE_KEYS);
    }
  }
  return text;
}

/** The schema modeline for a new incidents file: like an existing one, else derived from tam.yaml's. */
export function modelineFor(project: Project): string | null {
  const existing = project.files.find((f) => f.kind === "incidents")?.text.split("\n")[0];
  if (existing?.startsWith("# yaml-language-server:")) return existing;
  const manifest = project.files.find((f) => f.kind === "manifest")?.text.split("\n")[0];
  const match = manifest && /^# yaml-language-server: \$schema=(.*)tam\.schema\.json\s*$/.exec(manifest);
  if (!match) return null;
  const base = /^[a-z]+:\/\//i.test(match[1]!) || match[1]!.startsWith("/") ? match[1]! : `../${match[1]!}`;
  return `# yaml-language-server: $schema=${base}incidents.schema.json`;
}

/**
 * Errors in the given files once their text is replaced: the whole project is re-validated
 * in memory (references, duplicate ids), and the errors located in those files returned.
 */
export function errorsAfterEdit(project: Project, texts: Map<string, string>): Issue[] {
  const replaced = new Map<string, SourceFile>();
  for (const [rel, text] of texts) replaced.set(rel, parseSource(join(project.root, rel), rel, "incidents", text));
  const origins = new WeakMap<object, { source: SourceFile; path: PathSegment[] }>();
  const incidents: Incident[] = project.incidents.filter((i) => !replaced.has(project.originOf(i)?.source.rel ?? ""));
  for (const source of replaced.values()) {
    const list = isObject(source.data) ? source.data.incidents : undefined;
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (!isObject(item)) return;
      origins.set(item, { source, path: ["incidents", index] });
      incidents.push(item as unknown as Incident);
    });
  }
  const files = [...project.files.filter((f) => !replaced.has(f.rel)), ...replaced.values()];
  const originOf = (entity: object) => origins.get(entity) ?? project.originOf(entity);
  const edited: Project = {
    ...project,
    files,
    incidents,
    readIssues: [...project.readIssues.filter((i) => !replaced.has(i.file)), ...[...replaced.values()].flatMap((s) => s.parseIssues)],
    originOf,
    where(entity, ...field) {
      const origin = originOf(entity);
      return origin ? locate(origin.source, [...origin.path, ...field], false) : { file: "?" };
    },
  };
  return projectIssues(edited).filter((issue) => issue.severity === "error" && texts.has(issue.file));
}

export function writeTexts(project: Project, texts: Map<string, string>): void {
  for (const [rel, text] of texts) writeFileAtomic(join(project.root, rel), text);
}

export function fileExists(project: Project, rel: string): boolean {
  return existsSync(join(project.root, rel));
}
