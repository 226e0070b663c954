// The README's quick start, run verbatim: its first command installs, builds, puts `tam` on the
// PATH with `npm link` (into a scratch npm prefix here) and plans the example's change.
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { REPO } from "../helpers/run.js";
import { ok, run, scratch, standInRepository, VERSION } from "./stand-in.js";

function quickStartCommands(): string[] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const section = readme.split("## Quick start")[1]?.split("\n## ")[0] ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md has no ```sh block under ## Quick start");
  return block.trim().split("\n");
}

it("the README quick start puts tam on the PATH and plans the example", () => {
  const [install, test] = quickStartCommands();
  expect(test).toBe("npm test");
  expect(install).toContain("npm link");
  const { dir } = standInRepository();
  // `npm install` of a checkout: this suite's dependencies stand in for the download.
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  const prefix = scratch("quick-start");
  const bin = join(prefix, "bin");
  const ran = ok(run("bash", ["-euo", "pipefail", "-c", install], dir, { npm_config_prefix: prefix, PATH: `${bin}:${process.env.PATH}` }), "quick start");
  expect(existsSync(join(bin, "tam"))).toBe(true);
  expect(ran.stdout).toContain("CHG-0003 Landscape for the loyalty project");
  expect(ran.stdout).toMatch(/forecast: 2026-11-23 → /);
  // and `tam` keeps working from anywhere on that PATH; `npm unlink -g` removes it
  expect(ok(run(join(bin, "tam"), ["--version"], prefix), "tam --version").stdout.trim()).toBe(VERSION);
  ok(run("npm", ["unlink", "-g", "tam-cli"], prefix, { npm_config_prefix: prefix }), "npm unlink");
  expect(existsSync(join(bin, "tam"))).toBe(false);
});
