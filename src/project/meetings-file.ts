// meetings.yaml as edits of its text: a new meeting appended (the file created when absent), an
// action item appended to a meeting, an action's state set in place; comments and formatting kept.
import type { Meeting, MeetingAction } from "../model/files.js";
import { EditError } from "../errors.js";
import type { Project } from "./load.js";
import type { SourceFile } from "./source.js";
import { isDeepStrictEqual } from "node:util";
import { isSeq } from "yaml";
import { appendSeqItems, lineStart, nextLine, parseForEdit, parseYaml, removeMapEntry, scalarText, seqItemText, setMapEntry, splice, yamlFlowList, type Plain } from "./yaml-text.js";
import { nodeAt } from "./source.js";

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

/**
 * A meeting as a block item with the dash at `dash`: names and ids as flow lists, agenda points and
 * decisions (sentences) one per line, as a TAM would write them by hand.
 */
function meetingItemText(meeting: Meeting, dash: number): string {
  const pad = " ".repeat(dash + 2);
  const lines = [`${" ".repeat(dash)}- id: ${scalarText(meeting.id)}`, `${pad}date: ${scalarText(meeting.date)}`];
  if (meeting.title !== undefined) lines.push(`${pad}title: ${scalarText(meeting.title)}`);
  const { client, provider } = meeting.attendees;
  if (!client?.length && !provider?.length) lines.push(`${pad}attendees: {}`);
  else {
    lines.push(`${pad}attendees:`);
    if (client?.length) lines.push(`${pad}  client: ${yamlFlowList(client)}`);
    if (provider?.length) lines.push(`${pad}  provider: ${yamlFlowList(provider)}`);
  }
  if (meeting.report !== undefined) lines.push(`${pad}report: ${scalarText(meeting.report)}`);
  const sentences = (key: string, values: readonly string[] | undefined) => {
    if (values?.length) lines.push(`${pad}${key}:`, ...values.map((v) => `${pad}  - ${scalarText(v)}`));
  };
  sentences("agenda", meeting.agenda);
  if (meeting.recommendations?.length) lines.push(`${pad}recommendations: ${yamlFlowList(meeting.recommendations)}`);
  sentences("decisions", meeting.decisions);
  let out = `${lines.join("\n")}\n`;
  if (meeting.actions?.length) out += `${pad}actions:\n${meeting.actions.map((a) => seqItemText(plain(a), dash + 4)).join("")}`;
  return out;
}

/** The file's text with `meeting` appended, or a new file holding it; checked to read back as `meeting`. */
export function appendMeeting(project: Pick<Project, "files">, text: string | null, meeting: Meeting): string {
  let out: string;
  if (text === null || text.trim() === "") {
    const head = modeline(project);
    out = `${head ? `${head}\n` : ""}# Minutes of client meetings: decisions and action items (tam meeting new, tam meeting action).\nmeetings:\n${meetingItemText(meeting, 2)}`;
  } else {
    const doc = parseYaml(text);
    const list = nodeAt(doc, ["meetings"]);
    if (!isSeq(list) || list.flow || !list.items.length) out = appendSeqItems(text, ["meetings"], [plain(meeting)], 2);
    else {
      const first = list.items[0] as { range?: [number, number] };
      const dash = text.slice(lineStart(text, first.range![0]), first.range![0]).indexOf("-");
      // The minutes stay in time order: a meeting recorded late goes before the first one held after it.
      const later = list.items.find((item) => {
        const date = (item as { get?: (key: string) => unknown }).get?.("date");
        return typeof date === "string" && date > meeting.date;
      }) as { range: [number, number] } | undefined;
      const at = later ? lineStart(text, later.range[0]) : nextLine(text, (list.items[list.items.length - 1] as { range: [number, number] }).range[1] - 1);
      out = splice(text, at, at, `${at === text.length && !text.endsWith("\n") ? "\n" : ""}${meetingItemText(meeting, dash)}`);
    }
  }
  const read = (parseForEdit(out, MEETINGS_FILE).toJS() as { meetings?: { id?: unknown }[] } | null)?.meetings;
  if (
    !Array.isArray(read) ||
    !isDeepStrictEqual(
      read.find((m) => m?.id === meeting.id),
      plain(meeting),
    )
  )
    throw new EditError(`writing the meeting into ${MEETINGS_FILE} would not read back as written; nothing was written`);
  return out;
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

/** Sets the recommendations presented in meeting `index` (a flow list of ids). */
export function setMeetingRecommendations(text: string, index: number, ids: readonly string[]): string {
  return setMapEntry(text, ["meetings", index], "recommendations", [...ids], MEETING_KEYS);
}
