// tam init: a new client project from templates, validated, with a first commit.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { timeZone } from "../domain/answer-checks.js";
import { projectIssues } from "../project/check.js";
import { loadProject } from "../project/load.js";
import { PROJECT_SCHEMA_DIR, projectSchemaFiles } from "../project/schemas.js";
import { CI_SYSTEMS, CI_TEMPLATE_DIR, renderTemplates, type CiSystem } from "../project/templates.js";
import { VERSION } from "../version.js";
import { writeFileAtomic } from "../project/write.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { askInitAnswers, slaBlock, type InitAnswers } from "./init-answers.js";
import { inlineSafe } from "../format/text.js";
import type { Prompter } from "./prompter.js";

export interface InitOptions {
  client?: string;
  projectId?: string;
  tam?: string;
  tamEmail?: string;
  timezone?: string;
  sla?: InitAnswers["sla"];
  yes?: boolean;
  git?: boolean;
  ci?: CiSystem | "none";
}

export async function runInit(_globals: GlobalOptions, dir: string | undefined, options: InitOptions, output: Output = processOutput, prompter?: Prompter): Promise<number> {
  const target = resolve(dir ?? ".");
  if (existsSync(join(target, "tam.yaml"))) throw new UsageError(`${dir ?? "."} already holds a tam project (tam.yaml exists); tam init never overwrites one`);
  const answers = await askInitAnswers(options, target, prompter);
  const zoneProblem = timeZone(answers.timezone);
  if (zoneProblem !== true) throw new UsageError(`--timezone: ${zoneProblem}`);
  const values = {
    client: yamlString(answers.client),
    projectId: answers.projectId,
    tam: yamlString(answers.tam),
    tamEmailLine: answers.tamEmail ? `  email: ${yamlString(answers.tamEmail)}\n` : "",
    timezone: answers.timezone,
    sla: slaBlock(answers.sla),
    // Modelines point at the project's own copy of the schemas: editors work offline, and
    // `tam schema --write` keeps them in step with tam (docs/editors.md: a hosted copy instead).
    schemaBase: `${PROJECT_SCHEMA_DIR}/`,
    tamVersion: VERSION,
  };
  const ci = options.ci ?? "github";
  if (ci !== "none" && !CI_SYSTEMS.includes(ci)) throw new UsageError(`--ci: "${ci}" is not one of ${CI_SYSTEMS.join(", ")}, none`);
  const files = [...renderTemplates(values), ...projectSchemaFiles(), ...(ci === "none" ? [] : renderTemplates(values, join(CI_TEMPLATE_DIR, ci)))];
  const clashes = files.filter((f) => existsSync(join(target, f.path)));
  if (clashes.length) throw new UsageError(`refusing to overwrite ${clashes.map((f) => f.path).join(", ")} in ${dir ?? "."}`);
  const git = options.git === false ? undefined : await import("../project/git.js");
  await git?.assertGitIdentity(existingAncestor(target), "--no-git");
  mkdirSync(target, { recursive: true });
  for (const file of files) writeFileAtomic(join(target, file.path), file.text);

  const errors = projectIssues(loadProject(target)).filter((i) => i.severity === "error");
  for (const issue of errors) output.err(inlineSafe(`${issue.file}:${issue.line ?? 1}:${issue.col ?? 1} error ${issue.code} ${issue.message}`));
  const shown = relative(process.cwd(), target) || ".";
  if (git) {
    if (!(await git.isRepository(target)) || readdirSync(target).includes(".git") === false) await git.initRepository(target);
    const hash = await git.commitFiles(
      target,
      files.map((f) => f.path),
      `tam init: ${answers.client} project`,
    );
    output.err(`committed ${files.length} files as ${hash}`);
  }
  output.err(`created a tam project for ${inlineSafe(answers.client)} in ${inlineSafe(shown)}\nnext: describe the landscape in architecture.yaml, then run \`tam validate -C ${shown}\``);
  return errors.length ? EXIT_FINDINGS : EXIT_OK;
}

/** The nearest folder that exists, from `dir` upward (git needs one to run in). */
function existingAncestor(dir: string): string {
  let current = dir;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

/** A YAML scalar that stays a string whatever the user typed. */
function yamlString(text: string): string {
  return /^[\w][\w .@'-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/^[\d.]+$/.test(text) ? text : JSON.stringify(text);
}
