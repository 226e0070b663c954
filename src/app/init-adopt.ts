// Use case: tam init --adopt [dir]: sets up an existing project folder (tam.yaml present) so that
// `tam docs check` has no false stale docs on day one. Without a repository: git init and one
// commit of the folder as it is (the commit that adds architecture.yaml is no change to the
// components). In a repository whose history already holds the project: commit what is not
// committed yet, then record the docs baseline at HEAD (`tam docs baseline`).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { recordDocsBaseline, type DocsBaselineResult } from "./docs-baseline.js";
import type { WriteRequest } from "./write-request.js";

export interface AdoptResult {
  /** The commit of what was not committed yet, when one was made. */
  committed?: string;
  /** The docs baseline recorded at HEAD, when the repository already had the architecture's history. */
  baseline?: DocsBaselineResult;
}

export async function adoptProject(request: { dir?: string; warn?: WriteRequest["warn"] }): Promise<AdoptResult> {
  const target = resolve(request.dir ?? ".");
  if (!existsSync(join(target, "tam.yaml"))) throw new UsageError(`--adopt: ${request.dir ?? "."} holds no tam project (no tam.yaml); run \`tam init\` to create one`);
  const git = await import("../project/git.js");
  await git.assertGitIdentity(target, "--no-git");
  const fresh = !(await git.isRepository(target));
  if (fresh) await git.initRepository(target);
  const history = !fresh && (await git.lastCommitOf(target, "architecture.yaml")) !== undefined;
  const committed = (await git.hasUncommitted(target)) ? await git.commitFiles(target, ["."], "tam init --adopt: the project as it is") : undefined;
  if (!history) return { ...(committed ? { committed } : {}) };
  // The repository already has the architecture's history: the docs are taken to match HEAD.
  const baseline = await recordDocsBaseline({ project: target, commit: true, note: "adopted with its history (tam init --adopt)", warn: request.warn });
  return { ...(committed ? { committed } : {}), baseline };
}
