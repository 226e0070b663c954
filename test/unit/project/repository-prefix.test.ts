import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryPrefix } from "../../../src/project/discover.js";

describe("repositoryPrefix", () => {
  const top = mkdtempSync(join(tmpdir(), "tam-prefix-"));
  mkdirSync(join(top, "repo/.git"), { recursive: true });
  mkdirSync(join(top, "repo/clients/acme"), { recursive: true });
  mkdirSync(join(top, "worktree/sub"), { recursive: true });
  writeFileSync(join(top, "worktree/.git"), "gitdir: /elsewhere\n"); // a linked worktree's .git is a file
  mkdirSync(join(top, "plain/acme"), { recursive: true });

  it("is the project's path from the git top level, whatever the working directory", () => {
    expect(repositoryPrefix(join(top, "repo/clients/acme"), join(top, "repo"))).toBe("clients/acme/");
    expect(repositoryPrefix(join(top, "repo/clients/acme"), join(top, "repo/clients/acme"))).toBe("clients/acme/");
    expect(repositoryPrefix(join(top, "repo/clients/acme"), "/")).toBe("clients/acme/");
    expect(repositoryPrefix(join(top, "repo"), join(top, "repo"))).toBe("");
    expect(repositoryPrefix(join(top, "worktree/sub"), top)).toBe("sub/");
  });

  it("outside git, is the path from the working directory when the project is below it, else empty", () => {
    expect(repositoryPrefix(join(top, "plain/acme"), join(top, "plain"))).toBe("acme/");
    expect(repositoryPrefix(join(top, "plain/acme"), join(top, "repo"))).toBe("");
  });
});
