// The text of a new change file, with the schema modeline for editors.
import { stringify } from "yaml";
import type { Change } from "../model/files.js";
import type { Project } from "./load.js";

export function renderNewChange(change: Change, modeline: string | null = null): string {
  const body = stringify(change, { lineWidth: 0, flowCollectionPadding: false });
  return `${modeline ? `${modeline}\n` : ""}${body}`;
}

/**
 * The modeline of a new file in changes/ or incidents/: tam.yaml's, pointed at the kind's schema
 * (a relative path gains "../": these files sit one folder down). None when tam.yaml has none.
 */
export function derivedModeline(project: Project, schemaFile: string): string | null {
  const manifest = project.files.find((f) => f.kind === "manifest")?.text.replace(/^\uFEFF/, "").split("\n")[0];
  const match = manifest && /^# yaml-language-server: \$schema=(.*)tam\.schema\.json\s*$/.exec(manifest);
  if (!match) return null;
  const base = /^[a-z]+:\/\//i.test(match[1]!) || match[1]!.startsWith("/") ? match[1]! : `../${match[1]!}`;
  return `# yaml-language-server: $schema=${base}${schemaFile}`;
}
