// The end of every incident write: validate the edited files in memory, write atomically, commit.
import { ProjectError } from "../errors.js";
import { errorsAfterEdit, writeTexts } from "../project/incident-store.js";
import type { Project } from "../project/load.js";
import type { Output } from "./context.js";

export async function saveIncidentFiles(project: Project, texts: Map<string, string>, message: string, commit: boolean, output: Output): Promise<void> {
  const errors = errorsAfterEdit(project, texts);
  if (errors.length > 0) throw new ProjectError("the change would leave the project invalid; nothing was written:", errors);
  writeTexts(project, texts);
  output.err(`wrote ${[...texts.keys()].sort().join(", ")}`);
  if (!commit) return;
  const { commitFiles } = await import("../project/git.js");
  const hash = await commitFiles(project.root, [...texts.keys()].sort(), message);
  output.err(`committed ${hash}: ${message}`);
}
