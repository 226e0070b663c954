// Installing tam from a git URL, globally and as a project's dependency, the way the README says.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ok, RELEASE_TAG, run, scratch, standInRepository, VERSION } from "./stand-in.js";

let repo: { dir: string; url: string };
beforeAll(() => {
  repo = standInRepository();
});

/** tam works: version, a new project, a clean validate. */
function works(tam: string, cwd: string) {
  expect(ok(run(tam, ["--version"], cwd), "tam --version").stdout.trim()).toBe(VERSION);
  ok(run(tam, ["init", "acme", "--client", "ACME", "--tam", "Irina Petrova", "--yes", "--no-git"], cwd), "tam init");
  ok(run(tam, ["validate", "-C", "acme"], cwd), "tam validate");
}

function consumer(): string {
  const dir = join(scratch("consumer"), "consumer");
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), '{ "name": "consumer", "private": true }\n');
  return dir;
}

describe("install from a git URL", () => {
  it(`npm install --global git+…#${RELEASE_TAG} (the release commit ships dist/, nothing is built)`, () => {
    const prefix = scratch("global");
    ok(run("npm", ["install", "--global", `${repo.url}#${RELEASE_TAG}`], prefix, { npm_config_prefix: prefix }), "npm install -g");
    works(join(prefix, "bin/tam"), prefix);
  });

  it(`npm install git+…#${RELEASE_TAG} in a project`, () => {
    const dir = consumer();
    ok(run("npm", ["install", `${repo.url}#${RELEASE_TAG}`], dir), "npm install");
    works(join(dir, "node_modules/.bin/tam"), dir);
  });

  it("npm install git+…#main in a project: npm installs the dev dependencies and `prepare` builds", () => {
    const dir = consumer();
    ok(run("npm", ["install", `${repo.url}#main`], dir), "npm install");
    expect(existsSync(join(dir, "node_modules/tam-cli/dist/cli.js"))).toBe(true);
    works(join(dir, "node_modules/.bin/tam"), dir);
  });

  it("npm install --global git+…#main fails (npm/cli#8440) with a message naming what works", () => {
    const prefix = scratch("global-main");
    const result = run("npm", ["install", "--global", `${repo.url}#main`], prefix, { npm_config_prefix: prefix });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Install a release tag instead");
  });
});
