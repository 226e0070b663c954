// tam change notify <ID>: the status update a TAM sends the client about a change, printed in
// markdown or text; the date of the notice (and the late and blocked tasks it told about) is
// stored in the change as `last_notice` and committed, so the next notice says "since".
import { EXIT_OK } from "../errors.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { clientNotice } from "../domain/tracking/notice.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { noticeFormatters } from "../format/notice/index.js";
import type { Change } from "../model/files.js";
import { requireValid } from "../project/check.js";
import { applyChangeEdit } from "../project/change-steps.js";
import { editChangeFile } from "../project/change-write.js";
import { whoAmI } from "../project/identity.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { findChange } from "./lookup.js";

export interface ChangeNotifyOptions {
  format: string;
  by?: string;
  /** false: print only, store nothing (a preview). */
  record?: boolean;
  commit?: boolean;
  asOf?: string;
}

export async function runChangeNotify(globals: GlobalOptions, id: string, options: ChangeNotifyOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(noticeFormatters, options.format);
  const project = openProject(globals, ["departments", "architecture", "changes"]);
  requireValid(project);
  const clock = clockFor(project, options.asOf);
  const { change, file } = findChange(project, id);
  const context = { ...project, today: clock.today, timezone: clock.timezone };
  if (options.record === false) {
    output.out(format(clientNotice({ ...context, change }), { color: useColor(globals.color), width: process.stdout.columns }));
    return EXIT_OK;
  }
  const by = options.by ?? (await whoAmI(project.root));
  const at = formatZoned(clock.now, clock.timezone);
  const saved = await editChangeFile(
    project.root,
    file,
    (source) => {
      // The notice is written from the file as it is now, under its lock, and records what it told.
      const notice = clientNotice({ ...context, change: source.data as Change });
      const text = applyChangeEdit(source, { lastNotice: { at, by, late: notice.told.late, blocked: notice.told.blocked } });
      return { text, result: notice };
    },
    options.commit === false ? undefined : () => `${id}: client notice`,
  );
  output.out(format(saved.result, { color: useColor(globals.color), width: process.stdout.columns }));
  output.err(`recorded the notice in ${file} as last_notice ${at}${saved.commit ? ` (commit ${saved.commit})` : ""}`);
  return EXIT_OK;
}
