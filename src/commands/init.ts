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
import { askInitAnswers, slaBlock, slaSummary, type InitAnswers } from "./init-answers.js";
import { inlineSafe } from "../format/text.js";
import { canAsk, type Prompter } from "./prompter.js";
import { gitIdentity } from "../project/identity.js";

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
  const known = prompter || canAsk(options) ? await gitIdentity(existingAncestor(target)) : {};
  const answers = await askInitAnswers(options, target, prompter, { tam: known.name, tamEmail: known.email });
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
  if (answers.askedBy) {
    output.err(initSummary(answers, shownPath(target), ci, options.git !== false, files.length));
    if (!(await answers.askedBy.confirm({ message: "Create the project?", default: true }))) {
      output.err("tam: not created; nothing was written");
      return EXIT_FINDINGS;
    }
  }
  const git = options.git === false ? undefined : await import("../project/git.js");
  await git?.assertGitIdentity(existingAncestor(target), "--no-git");
  mkdirSync(target, { recursive: true });
  for (const file of files) writeFileAtomic(join(target, file.path), file.text);

  const errors = projectIssues(loadProject(target)).filter((i) => i.severity === "error");
  for (const issue of errors) output.err(inlineSafe(`${issue.file}:${issue.line ?? 1}:${issue.col ?? 1} error ${issue.code} ${issue.message}`));
  const shown = shownPath(target);
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

function shownPath(target: string): string {
  return relative(process.cwd(), target) || ".";
}

/** What the wizard is about to write, shown before it asks to go ahead. */
function initSummary(answers: InitAnswers, folder: string, ci: string, git: boolean, files: number): string {
  const rows: [string, string][] = [
    ["folder", folder],
    ["client", `${answers.client} (project id ${answers.projectId})`],
    ["TAM", answers.tamEmail ? `${answers.tam} <${answers.tamEmail}>` : answers.tam],
    ["time zone", answers.timezone],
    ["SLA tier", `${answers.sla} (${slaSummary(answers.sla)})`],
    ["CI", ci === "none" ? "none" : `${ci} workflow`],
    ["git", git ? "a first commit" : "no commit (--no-git)"],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  return [`tam init will write ${files} files:`, ...rows.map(([key, value]) => `  ${key.padEnd(width)}  ${inlineSafe(value)}`)].join("\n");
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
