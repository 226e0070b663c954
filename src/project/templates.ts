// Project templates shipped in templates/project, filled with {{placeholders}}.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { packageUrl } from "../version.js";
import { compareText } from "../model/text-order.js";

const TEMPLATE_DIR = fileURLToPath(packageUrl("templates/project/"));
/** CI configuration per system, each laid out as it goes into the project. */
export const CI_TEMPLATE_DIR = fileURLToPath(packageUrl("templates/ci/"));
export const CI_SYSTEMS = ["github", "gitlab"] as const;
export type CiSystem = (typeof CI_SYSTEMS)[number];

export interface TemplateFile {
  /** Path in the new project ("gitignore" becomes ".gitignore": npm drops dotfiles named .gitignore from packages). */
  path: string;
  text: string;
}

export function renderTemplates(values: Record<string, string>, root: string = TEMPLATE_DIR): TemplateFile[] {
  const files: TemplateFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        const rel = relative(root, abs).split("\\").join("/");
        const text = readFileSync(abs, "utf8").replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");
        files.push({ path: rel === "gitignore" ? ".gitignore" : rel, text });
      }
    }
  };
  walk(root);
  return files.sort((a, b) => compareText(a.path, b.path));
}
