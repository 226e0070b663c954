import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordTaskEvent, writeTasks } from "../../../src/project/change-file.js";
import { parseSource } from "../../../src/project/source.js";
import { FIXTURES } from "../../helpers/run.js";

const rel = "changes/CHG-0002.yaml";
const text = readFileSync(join(FIXTURES, "plan-landscape", rel), "utf8");
const source = () => parseSource(`/x/${rel}`, rel, "change", text);

/** Lines of `after` that are not in `before`, and the other way round. */
function lineDiff(before: string, after: string) {
  const a = before.split("\n");
  const b = after.split("\n");
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe("recordTaskEvent", () => {
  it("sets the status and appends to a flow-style history, every other line byte-identical", () => {
    const out = recordTaskEvent(source(), 0, { at: "2026-11-20T14:05:00+03:00", status: "done", by: "Oleg", note: "Rule: 443 # from office" });
    const { removed, added } = lineDiff(text, out);
    expect(removed).toEqual(["    status: in-progress"]);
    expect(added).toEqual(["    status: done", "      - at: 2026-11-20T14:05:00+03:00", "        status: done", "        by: Oleg", '        note: "Rule: 443 # from office"']);
    expect(out.startsWith(text.slice(0, text.indexOf("    status: in-progress")))).toBe(true);
  });

  it("creates the history of a task that has none", () => {
    const out = recordTaskEvent(source(), 1, { at: "2026-11-20T14:05:00+03:00", status: "in-progress", by: "Vera" });
    const parsed = parseSource("/x", rel, "change", out).data as { tasks: { history?: unknown[]; status: string }[] };
    expect(parsed.tasks[1]!.status).toBe("in-progress");
    expect(parsed.tasks[1]!.history).toEqual([{ at: "2026-11-20T14:05:00+03:00", status: "in-progress", by: "Vera" }]);
    expect(out).toContain("# no history yet");
    expect(out).toContain("# trailing comment of the file");
  });
});

describe("writeTasks", () => {
  it("keeps unchanged tasks byte for byte and everything outside tasks as it was", () => {
    const data = source().data as { tasks: object[] };
    const out = writeTasks(source(), [{ task: data.tasks[0] as never, keepIndex: 0 }, { task: { id: "T3", title: "New: one", department: "unix", status: "todo", origin: "planner" } }], "approved");
    expect(out.slice(0, out.indexOf("tasks:"))).toBe(text.slice(0, text.indexOf("tasks:")).replace("status: planned", "status: approved"));
    expect(out).toContain("      - { at: 2026-11-02T10:00:00+03:00, status: in-progress, by: Oleg }   # flow style kept");
    expect(out).not.toContain("id: T2");
    expect(out).toContain("tasks:\n  # The network part comes first.\n  - id: T1");
    expect(out).toContain('    title: "New: one"');
    expect(out.endsWith("# trailing comment of the file\n")).toBe(true);
  });
});
