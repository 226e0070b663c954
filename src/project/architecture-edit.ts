// Edits of architecture.yaml when a change closes: components appended in the file's style,
// values of existing components set in place (inline comments kept), removed ones marked
// decommissioned. Every other byte stays; the result is checked against the intended data.
import { isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap } from "yaml";
import { EditError } from "../errors.js";
import type { Component } from "../model/files.js";
import type { ArchitectureUpdate } from "../domain/tracking/architecture-update.js";

import type { SourceFile } from "./source.js";
import { appendListItem, applySplice, columnOf, pairOf, parseForEdit, replaceEntry, verifyEdit, yamlFlowList, yamlScalar, type Splice } from "./yaml-text.js";

const FIELD_ORDER: (keyof Component)[] = [
  "id",
  "name",
  "kind",
  "department",
  "depends_on",
  "instances",
  "criticality",
  "environment",
  "internet_facing",
  "monitored",
  "backed_up",
  "notes",
  "decommissioned",
];

function valueText(value: unknown): string {
  if (Array.isArray(value)) return yamlFlowList(value.map(String));
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${yamlScalar(v as string)}`)
      .join(", ")} }`;
  }
  return yamlScalar(value as string | number | boolean);
}

/** A component as a list item at `indent`, one field per line, with a comment naming the change. */
function renderComponent(component: Component, indent: number, comment?: string): string {
  const pad = " ".repeat(indent);
  const lines = comment ? [`${pad}# ${comment}`] : [];
  let first = true;
  for (const field of FIELD_ORDER) {
    const value = component[field];
    if (value === undefined) continue;
    lines.push(`${pad}${first ? "- " : "  "}${field}: ${valueText(value)}`);
    first = false;
  }
  return `${lines.join("\n")}\n`;
}

type Doc = ReturnType<typeof parseForEdit>;

function componentIndex(doc: Doc, id: string): number {
  const list = doc.get("components", true);
  const index = isSeq(list) ? list.items.findIndex((item) => isMap(item) && (item as YAMLMap).get("id") === id) : -1;
  if (index < 0) throw new EditError(`architecture.yaml has no component ${id}`);
  return index;
}

/** Sets one field of component `index`: a plain or quoted scalar in place (its inline comment stays), anything else as a whole entry. */
function setField(text: string, doc: Doc, index: number, field: string, value: unknown): Splice {
  const map = doc.getIn(["components", index], true) as YAMLMap;
  const node = pairOf(map, field)?.value as Node | null | undefined;
  const inline = isScalar(node) && [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE].includes(node.type as string) && !Array.isArray(value) && (value === null || typeof value !== "object");
  if (inline) return { from: node.range![0], to: node.range![1], text: yamlScalar(value as string | number | boolean) };
  const column = columnOf(text, (map.items[0]!.key as Node).range![0]);
  return replaceEntry(text, doc, ["components", index], field, `${" ".repeat(column)}${field}: ${valueText(value)}\n`);
}

/** architecture.yaml with `update` applied. `changeId` names the change in the comment above added components. */
export function applyArchitectureUpdate(source: SourceFile, update: ArchitectureUpdate, changeId: string, date: string): string {
  const what = source.rel;
  const expected = structuredClone(source.data) as { components: Record<string, unknown>[] };
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  let text = source.text;
  const step = (make: (doc: Doc) => Splice) => {
    text = applySplice(text, make(parseForEdit(text, what)));
  };
  const byId = (id: string) => expected.components.find((c) => c.id === id)!;
  for (const { id, values } of update.set) {
    for (const [field, value] of Object.entries(values)) {
      step((doc) => setField(text, doc, componentIndex(doc, id), field, value));
      byId(id)[field] = plain(value);
    }
  }
  for (const { id, date: day, change } of update.decommission) {
    const value = { date: day, change };
    step((doc) => setField(text, doc, componentIndex(doc, id), "decommissioned", value));
    byId(id).decommissioned = value;
  }
  update.add.forEach((component, i) => {
    step((doc) => appendListItem(text, doc, [], "components", (indent) => renderComponent(component, indent, i === 0 ? `added by ${changeId}, closed ${date}` : undefined)));
    expected.components.push(plain(component) as unknown as Record<string, unknown>);
  });
  verifyEdit(text, expected, what);
  return text;
}
