// Use case: tam change new: a new change file with the next free id, validated, committed. The
// answers come from the options, or are asked through a Prompter.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { newChange, nextChangeId } from "../domain/tracking/new-change.js";
import { derivedModeline, renderNewChange } from "../project/change-file.js";
import { FILE_NAMES, reloadProject } from "../project/load.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import { askChangeAnswers, type ChangeNewOptions } from "./change-new-answers.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import type { Prompter } from "./prompter.js";
import { transactionFlags, type WriteRequest } from "./write-request.js";

export type { ChangeNewOptions } from "./change-new-answers.js";

export interface NewChangeRequest extends ProjectOptions, ClockOptions, WriteRequest, ChangeNewOptions {
  /** Asks for what the options do not say. */
  prompter?: Prompter;
}

export async function createChange(request: NewChangeRequest): Promise<{ id: string; write: WriteResult }> {
  const project = openProject(request);
  const clock = clockFor(project, request.asOf, request.now);
  if (request.id && (project.changes.some((c) => c.id === request.id) || existsSync(join(project.root, `${FILE_NAMES.changes}/${request.id}.yaml`))))
    throw new UsageError(`${request.id} already exists`);
  const answers = await askChangeAnswers(project, request, request.prompter);
  let id = request.id ?? "";
  const write = await editFiles(
    project,
    () => {
      // The next free id is taken from the changes as they are now, under the lock: another tam may just have added one.
      id = request.id ?? nextChangeId(reloadProject(project, ["changes"]).changes.map((c) => c.id));
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
      ...transactionFlags(request),
    },
  );
  return { id, write };
}
