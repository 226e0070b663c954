// The release tarball: `npm pack` in a checkout (its `prepare` builds), installed globally.
// `npm pack`'s stdout must be the tarball's name alone: pre-commit reads it to find the file.
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run.js";
import { ok, run, scratch, standInRepository, VERSION } from "./stand-in.js";

describe("release tarball", () => {
  it("npm pack prints only the file name (the build talks on stderr); npm install --global of it works", () => {
    const { dir } = standInRepository();
    // A checkout after `npm install`: this suite's dependencies stand in for them.
    symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
    const packed = ok(run("npm", ["pack"], dir), "npm pack");
    expect(packed.stdout).toBe(`tam-cli-${VERSION}.tgz\n`);

    const prefix = scratch("tarball");
    ok(run("npm", ["install", "--global", join(dir, `tam-cli-${VERSION}.tgz`)], prefix, { npm_config_prefix: prefix }), "npm install -g");
    const tam = join(prefix, "bin/tam");
    expect(ok(run(tam, ["--version"], prefix), "tam --version").stdout.trim()).toBe(VERSION);
    ok(run(tam, ["init", "acme", "--client", "ACME", "--tam", "Irina Petrova", "--yes", "--no-git"], prefix), "tam init");
    ok(run(tam, ["validate", "-C", "acme"], prefix), "tam validate");
  });
});
