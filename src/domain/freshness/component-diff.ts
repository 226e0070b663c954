// What one commit did to the components of architecture.yaml, by meaning: each component's
// parsed value before and after (key order, comments and layout already gone), compared.
import type { ComponentRename, ComponentValue } from "./types.js";
import { compareText } from "../../model/text-order.js";

export interface ComponentDiff {
  changed: string[];
  added: string[];
  removed: string[];
  renamed: ComponentRename[];
}

/**
 * Compares two versions of the components. A rename is a component removed and one added in the
 * same commit with the same content (every field but `id`), or, failing that, with the same `kind`
 * and `name` when exactly one removed and one added component share them. References that follow
 * a rename (`depends_on: [old]` becoming `[new]`) are not a change of the referring component.
 */
export function diffComponents(before: ReadonlyMap<string, ComponentValue>, after: ReadonlyMap<string, ComponentValue>): ComponentDiff {
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const renamed = pairRenames(removed, added, before, after);
  const renamedFrom = new Set(renamed.map((rename) => rename.from));
  const renamedTo = new Set(renamed.map((rename) => rename.to));
  const newIds = new Map(renamed.map((rename) => [rename.from, rename.to]));
  const changed: string[] = [];
  for (const [id, value] of before) {
    const next = after.get(id);
    if (!next || next.content === value.content) continue;
    if (newIds.size && sameAfterRenames(value, next, newIds)) continue;
    changed.push(id);
  }
  return {
    changed: changed.sort(),
    added: added.filter((id) => !renamedTo.has(id)).sort(),
    removed: removed.filter((id) => !renamedFrom.has(id)).sort(),
    renamed: renamed.sort((a, b) => compareText(a.from, b.from)),
  };
}

function pairRenames(removed: string[], added: string[], before: ReadonlyMap<string, ComponentValue>, after: ReadonlyMap<string, ComponentValue>): ComponentRename[] {
  const renames: ComponentRename[] = [];
  const free = new Set(added);
  // Same content under a new id.
  const addedByContent = new Map<string, string[]>();
  for (const id of added) {
    const list = addedByContent.get(after.get(id)!.content) ?? [];
    list.push(id);
    addedByContent.set(after.get(id)!.content, list);
  }
  const left: string[] = [];
  for (const id of removed) {
    const match = addedByContent.get(before.get(id)!.content)?.find((candidate) => free.has(candidate));
    if (match) {
      free.delete(match);
      renames.push({ from: id, to: match });
    } else left.push(id);
  }
  // Same kind and name, unambiguous on both sides.
  const key = (value: ComponentValue) => JSON.stringify([value.value.kind ?? null, value.value.name ?? null]);
  const count = (ids: Iterable<string>, versions: ReadonlyMap<string, ComponentValue>) => {
    const counts = new Map<string, string[]>();
    for (const id of ids) {
      const k = key(versions.get(id)!);
      counts.set(k, [...(counts.get(k) ?? []), id]);
    }
    return counts;
  };
  const removedByKey = count(left, before);
  const addedByKey = count(free, after);
  for (const [k, from] of removedByKey) {
    const to = addedByKey.get(k);
    if (from.length === 1 && to?.length === 1 && (before.get(from[0]!)!.value.name ?? null) !== null) renames.push({ from: from[0]!, to: to[0]! });
  }
  return renames;
}

/** Whether a component is unchanged once the ids it refers to are renamed as in this commit. */
function sameAfterRenames(before: ComponentValue, after: ComponentValue, newIds: ReadonlyMap<string, string>): boolean {
  const dependsOn = before.value.depends_on;
  if (!Array.isArray(dependsOn)) return false;
  const renamedValue = { ...before.value, depends_on: dependsOn.map((id) => (typeof id === "string" ? (newIds.get(id) ?? id) : id)) };
  return canonicalJson(renamedValue) === after.content;
}

/** JSON with object keys sorted at every level: equal for equal values, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(item).sort()) sorted[k] = (item as Record<string, unknown>)[k];
    return sorted;
  });
}
