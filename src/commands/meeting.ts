// tam meeting list|new|action add|action done|action open: the minutes of client meetings (meetings.yaml).
import { addMeetingAction, listMeetings, newMeeting, setMeetingActionState, type MeetingWriteResult } from "../app/meeting.js";
import { meetingFormatters, meetingWriteFormatters } from "../format/meeting/index.js";
import { pickFormatter } from "../format/registry.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import type { WriteFlags } from "./write-flags.js";

export async function runMeetingList(globals: GlobalOptions, options: { format: string; asOf?: string }, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(meetingFormatters, options.format);
  output.out(format(listMeetings({ project: globals.project, asOf: options.asOf }), { color: false, width: process.stdout.columns }));
  return 0;
}

export interface MeetingWriteFlags extends WriteFlags {
  format: string;
  asOf?: string;
  commit: boolean;
}

export type MeetingAction = "new" | "action-add" | "action-done" | "action-open";

/** Runs one write of the minutes and prints its one-line report (or its JSON). */
export async function runMeetingWrite(
  globals: GlobalOptions,
  action: MeetingAction,
  target: string | undefined,
  options: MeetingWriteFlags & Record<string, unknown>,
  output: Output = processOutput,
): Promise<number> {
  const format = pickFormatter(meetingWriteFormatters, options.format);
  const common = { ...options, project: globals.project, warn: plainOutput(output).err };
  const list = (key: string) => options[key] as string[] | undefined;
  let result: MeetingWriteResult;
  if (action === "new")
    result = await newMeeting({ ...common, id: options.id as string | undefined, attendees: list("attendee"), agenda: list("agenda"), decisions: list("decision"), recommendations: list("rec") });
  else if (action === "action-add") result = await addMeetingAction({ ...common, meeting: target! });
  else result = await setMeetingActionState({ ...common, ref: target!, state: action === "action-done" ? "done" : "open" });
  output.out(format(result, { color: false }));
  return 0;
}
