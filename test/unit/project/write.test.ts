// writeFileAtomic: a temporary file in the same folder, then a rename; on failure the original
// stays intact and no temporary file is left behind.
import * as fs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("node:fs", async (original) => {
  const real = await original<typeof import("node:fs")>();
  return { ...real, realRenameSync: real.renameSync, renameSync: vi.fn(real.renameSync), writeSync: vi.fn(real.writeSync) };
});

// The test files share their worker's modules (vitest.config.ts: isolate false): load write.js afresh,
// over the mocked node:fs, not the copy an earlier file loaded over the real one.
vi.resetModules();
const { writeFileAtomic, stageWrite } = await import("../../../src/project/write.js");
const { UsageError } = await import("../../../src/errors.js");
const realRenameSync = (fs as unknown as { realRenameSync: typeof fs.renameSync }).realRenameSync;

function folderWith(text: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "tam-write-"));
  const path = join(dir, "docs.yaml");
  writeFileSync(path, text, { mode: 0o640 });
  return { dir, path };
}

describe("writeFileAtomic", () => {
  it("replaces the file through a temporary file in the same folder, keeping its mode", () => {
    const { dir, path } = folderWith("old\n");
    const renames: string[][] = [];
    vi.mocked(fs.renameSync).mockImplementationOnce((from, to) => {
      renames.push([String(from), String(to)]);
      // Until the rename, the target still holds the old text and the new one is complete beside it.
      expect(readFileSync(path, "utf8")).toBe("old\n");
      expect(readFileSync(from, "utf8")).toBe("new\n");
      realRenameSync(from, to);
    });
    writeFileAtomic(path, "new\n");
    expect(readFileSync(path, "utf8")).toBe("new\n");
    expect(renames).toHaveLength(1);
    expect(renames[0]![0]!.startsWith(join(dir, "."))).toBe(true);
    expect(renames[0]![1]).toBe(path);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["docs.yaml"]);
  });

  it("leaves the original intact and no temporary file when the rename fails", () => {
    const { dir, path } = folderWith("original\n");
    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw Object.assign(new Error("EXDEV: simulated"), { code: "EXDEV" });
    });
    expect(() => writeFileAtomic(path, "new\n")).toThrow(/simulated/);
    expect(readFileSync(path, "utf8")).toBe("original\n");
    expect(readdirSync(dir)).toEqual(["docs.yaml"]);
  });

  it("leaves the original intact and no temporary file when writing fails (disk full)", () => {
    const { dir, path } = folderWith("original\n");
    vi.mocked(fs.writeSync).mockImplementationOnce(() => {
      throw Object.assign(new Error("ENOSPC: simulated"), { code: "ENOSPC" });
    });
    expect(() => writeFileAtomic(path, "new\n")).toThrow(/ENOSPC/);
    expect(readFileSync(path, "utf8")).toBe("original\n");
    expect(readdirSync(dir)).toEqual(["docs.yaml"]);
  });

  it.each([
    ["ENOSPC", /the disk is full/],
    ["EROFS", /the file system is read-only/],
    ["EACCES", /permission denied/],
    ["EDQUOT", /disk quota/],
  ])("%s is a usage error naming the user's file (exit 2), not the temporary file", (code, meaning) => {
    const { dir, path } = folderWith("original\n");
    vi.mocked(fs.writeSync).mockImplementationOnce(() => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    });
    let error: unknown;
    try {
      stageWrite(path, "new\n", "docs.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(String(error)).toMatch(meaning);
    expect(String(error)).toMatch(/docs\.yaml/);
    expect(String(error)).not.toMatch(/\.tmp|tam-\d/);
    expect(readdirSync(dir)).toEqual(["docs.yaml"]);
  });

  it("a folder where the file should be is named as such", () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-write-"));
    fs.mkdirSync(join(dir, "docs.yaml"));
    expect(() => stageWrite(join(dir, "docs.yaml"), "x\n", "docs.yaml")).toThrow(/docs\.yaml: it is a folder; a file is expected there/);
  });
});
