// Use case: tam init [dir]: a new project folder from the templates (tam.yaml, departments, an empty
// architecture, the schemas, a CI workflow), validated, and its first commit. The answers come from
// the options, or are asked through a Prompter, which also confirms before anything is written.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { timeZone } from "../domain/answer-checks.js";
import type { Issue } from "../model/issues.js";
import { projectIssues } from "../project/check.js";
import { gitIdentity } from "../project/identity.js";
import { loadProject } from "../project/load.js";
import { PROJECT_SCHEMA_DIR, projectSchemaFiles } from "../project/schemas.js";
import { CI_SYSTEMS, CI_TEMPLATE_DIR, renderTemplates } from "../project/templates.js";
import { writeFileAtomic } from "../project/write.js";
import { VERSION } from "../version.js";
import { askInitAnswers, slaBlock, slaSummary, type InitAnswers, type InitOptions } from "./init-answers.js";

export type { InitOptions } from "./init-answers.js";
import type { Prompter } from "./prompter.js";

export type { CiSystem } from "../project/templates.js";

export interface InitRequest extends InitOptions {
  /** The folder (default: the current one). */
  dir?: string;
  /** Asks for what the options do not say, and to go ahead after the summary. */
  prompter?: Prompter;
  /** Receives what is about to be written, before the prompter asks to go ahead. */
  summary?: (summary: InitSummary) => void;
}

/** What tam init is about to write: the number of files and one row per setting. */
export interface InitSummary {
  files: number;
  rows: [string, string][];
}

export type InitResult =
  | { created: false }
  | {
      created: true;
      target: string;
      client: string;
      /** Errors the new project has (a template tam should not have shipped, a bad answer). */
      errors: Issue[];
      /** The first commit, when one was made. */
      commit?: { hash: string; files: number };
    };

export async function initProject(request: InitRequest): Promise<InitResult> {
  const { dir, prompter } = request;
  const options = request;
  const target = resolve(dir ?? ".");
  if (existsSync(join(target, "tam.yaml"))) throw new UsageError(`${dir ?? "."} already holds a tam project (tam.yaml exists); tam init never overwrites one`);
  const known = prompter ? await gitIdentity(existingAncestor(target)) : {};
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
    request.summary?.({ files: files.length, rows: summaryRows(answers, target, ci, options.git !== false) });
    if (!(await answers.askedBy.confirm({ message: "Create the project?", default: true }))) return { created: false };
  }
  const git = options.git === false ? undefined : await import("../project/git.js");
  await git?.assertGitIdentity(existingAncestor(target), "--no-git");
  mkdirSync(target, { recursive: true });
  for (const file of files) writeFileAtomic(join(target, file.path), file.text);

  const errors = projectIssues(loadProject(target)).filter((i) => i.severity === "error");
  let commit: { hash: string; files: number } | undefined;
  if (git) {
    if (!(await git.isRepository(target)) || readdirSync(target).includes(".git") === false) await git.initRepository(target);
    const hash = await git.commitFiles(
      target,
      files.map((f) => f.path),
      `tam init: ${answers.client} project`,
    );
    commit = { hash, files: files.length };
  }
  return { created: true, target, client: answers.client, errors, ...(commit ? { commit } : {}) };
}

/** What the wizard is about to write, shown before it asks to go ahead. */
function summaryRows(answers: InitAnswers, target: string, ci: string, git: boolean): [string, string][] {
  return [
    ["folder", target],
    ["client", `${answers.client} (project id ${answers.projectId})`],
    ["TAM", answers.tamEmail ? `${answers.tam} <${answers.tamEmail}>` : answers.tam],
    ["time zone", answers.timezone],
    ["SLA tier", `${answers.sla} (${slaSummary(answers.sla)})`],
    ["CI", ci === "none" ? "none" : `${ci} workflow`],
    ["git", git ? "a first commit" : "no commit (--no-git)"],
  ];
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
