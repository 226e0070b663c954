import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleIdOf, cacheHeader, cacheKeyAfter, cacheKeysOf, commandWordsOf, pruneCaches } from "../../src/launch.js";

describe("launch", () => {
  it("finds the words that may name a command, past options and -C's folder", () => {
    expect(commandWordsOf(["node", "tam", "validate", "--format", "json"])).toEqual(["validate"]);
    expect(commandWordsOf(["node", "tam", "-C", "validate", "status"])).toEqual(["status"]);
    expect(commandWordsOf(["node", "tam", "--project", "x", "--no-color", "arch", "risks"])).toEqual(["arch", "risks"]);
    expect(commandWordsOf(["node", "tam", "change", "plan", "CHG-0003", "--as-of", "2026-11-20"])).toEqual(["change", "plan"]);
    expect(commandWordsOf(["node", "tam", "change", "--help"])).toEqual(["change"]);
    expect(commandWordsOf(["node", "tam", "docs", "review", "net-core", "web"])).toEqual(["docs", "review", "net-core"]);
    expect(commandWordsOf(["node", "tam", "__complete", "change"])).toEqual(["__complete", "change"]);
    expect(commandWordsOf(["node", "tam", "--version"])).toEqual([]);
    expect(commandWordsOf(["node", "tam", "../../etc"])).toEqual([]);
  });

  it("looks for the most specific cache first, and writes the cache of the command that ran", () => {
    expect(cacheKeysOf(["node", "tam", "change", "plan", "CHG-0003"])).toEqual(["change-plan", "change"]);
    expect(cacheKeysOf(["node", "tam", "--version"])).toEqual(["start"]);
    expect(cacheKeyAfter(["node", "tam", "change", "plan", "CHG-0003"], ["change", "plan"])).toBe("change-plan");
    expect(cacheKeyAfter(["node", "tam", "docs", "review", "net-core"], ["docs", "review"])).toBe("docs-review");
    // Help, a usage error, a failure: no command ran to its end, and no cache is written for its words.
    expect(cacheKeyAfter(["node", "tam", "change", "--help"], undefined)).toBeUndefined();
    expect(cacheKeyAfter(["node", "tam", "chnage", "plan"], undefined)).toBeUndefined();
    expect(cacheKeyAfter(["node", "tam", "--version"], undefined)).toBe("start");
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
