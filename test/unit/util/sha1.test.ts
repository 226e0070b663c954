// sha1Hex is SHA-1 (node:crypto's), and gitBlobId is git's id of a file's text.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitBlobId } from "../../../src/project/history.js";
import { sha1Hex } from "../../../src/util/sha1.js";

describe("sha1Hex", () => {
  it("gives node:crypto's SHA-1 for every length around the block edges and for random bytes", () => {
    let seed = 1;
    const byte = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const lengths = [...Array.from({ length: 200 }, (_, i) => i), 447, 448, 511, 512, 513, 4096, 100_003];
    for (const length of lengths) {
      const bytes = Uint8Array.from({ length }, byte);
      expect(sha1Hex(bytes), `length ${length}`).toBe(createHash("sha1").update(bytes).digest("hex"));
    }
    expect(sha1Hex(new TextEncoder().encode("abc"))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
  });

  it("gitBlobId is the id git hash-object gives the file, UTF-8 text included", () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-sha1-"));
    for (const text of ["", "components:\n  - id: web\n", "name: Café — Zürich ✓\n".repeat(50)]) {
      const file = join(dir, "architecture.yaml");
      writeFileSync(file, text, "utf8");
      expect(gitBlobId(text)).toBe(execFileSync("git", ["hash-object", file], { encoding: "utf8" }).trim());
    }
  });
});
