// tam change new: a new change file with the next free id, validated, committed.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { EXIT_OK, ProjectError, UsageError } from "../errors.js";
import { newChange, nextChangeId } from "../domain/tracking/new-change.js";
import { projectIssues } from "../project/check.js";
import { derivedModeline, renderNewChange } from "../project/change-render.js";
import { FILE_NAMES, loadProject } from "../project/load.js";
import { writeFileAtomic } from "../project/write.js";
import { askChangeAnswers, type ChangeNewOptions } from "./change-new-answers.js";
import type { Prompter } from "./prompter.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";

export async function runChangeNew(globals: GlobalOptions, options: ChangeNewOptions & { asOf?: string }, output: Output = processOutput, prompter?: Prompter): Promise<number> {
  const project = openProject(globals);
  const clock = clockFor(project, options.asOf);
  const id = options.id ?? nextChangeId(project.changes.map((c) => c.id));
  const rel = `${FILE_NAMES.changes}/${id}.yaml`;
  if (project.changes.some((c) => c.id === id) || existsSync(join(project.root, rel))) throw new UsageError(`${id} already exists`);
  const answers = await askChangeAnswers(project, options, prompter);
  if (options.commit !== false) await (await import("../project/git.js")).assertCanCommit(project.root);
  writeFileAtomic(join(project.root, rel), renderNewChange(newChange({ ...answers, id, today: clock.today }), derivedModeline(project, "change.schema.json")));
  const errors = projectIssues(loadProject(project.root)).filter((i) => i.severity === "error" && i.file === rel);
  if (errors.length) {
    rmSync(join(project.root, rel), { force: true });
    throw new ProjectError(`${rel} was not created:`, errors);
  }
  let commit = "";
  if (options.commit !== false) {
    const { commitFiles } = await import("../project/git.js");
    commit = ` (commit ${await commitFiles(project.root, [rel], `${id}: new change "${answers.title}"`)})`;
  }
  // The new id alone on stdout (`id=$(tam change new …)`), the prose on stderr.
  output.out(id);
  output.err(`created ${rel}${commit}\nnext: tam change plan ${id}`);
  return EXIT_OK;
}
