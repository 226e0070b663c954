// Edits of a change file for its lifecycle: a task's status update together with the change's
// status, a step in the change's history, the approval, the closure and the last client notice.
// Each part is spliced into the text (every other byte stays), then the whole result is checked
// against the intended data.
import { isDeepStrictEqual } from "node:util";
import { isSeq, type Node } from "yaml";
import type { Approval, Baseline, ChangeClosure, ChangeEvent, ChangeNotice, ChangeStatus, TaskEvent, TaskTicket } from "../model/files.js";
import { renderBaseline, renderEvent } from "./change-file.js";
import { readBlockYamlPositions } from "./block-yaml.js";
import type { SourceFile } from "./source.js";
import { appendListItem, applySplice, columnOf, endOfBlock, mapAt, nextLine, pairOf, parseForEdit, replaceEntry, setScalar, verifyEdit, yamlFlowList, yamlScalar, type Splice } from "./yaml-text.js";

export interface ChangeEdit {
  /** A task's new status and the history entry that records it. */
  task?: { index: number; event: TaskEvent };
  status?: ChangeStatus;
  /** A step appended to the change's `history`. */
  event?: ChangeEvent;
  approval?: Approval;
  closure?: ChangeClosure;
  lastNotice?: ChangeNotice;
  /** The baseline (the dates and promises as agreed): stored at approval, replaced by a rebaseline. */
  baseline?: Baseline;
  /** A task's ticket as `tam task sync` read it (set or replaced). */
  ticket?: { index: number; ticket: TaskTicket };
}

/** Top-level keys tam writes, in the order they go after `status` (and before `tasks`). */
const LIFECYCLE_KEYS = ["status", "approval", "closure", "last_notice", "history"];

type Step = (text: string) => string;

/** The Document of `text`: the file's own while the text is the file as read, else parsed for the edit. */
function documentOf(source: SourceFile, text: string): ReturnType<typeof parseForEdit> {
  return text === source.text && source.parseIssues.length === 0 ? source.doc : parseForEdit(text, source.rel);
}

/** A step spliced into the text it is given. */
function spliceStep(source: SourceFile, make: (text: string, doc: ReturnType<typeof parseForEdit>) => Splice): Step {
  return (text) => applySplice(text, make(text, documentOf(source, text)));
}

/**
 * A task's new status and the history entry that records it, both spliced from one Document: the
 * entry (below the status) first, so the status value stays where that Document says. The Document
 * is of the task's own lines where they read alone as the task (a fraction of the file to parse),
 * else of the file. A task that writes its history above its status takes a second parse, status first.
 */
function taskStep(source: SourceFile, index: number, event: TaskEvent): Step {
  const entry = (text: string, doc: ReturnType<typeof parseForEdit>, task: readonly (string | number)[]) => appendListItem(text, doc, task, "history", (indent) => renderEvent(event, indent));
  return (text) => {
    const lines = taskLines(text, index, source.rel);
    const [base, at, doc, task] = lines ? [lines.text, lines.from, lines.doc, [0]] : [text, 0, documentOf(source, text), ["tasks", index]];
    const set = moved(setScalar(doc, [...task, "status"], event.status), at);
    const append = moved(entry(base, doc, task), at);
    if (set.to < append.from) return applySplice(applySplice(text, append), set);
    return spliceStep(source, (t, d) => entry(t, d, ["tasks", index]))(applySplice(text, set));
  };
}

const moved = (splice: Splice, by: number): Splice => ({ ...splice, from: splice.from + by, to: splice.to + by });

/**
 * The lines of task `index` of a change file (from its "- " line to the next task's, or to the next
 * top-level key) with their Document, when the fast reader follows the file and those lines, read
 * alone, are a list of that one task; undefined otherwise.
 */
function taskLines(text: string, index: number, what: string): { from: number; text: string; doc: ReturnType<typeof parseForEdit> } | undefined {
  const read = readBlockYamlPositions(text);
  const root = read?.positions;
  const tasks = root?.keys?.get("tasks");
  const item = tasks?.value.items?.[index];
  if (!read || !root?.keys || !tasks || !item) return undefined;
  const lineStart = (offset: number) => text.lastIndexOf("\n", offset - 1) + 1;
  const next = tasks.value.items![index + 1];
  const laterKeys = [...root.keys.values()].map((entry) => entry.key).filter((key) => key > tasks.key);
  const from = lineStart(item.offset);
  const to = next ? lineStart(next.offset) : laterKeys.length ? lineStart(Math.min(...laterKeys)) : text.length;
  if (from <= lineStart(tasks.key) || to <= from) return undefined;
  const lines = text.slice(from, to);
  let doc: ReturnType<typeof parseForEdit>;
  try {
    doc = parseForEdit(lines, what);
  } catch {
    return undefined;
  }
  const task = (read.data as { tasks?: unknown[] }).tasks?.[index];
  return isDeepStrictEqual(doc.toJS(), [task]) ? { from, text: lines, doc } : undefined;
}

/** Sets the top-level `key` to `block`; a new key goes after the lifecycle keys already written, so `tasks` stays last. */
function topEntry(text: string, doc: ReturnType<typeof parseForEdit>, key: string, block: string): Splice {
  const root = mapAt(doc, []);
  if (pairOf(root, key)) return replaceEntry(text, doc, [], key, block);
  const before = LIFECYCLE_KEYS.slice(0, LIFECYCLE_KEYS.indexOf(key))
    .reverse()
    .map((k) => pairOf(root, k))
    .find((p) => p !== undefined);
  if (!before) return replaceEntry(text, doc, [], key, block);
  const keyNode = before.key as Node;
  const value = before.value as Node | null;
  const end = value?.range ? endOfBlock(text, keyNode.range![1], value.range[1], columnOf(text, keyNode.range![0]) + 1) : keyNode.range![1];
  const at = text[end - 1] === "\n" ? end : nextLine(text, end);
  return { from: at, to: at, text: (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + block };
}

function mappingBlock(key: string, value: Record<string, string | string[] | undefined>): string {
  const lines = [`${key}:`];
  for (const [field, item] of Object.entries(value)) {
    if (item === undefined) continue;
    lines.push(`  ${field}: ${Array.isArray(item) ? yamlFlowList(item) : yamlScalar(item)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The change file with `edit` applied; refuses (EditError) when the result is not exactly the intended data. */
export function applyChangeEdit(source: SourceFile, edit: ChangeEdit): string {
  const what = source.rel;
  const expected = structuredClone(source.data) as Record<string, unknown> & { tasks?: { status: string; history?: unknown[] }[]; history?: unknown[] };
  const steps: Step[] = [];
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  if (edit.task) {
    const { index, event } = edit.task;
    steps.push(taskStep(source, index, event));
    const task = expected.tasks![index]!;
    task.status = event.status;
    task.history = [...(task.history ?? []), plain(event)];
  }
  if (edit.ticket) {
    const { index, ticket } = edit.ticket;
    steps.push(
      spliceStep(source, (text, doc) => {
        const task = mapAt(doc, ["tasks", index]);
        const pad = " ".repeat(columnOf(text, (task.items[0]!.key as Node).range![0]));
        const fields = Object.entries(ticket).filter(([, v]) => v !== undefined);
        return replaceEntry(text, doc, ["tasks", index], "ticket", `${pad}ticket:\n${fields.map(([k, v]) => `${pad}  ${k}: ${yamlScalar(String(v))}\n`).join("")}`);
      }),
    );
    (expected.tasks![index] as Record<string, unknown>).ticket = plain(ticket);
  }
  if (edit.status !== undefined && edit.status !== expected.status) {
    const status = edit.status;
    steps.push(spliceStep(source, (_text, doc) => setScalar(doc, ["status"], status)));
    expected.status = status;
  }
  const mappings: [string, Record<string, string | string[] | undefined> | undefined][] = [
    ["approval", edit.approval ? { by: edit.approval.by, at: edit.approval.at, via: edit.approval.via, note: edit.approval.note } : undefined],
    ["closure", edit.closure ? { outcome: edit.closure.outcome, note: edit.closure.note } : undefined],
    [
      "last_notice",
      edit.lastNotice
        ? {
            at: edit.lastNotice.at,
            by: edit.lastNotice.by,
            late: edit.lastNotice.late?.length ? edit.lastNotice.late : undefined,
            blocked: edit.lastNotice.blocked?.length ? edit.lastNotice.blocked : undefined,
          }
        : undefined,
    ],
  ];
  for (const [key, value] of mappings) {
    if (!value) continue;
    steps.push(spliceStep(source, (text, doc) => topEntry(text, doc, key, mappingBlock(key, value))));
    expected[key] = plain(Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
  }
  if (edit.baseline) {
    const baseline = edit.baseline;
    steps.push(spliceStep(source, (text, doc) => replaceEntry(text, doc, [], "baseline", renderBaseline(baseline))));
    expected.baseline = plain(baseline);
  }
  if (edit.event) {
    const event = edit.event;
    steps.push(
      spliceStep(source, (text, doc) => {
        const history = pairOf(mapAt(doc, []), "history")?.value;
        if (isSeq(history) && history.items.length) return appendListItem(text, doc, [], "history", (indent) => renderEvent(event, indent));
        return topEntry(text, doc, "history", `history:\n${renderEvent(event, 2)}`);
      }),
    );
    expected.history = [...(expected.history ?? []), plain(event)];
  }
  const result = steps.reduce((text, step) => step(text), source.text);
  verifyEdit(result, expected, what);
  return result;
}
