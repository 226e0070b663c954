// Mermaid text from user input, the same way in every diagram (arch graph, change plan, report):
// unsafe characters made visible first (text.ts), then whatever Mermaid could read as syntax.
import { terminalSafe } from "./text.js";

/** Gantt task names and titles: no separators (":" ";" "#"), no markup, one line. */
export function mermaidText(text: string): string {
  return terminalSafe(String(text))
    .replace(/[:;#"`<>{}[\]|\\&]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A quoted flowchart label: every character that could end the label or start markup becomes a Mermaid entity (#34; etc.). */
export function mermaidLabel(text: string): string {
  return terminalSafe(String(text))
    .replace(/[\r\n\t]+/g, " ")
    .replace(/["#&<>[\]{}|`;]/g, (ch) => `#${ch.charCodeAt(0)};`);
}

/** Safe, readable, unique node ids: "c_shop_pg", with a counter on collisions. */
export function mermaidIds(ids: readonly string[], prefix: string): Map<string, string> {
  const used = new Set<string>();
  const result = new Map<string, string>();
  for (const id of ids) {
    const base = `${prefix}_${String(id).replace(/[^A-Za-z0-9]/g, "_")}`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
    used.add(candidate);
    result.set(id, candidate);
  }
  return result;
}
