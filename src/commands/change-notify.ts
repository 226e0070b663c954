// tam change notify <ID>: the client's status update on a change, in markdown, text or json;
// recorded in the change as last_notice (the record goes to stderr, the notice to stdout).
import { notifyClient } from "../app/change-notify.js";
import { EXIT_OK } from "../errors.js";
import { noticeFormatters } from "../format/notice/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags } from "./write-flags.js";

export interface ChangeNotifyOptions extends WriteFlags {
  format: string;
  by?: string;
  /** false: print only, store nothing (a preview). */
  record?: boolean;
  commit?: boolean;
  asOf?: string;
}

export async function runChangeNotify(globals: GlobalOptions, id: string, options: ChangeNotifyOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(noticeFormatters, options.format);
  const { notice, recorded } = await notifyClient({
    project: globals.project,
    id,
    by: options.by,
    record: options.record,
    commit: options.commit,
    asOf: options.asOf,
    wait: options.wait,
    includeLocalChanges: options.includeLocalChanges,
    verify: options.verify,
    warn: plainOutput(output).err,
  });
  output.out(format(notice, { color: useColor(globals.color), width: process.stdout.columns }));
  if (recorded) plainOutput(output).err(`recorded the notice in ${recorded.file} as last_notice ${recorded.at}${committedNote(recorded.write)}`);
  return EXIT_OK;
}
