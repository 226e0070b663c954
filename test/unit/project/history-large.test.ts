// git cat-file streams versions of architecture.yaml larger than a pipe's chunk (64 KB) and than
// the reader's first buffer (1 MB): each version must arrive whole, in order, whatever the cut.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as load } from "yaml";
import { describe, expect, it } from "vitest";
import { readHistory } from "../../../src/project/history.js";
import { readSource } from "../../../src/project/source.js";
import { git, initRepo } from "../../helpers/run.js";

const at = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });

function architecture(count: number, edits: Record<number, string> = {}): string {
  const items = Array.from({ length: count }, (_, i) => `  - id: c${i}\n    name: Component ${i}\n    kind: server\n    notes: ${edits[i] ?? `${"é".repeat(100)} ${i}`}\n`);
  return `components:\n${items.join("")}`;
}

describe("readHistory on versions of several megabytes", () => {
  it("names the component each commit changed, versions of 1.6 MB (multi-byte characters cut across chunks) included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-history-large-"));
    initRepo(dir);
    const commit = (text: string, message: string, date: string) => {
      writeFileSync(join(dir, "architecture.yaml"), text);
      git(dir, ["add", "-A"]);
      git(dir, ["commit", "-q", "-m", message], at(date));
    };
    const count = 6000; // about 1.6 MB a version
    commit(architecture(count), "initial", "2026-01-10");
    commit(architecture(count, { 10: "edited" }), "edit c10", "2026-02-01");
    commit(architecture(count, { 10: "edited", 5999: "edited" }), "edit c5999", "2026-03-01");
    const last = architecture(count, { 10: "edited", 5999: "edited", 3000: "edited" });
    commit(last, "edit c3000", "2026-04-01");
    const working = last.replace("Component 7\n", "Component seven\n");
    writeFileSync(join(dir, "architecture.yaml"), working);

    const source = readSource(join(dir, "architecture.yaml"), "architecture.yaml", "architecture", working, { data: load(working) });
    const history = await readHistory(dir, { architecture: source, docPaths: [] });
    expect(history.available).toBe(true);
    expect(history.gitProcesses).toBe(3);
    const byCommit = Object.fromEntries(history.componentCommits.map((c) => [c.commit.subject, c.changed]));
    expect(byCommit).toEqual({ "edit c10": ["c10"], "edit c5999": ["c5999"], "edit c3000": ["c3000"] });
    expect(history.uncommitted).toEqual(["c7"]);
  });
});
