// tam init --adopt [dir]: sets up an existing project folder (tam.yaml present) so that
// `tam docs check` has no false stale docs on day one. Without a repository: git init and one
// commit of the folder as it is (the commit that adds architecture.yaml is no change to the
// components). In a repository whose history already holds the project: commit what is not
// committed yet, then record the docs baseline at HEAD (`tam docs baseline`).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { runDocsBaseline } from "./docs-baseline.js";

export async function runInitAdopt(globals: GlobalOptions, dir: string | undefined, output: Output = processOutput): Promise<number> {
  const target = resolve(dir ?? ".");
  if (!existsSync(join(target, "tam.yaml"))) throw new UsageError(`--adopt: ${dir ?? "."} holds no tam project (no tam.yaml); run \`tam init\` to create one`);
  const git = await import("../project/git.js");
  await git.assertGitIdentity(target, "--no-git");
  const fresh = !(await git.isRepository(target));
  if (fresh) await git.initRepository(target);
  const history = !fresh && (await git.lastCommitOf(target, "architecture.yaml")) !== undefined;
  if (await git.hasUncommitted(target)) {
    const hash = await git.commitFiles(target, ["."], "tam init --adopt: the project as it is");
    output.err(`committed the project folder as ${hash}`);
  }
  if (!history) {
    output.err("adopted: the commit that adds architecture.yaml is the starting point of documentation freshness, not a change");
    return 0;
  }
  // The repository already has the architecture's history: the docs are taken to match HEAD.
  return runDocsBaseline({ ...globals, project: target }, undefined, { commit: true, note: "adopted with its history (tam init --adopt)" }, output);
}
