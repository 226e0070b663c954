// tam meeting list|new|action add|action done|action open: the minutes of client meetings (meetings.yaml).
import { addMeetingAction, listMeetings, newMeeting, setMeetingActionState } from "../app/meeting.js";
import { meetingFormatters, meetingWriteFormatters } from "../format/meeting/index.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { type RegisterListOptions, type RegisterWriteFlags, runRegisterList, runRegisterWrite } from "./register.js";

export async function runMeetingList(globals: GlobalOptions, options: RegisterListOptions, output: Output = processOutput): Promise<number> {
  return runRegisterList(globals, options, output, meetingFormatters, listMeetings);
}

export type MeetingWriteFlags = RegisterWriteFlags;

export type MeetingAction = "new" | "action-add" | "action-done" | "action-open";

/** Runs one write of the minutes and prints its one-line report (or its JSON). */
export function runMeetingWrite(
  globals: GlobalOptions,
  action: MeetingAction,
  target: string | undefined,
  options: MeetingWriteFlags & Record<string, unknown>,
  output: Output = processOutput,
): Promise<number> {
  const list = (key: string) => options[key] as string[] | undefined;
  return runRegisterWrite(globals, options, output, meetingWriteFormatters, (common) => {
    if (action === "new")
      return newMeeting({ ...common, id: options.id as string | undefined, attendees: list("attendee"), agenda: list("agenda"), decisions: list("decision"), recommendations: list("rec") });
    if (action === "action-add") return addMeetingAction({ ...common, meeting: target! });
    return setMeetingActionState({ ...common, ref: target!, state: action === "action-done" ? "done" : "open" });
  });
}
