// meetings.yaml as edits of its text: a new meeting appended (the file created when absent), an
// action item appended to a meeting, an action's state set in place; comments and formatting kept.
import type { Meeting, MeetingAction } from "../model/files.js";
import { EditError } from "../errors.js";
import type { Project } from "./load.js";
import type { SourceFile } from "./source.js";
import { appendSeqItems, removeMapEntry, seqItemText, setMapEntry, type Plain } from "./yaml-text.js";

export const MEETINGS_FILE = "meetings.yaml";
const MEETING_KEYS = ["id", "date", "title", "attendees", "report", "agenda", "recommendations", "decisions", "actions"];
const ACTION_KEYS = ["id", "text", "owner", "side", "due", "state", "done", "note"];

/** The schema modeline for a new meetings.yaml, derived from tam.yaml's (none when it has none). */
function modeline(project: Pick<Project, "files">): string | null {
  const manifest = project.files.find((f) => f.kind === "manifest")?.text.split("\n")[0];
  const match = manifest && /^# yaml-language-server: \$schema=(.*)tam\.schema\.json\s*$/.exec(manifest);
  return match ? `# yaml-language-server: $schema=${match[1]!}meetings.schema.json` : null;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as Plain;

/** The file's text with `meeting` appended, or a new file holding it. */
export function appendMeeting(project: Pick<Project, "files">, text: string | null, meeting: Meeting): string {
  if (text === null || text.trim() === "") {
    const head = modeline(project);
    return `${head ? `${head}\n` : ""}# Minutes of client meetings: decisions and action items (tam meeting new, tam meeting action).\nmeetings:\n${seqItemText(plain(meeting), 2)}`;
  }
  return appendSeqItems(text, ["meetings"], [plain(meeting)], 2);
}

/** The index of meeting `id` in the file as it is now (under the write lock), or an error. */
export function meetingIndex(source: SourceFile | undefined, id: string): number {
  const list = (source?.data as { meetings?: { id?: unknown }[] } | undefined)?.meetings;
  const index = Array.isArray(list) ? list.findIndex((entry) => entry?.id === id) : -1;
  if (index < 0) throw new EditError(`no meeting "${id}" in ${MEETINGS_FILE} any more; nothing was written`);
  return index;
}

/** A meeting's action items as they are now (under the write lock). */
export function actionsOf(source: SourceFile | undefined, index: number): MeetingAction[] {
  const meeting = (source?.data as { meetings?: Meeting[] } | undefined)?.meetings?.[index];
  return Array.isArray(meeting?.actions) ? meeting.actions : [];
}

/** Appends an action item to meeting `index` (its `actions` created when absent). */
export function appendAction(text: string, index: number, action: MeetingAction, hasActions: boolean): string {
  if (hasActions) return appendSeqItems(text, ["meetings", index, "actions"], [plain(action)], 2);
  return setMapEntry(text, ["meetings", index], "actions", [plain(action)], MEETING_KEYS);
}

/** Sets fields of action `actionIndex` of meeting `index` in place, removing those in `remove`. */
export function setActionFields(text: string, index: number, actionIndex: number, fields: Partial<Pick<MeetingAction, "state" | "done" | "note">>, remove: readonly string[] = []): string {
  let out = text;
  for (const key of remove) out = removeMapEntry(out, ["meetings", index, "actions", actionIndex], key);
  for (const key of ["state", "done", "note"] as const) {
    const value = fields[key];
    if (value !== undefined) out = setMapEntry(out, ["meetings", index, "actions", actionIndex], key, value, ACTION_KEYS);
  }
  return out;
}
