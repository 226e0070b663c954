// tam change notify <ID>: the client's status update on a change, in markdown, text or json;
// recorded in the change as last_notice (the record goes to stderr, the notice to stdout).
import { notifyClient } from "../app/change-notify.js";
import { EXIT_OK } from "../errors.js";
import { noticeFormatters } from "../format/notice/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type NoticeOptions, writeRequest } from "./write-flags.js";

export type ChangeNotifyOptions = NoticeOptions;

export async function runChangeNotify(globals: GlobalOptions, id: string, options: ChangeNotifyOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(noticeFormatters, options.format);
  const { notice, recorded } = await notifyClient({ ...writeRequest(globals, options, output), id, by: options.by, record: options.record });
  output.out(format(notice, { color: useColor(globals.color), width: process.stdout.columns }));
  if (recorded) plainOutput(output).err(`recorded the notice in ${recorded.file} as last_notice ${recorded.at}${committedNote(recorded.write)}`);
  return EXIT_OK;
}
