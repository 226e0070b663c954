// tam change new: a new change file with the next free id, validated, committed.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXIT_OK, UsageError } from "../errors.js";
import { newChange, nextChangeId } from "../domain/tracking/new-change.js";
import { derivedModeline, renderNewChange } from "../project/change-file.js";
import { FILE_NAMES, reloadProject } from "../project/load.js";
import { editFiles } from "../project/transaction.js";
import { askChangeAnswers, type ChangeNewOptions } from "./change-new-answers.js";
import type { Prompter } from "./prompter.js";
import type { WriteFlags } from "./write-flags.js";
import { plainOutput, clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";

export async function runChangeNew(globals: GlobalOptions, options: ChangeNewOptions & WriteFlags & { asOf?: string }, output: Output = processOutput, prompter?: Prompter): Promise<number> {
  const project = openProject(globals);
  const clock = clockFor(project, options.asOf);
  if (options.id && (project.changes.some((c) => c.id === options.id) || existsSync(join(project.root, `${FILE_NAMES.changes}/${options.id}.yaml`))))
    throw new UsageError(`${options.id} already exists`);
  const answers = await askChangeAnswers(project, options, prompter);
  let id = options.id ?? "";
  const saved = await editFiles(
    project,
    () => {
      // The next free id is taken from the changes as they are now, under the lock: another tam may just have added one.
      id = options.id ?? nextChangeId(reloadProject(project, ["changes"]).changes.map((c) => c.id));
      return [
        {
          path: `${FILE_NAMES.changes}/${id}.yaml`,
          edit: (text) => {
            if (text !== null) throw new UsageError(`${id} already exists`);
            return renderNewChange(newChange({ ...answers, id, today: clock.today }), derivedModeline(project, "change.schema.json"));
          },
        },
      ];
    },
    {
      message: () => `${id}: new change "${answers.title}"`,
      commit: options.commit !== false,
      waitSeconds: options.wait,
      includeLocalChanges: options.includeLocalChanges,
      verify: options.verify,
      warn: plainOutput(output).err,
    },
  );
  // The new id alone on stdout (`id=$(tam change new …)`), the prose on stderr.
  output.out(id);
  plainOutput(output).err(`created ${saved.written[0]}${saved.commit ? ` (commit ${saved.commit})` : ""}\nnext: tam change plan ${id}`);
  return EXIT_OK;
}
