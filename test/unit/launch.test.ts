import { describe, expect, it } from "vitest";
import { bundleIdOf, cacheHeader, commandOf } from "../../src/launch.js";

describe("launch", () => {
  it("finds the command word that picks a code cache, past options and -C's folder", () => {
    expect(commandOf(["node", "tam", "validate", "--format", "json"])).toBe("validate");
    expect(commandOf(["node", "tam", "-C", "validate", "status"])).toBe("status");
    expect(commandOf(["node", "tam", "--project", "x", "--no-color", "arch", "risks"])).toBe("arch");
    expect(commandOf(["node", "tam", "--version"])).toBeUndefined();
    expect(commandOf(["node", "tam", "../../etc"])).toBeUndefined();
  });

  it("keys a cache by the bundle's id and V8's version", () => {
    expect(bundleIdOf("// tam-bundle 0123abcd\nrest")).toBe("0123abcd");
    expect(bundleIdOf("// something else\n")).toBeUndefined();
    expect(cacheHeader("0123abcd")).toBe(`tam-code-cache 0123abcd v8-${process.versions.v8}\n`);
  });
});
