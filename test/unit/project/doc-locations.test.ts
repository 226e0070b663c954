// Where docs point, read through the project folder's real path: a project reached through a
// symlink still holds its own files, and a link inside it that leaves it is refused.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inspectLocations } from "../../../src/project/doc-locations.js";

describe("inspectLocations", () => {
  it("tells files, missing files, links out of the project and URLs apart, for a project reached through a symlink", () => {
    const base = mkdtempSync(join(tmpdir(), "tam-doc-locations-"));
    const real = join(base, "real");
    mkdirSync(join(real, "docs"), { recursive: true });
    writeFileSync(join(real, "docs", "a.md"), "# A\n");
    writeFileSync(join(base, "secret.md"), "# outside\n");
    symlinkSync(join(base, "secret.md"), join(real, "docs", "out.md"));
    const root = join(base, "link");
    symlinkSync(real, root);
    const facts = inspectLocations(root, ["docs/a.md", "./docs//a.md", "docs/missing.md", "docs/out.md", "../secret.md", "https://wiki.example/x"]);
    expect(Object.fromEntries(facts)).toEqual({
      "docs/a.md": { kind: "file", path: "docs/a.md", exists: true },
      "./docs//a.md": { kind: "file", path: "docs/a.md", exists: true },
      "docs/missing.md": { kind: "file", path: "docs/missing.md", exists: false },
      "docs/out.md": { kind: "outside", path: "docs/out.md" },
      "../secret.md": { kind: "outside", path: "../secret.md" },
      "https://wiki.example/x": { kind: "external" },
    });
  });
});
