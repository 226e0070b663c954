// Edits of a change file: a new change's text and the planned tasks (a task's status update and the lifecycle are in change-steps.ts).
import { isScalar, isSeq, stringify, type Node, type YAMLMap } from "yaml";
import type { Baseline, Change, Task, TaskEvent } from "../model/files.js";
import { applySplice, columnOf, endOfBlock, lineStart, nextLine, replaceEntry, scalarText, setScalar, verifyEdit, yamlFlowList, yamlScalar, type Splice } from "./yaml-text.js";
import type { Project } from "./load.js";
import type { SourceFile } from "./source.js";

/** The text of a new change file, with the schema modeline for editors (derivedModeline). */
export function renderNewChange(change: Change, modeline: string | null = null): string {
  const body = stringify(change, { lineWidth: 0, flowCollectionPadding: false });
  return `${modeline ? `${modeline}\n` : ""}${body}`;
}

/**
 * The modeline of a new file in changes/ or incidents/: tam.yaml's, pointed at the kind's schema
 * (a relative path gains "../": these files sit one folder down). None when tam.yaml has none.
 */
export function derivedModeline(project: Project, schemaFile: string): string | null {
  const manifest = project.files
    .find((f) => f.kind === "manifest")
    ?.text.replace(/^\uFEFF/, "")
    .split("\n")[0];
  const match = manifest && /^# yaml-language-server: \$schema=(.*)tam\.schema\.json\s*$/.exec(manifest);
  if (!match) return null;
  const base = /^[a-z]+:\/\//i.test(match[1]!) || match[1]!.startsWith("/") ? match[1]! : `../${match[1]!}`;
  return `# yaml-language-server: $schema=${base}${schemaFile}`;
}

/** A task written in the file's style: one key per line, id lists in flow style. */
function renderTask(task: Task, indent: number): string {
  const pad = " ".repeat(indent);
  const lines = [`${pad}- id: ${yamlScalar(task.id)}`];
  const field = (key: string, value: string) => lines.push(`${pad}  ${key}: ${value}`);
  field("title", yamlScalar(task.title));
  field("department", yamlScalar(task.department));
  if (task.kind) field("kind", task.kind);
  if (task.components?.length) field("components", yamlFlowList(task.components));
  if (task.after?.length) field("after", yamlFlowList(task.after));
  if (task.estimate) field("estimate", yamlScalar(task.estimate));
  if (task.origin) field("origin", task.origin);
  field("status", task.status);
  if (task.assignee) field("assignee", yamlScalar(task.assignee));
  if (task.history?.length) {
    lines.push(`${pad}  history:`);
    for (const event of task.history) lines.push(renderEvent(event, indent + 4).trimEnd());
  }
  return `${lines.join("\n")}\n`;
}

/** A history entry (of a task, or of the change itself) as a block list item. */
export function renderEvent(event: Pick<TaskEvent, "at" | "by" | "note" | "forced" | "until"> & { status: string; accepted?: string[] }, indent: number): string {
  const pad = " ".repeat(indent);
  const lines = [`${pad}- at: ${yamlScalar(event.at)}`, `${pad}  status: ${event.status}`];
  if (event.by) lines.push(`${pad}  by: ${yamlScalar(event.by)}`);
  if (event.note) lines.push(`${pad}  note: ${yamlScalar(event.note)}`);
  if (event.until) lines.push(`${pad}  until: ${event.until}`);
  if (event.forced) lines.push(`${pad}  forced: ${yamlScalar(event.forced)}`);
  if (event.accepted?.length) lines.push(`${pad}  accepted: ${yamlFlowList(event.accepted)}`);
  return `${lines.join("\n")}\n`;
}

export interface WrittenTask {
  task: Task;
  /** Index of the task in the file when it is kept exactly as written. */
  keepIndex?: number;
}

/** Applies splices computed on the same text, last first, so earlier offsets stay valid. */
function applyAll(text: string, splices: Splice[]): string {
  return [...splices].sort((a, b) => b.from - a.from).reduce(applySplice, text);
}

/**
 * The change file with its `tasks` replaced (and its status, when given). Tasks kept as written are
 * copied byte for byte, comments included; the others are rendered. Nothing outside changes.
 */
export function writeTasks(source: SourceFile, tasks: readonly WrittenTask[], status?: string, baseline?: Baseline): string {
  const { text, doc } = source;
  const seq = doc.get("tasks", true) as Node | undefined;
  const items = isSeq(seq) && !seq.flow ? seq.items.map((item) => item as Node) : [];
  const itemIndent = items.length ? columnOf(text, seq!.range![0]) : 2;
  const tasksKey = (doc.contents as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === "tasks")?.key as Node | undefined;
  const keyLineEnd = tasksKey?.range ? nextLine(text, tasksKey.range[0]) : 0;
  const slice = (index: number) => {
    // The first item takes the comments between `tasks:` and it along.
    const from = index === 0 ? keyLineEnd : lineStart(text, items[index]!.range![0]);
    const to = index + 1 < items.length ? lineStart(text, items[index + 1]!.range![0]) : endOfBlock(text, items[index]!.range![0], seq!.range![1], itemIndent);
    const body = text.slice(from, to);
    return body.endsWith("\n") ? body : `${body}\n`;
  };
  const block = `tasks:\n${tasks.map((t) => (t.keepIndex !== undefined && items[t.keepIndex] ? slice(t.keepIndex) : renderTask(t.task, itemIndent))).join("")}`;
  const expected = structuredClone(source.data) as Record<string, unknown>;
  expected.tasks = tasks.map((t) => t.task);
  const splices = [replaceEntry(text, doc, [], "tasks", block)];
  if (status !== undefined && status !== expected.status) {
    splices.push(setScalar(doc, ["status"], status));
    expected.status = status;
  }
  if (baseline) {
    // First in the list: when both are appended at the end of the file, the tasks come first.
    splices.unshift(replaceEntry(text, doc, [], "baseline", renderBaseline(baseline)));
    expected.baseline = baseline;
  }
  const result = applyAll(text, splices);
  verifyEdit(result, JSON.parse(JSON.stringify(expected)), source.rel);
  return result;
}

/** The baseline block: the change's dates and promises, then one line per task. */
export function renderBaseline(baseline: Baseline): string {
  const lines = [
    "baseline:",
    `  recorded_at: ${yamlScalar(baseline.recorded_at)}`,
    `  start: ${yamlScalar(baseline.start)}`,
    `  finish: ${yamlScalar(baseline.finish)}`,
    `  internal: ${yamlScalar(baseline.internal)}`,
    `  client: ${yamlScalar(baseline.client)}`,
  ];
  if (baseline.reason) lines.push(`  reason: ${yamlScalar(baseline.reason)}`);
  if (baseline.previous_client) lines.push(`  previous_client: ${yamlScalar(baseline.previous_client)}`);
  const tasks = Object.entries(baseline.tasks ?? {});
  if (tasks.length) {
    lines.push("  tasks:");
    for (const [id, dates] of tasks) lines.push(`    ${yamlScalar(id)}: { start: ${scalarText(dates.start, true)}, finish: ${scalarText(dates.finish, true)} }`);
  }
  return `${lines.join("\n")}\n`;
}
