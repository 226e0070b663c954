import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleIdOf, cacheHeader, commandOf, pruneCaches } from "../../src/launch.js";

describe("launch", () => {
  it("finds the command word that picks a code cache, past options and -C's folder", () => {
    expect(commandOf(["node", "tam", "validate", "--format", "json"])).toBe("validate");
    expect(commandOf(["node", "tam", "-C", "validate", "status"])).toBe("status");
    expect(commandOf(["node", "tam", "--project", "x", "--no-color", "arch", "risks"])).toBe("arch");
    expect(commandOf(["node", "tam", "__complete", "change"])).toBe("__complete");
    expect(commandOf(["node", "tam", "--version"])).toBeUndefined();
    expect(commandOf(["node", "tam", "../../etc"])).toBeUndefined();
  });

  it("keys a cache by the bundle's id and V8's version", () => {
    expect(bundleIdOf("// tam-bundle 0123abcd\nrest")).toBe("0123abcd");
    expect(bundleIdOf("// something else\n")).toBeUndefined();
    expect(cacheHeader("0123abcd")).toBe(`tam-code-cache 0123abcd v8-${process.versions.v8}\n`);
  });

  it("deletes only the caches of other builds left untouched for a week", () => {
    const folder = mkdtempSync(join(tmpdir(), "tam-prune-"));
    const now = Date.now();
    const file = (name: string, daysOld: number) => {
      writeFileSync(join(folder, name), "");
      const at = (now - daysOld * 86_400_000) / 1000;
      utimesSync(join(folder, name), at, at);
    };
    file("tam-cli-aaaa-validate-v8-1.cache", 30); // this build: kept however old
    file("tam-cli-bbbb-validate-v8-1.cache", 30); // another build, stale: deleted
    file("tam-cli-cccc-status-v8-1.cache", 1); // another build, recent (a second installed tam): kept
    file("notes.txt", 30); // not tam's: kept
    pruneCaches(folder, "aaaa", now);
    expect(readdirSync(folder).sort()).toEqual(["notes.txt", "tam-cli-aaaa-validate-v8-1.cache", "tam-cli-cccc-status-v8-1.cache"]);
  });
});
