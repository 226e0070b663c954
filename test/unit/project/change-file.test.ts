import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeTasks } from "../../../src/project/change-file.js";
import { EditError } from "../../../src/errors.js";
import { applyChangeEdit } from "../../../src/project/change-steps.js";
import { renderEvent } from "../../../src/project/change-file.js";
import { appendListItem, applySplice, parseForEdit, setScalar } from "../../../src/project/yaml-text.js";
import { parseSource } from "../../../src/project/source.js";
import { EXAMPLE, FIXTURES, REPO } from "../../helpers/run.js";

const rel = "changes/CHG-0002.yaml";
const text = readFileSync(join(FIXTURES, "plan-landscape", rel), "utf8");
const source = () => parseSource(`/x/${rel}`, rel, "change", text);

/** Lines of `after` that are not in `before`, and the other way round. */
function lineDiff(before: string, after: string) {
  const a = before.split("\n");
  const b = after.split("\n");
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe("a task's status update", () => {
  it("sets the status and appends to a flow-style history, every other line byte-identical", () => {
    const out = applyChangeEdit(source(), { task: { index: 0, event: { at: "2026-11-20T14:05:00+03:00", status: "done", by: "Oleg", note: "Rule: 443 # from office" } } });
    const { removed, added } = lineDiff(text, out);
    expect(removed).toEqual(["    status: in-progress"]);
    expect(added).toEqual(["    status: done", "      - at: 2026-11-20T14:05:00+03:00", "        status: done", "        by: Oleg", '        note: "Rule: 443 # from office"']);
    expect(out.startsWith(text.slice(0, text.indexOf("    status: in-progress")))).toBe(true);
  });

  it("creates the history of a task that has none", () => {
    const out = applyChangeEdit(source(), { task: { index: 1, event: { at: "2026-11-20T14:05:00+03:00", status: "in-progress", by: "Vera" } } });
    const parsed = parseSource("/x", rel, "change", out).data as { tasks: { history?: unknown[]; status: string }[] };
    expect(parsed.tasks[1]!.status).toBe("in-progress");
    expect(parsed.tasks[1]!.history).toEqual([{ at: "2026-11-20T14:05:00+03:00", status: "in-progress", by: "Vera" }]);
    expect(out).toContain("# no history yet");
    expect(out).toContain("# trailing comment of the file");
  });
});

describe("a task's status update spliced from one Document", () => {
  const event = { at: "2026-11-20T14:05:00+03:00", status: "done" as const, by: "Oleg" };
  /** The same edit made step by step: the status set, the text parsed again, the entry appended. */
  function stepByStep(input: string, index: number): string {
    const statusSet = applySplice(input, setScalar(parseForEdit(input, rel), ["tasks", index, "status"], event.status));
    return applySplice(
      statusSet,
      appendListItem(statusSet, parseForEdit(statusSet, rel), ["tasks", index], "history", (indent) => renderEvent(event, indent)),
    );
  }
  // T1 with its history written above its status.
  const swapped = text.replace(
    "    status: in-progress\n    history:\n      - { at: 2026-11-02T10:00:00+03:00, status: in-progress, by: Oleg }   # flow style kept\n",
    "    history:\n      - { at: 2026-11-02T10:00:00+03:00, status: in-progress, by: Oleg }   # flow style kept\n    status: in-progress\n",
  );

  it("writes byte for byte what setting the status, parsing again and appending the entry writes", () => {
    expect(swapped).not.toBe(text);
    for (const input of [text, swapped])
      for (const index of [0, 1]) {
        const out = applyChangeEdit(parseSource(`/x/${rel}`, rel, "change", input), { task: { index, event } });
        expect(out, `task ${index}${input === swapped ? ", history above status" : ""}`).toBe(stepByStep(input, index));
      }
  });

  it("the same for every task of every change file of the example, the fixtures and the templates", () => {
    const files = [EXAMPLE, FIXTURES, join(REPO, "templates")].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => /(^|\/)changes\/[^/]+\.ya?ml$/.test(f))
        .map((f) => join(dir, f))
        .filter((f) => statSync(f).isFile()),
    );
    // Hand-written layouts: tasks at column 0, comments and blank lines between and inside tasks, a
    // top-level key after the list, no newline at the end, a history in flow style.
    const messy = [
      "id: CHG-1\ntasks:\n- id: T1\n  status: todo\n\n  # soon\n- id: T2\n  status: todo\n  history:\n  - { at: 2026-11-01T10:00:00+03:00, status: todo, by: A }\nnotes: last\n",
      "id: CHG-1\ntasks:\n  - id: T1\n    status: todo   # not yet\n# the second\n\n  - id: T2\n    history:\n      - at: 2026-11-01T10:00:00+03:00\n        status: todo\n        by: A\n\n    status: todo\n  - id: T3\n    status: todo",
      "id: CHG-1\ntasks:\n  - id: T1\n    status: todo\n    history: [{ at: 2026-11-01T10:00:00+03:00, status: todo, by: A }]\n  - {id: T2, status: todo}\n",
    ];
    let tasks = 0;
    for (const file of [...files, ...messy]) {
      const input = (file.startsWith("id:") ? file : readFileSync(file, "utf8")).replace(/^\ufeff/, "").replace(/\r\n/g, "\n");
      const source = parseSource(file, rel, "change", input);
      const list = (source.data as { tasks?: unknown } | undefined)?.tasks;
      if (source.parseIssues.length || !Array.isArray(list)) continue;
      list.forEach((task, index) => {
        if (!task || typeof task !== "object" || typeof (task as { status?: unknown }).status !== "string") return;
        let expected: string;
        try {
          expected = stepByStep(input, index);
        } catch {
          return; // a task the step-by-step edit cannot make either (a flow-style history)
        }
        const what = `${file.slice(0, 60)} task ${index}`;
        try {
          parseForEdit(expected, rel);
        } catch {
          // A layout neither edit can write (a task in flow style): refused, nothing written.
          expect(() => applyChangeEdit(source, { task: { index, event } }), what).toThrow(EditError);
          return;
        }
        expect(applyChangeEdit(source, { task: { index, event } }), what).toBe(expected);
        tasks++;
      });
    }
    expect(tasks).toBeGreaterThan(24);
  });
});

describe("writeTasks", () => {
  it("keeps unchanged tasks byte for byte and everything outside tasks as it was", () => {
    const data = source().data as { tasks: object[] };
    const out = writeTasks(source(), [{ task: data.tasks[0] as never, keepIndex: 0 }, { task: { id: "T3", title: "New: one", department: "unix", status: "todo", origin: "planner" } }], "approved");
    expect(out.slice(0, out.indexOf("tasks:"))).toBe(text.slice(0, text.indexOf("tasks:")).replace("status: in-progress", "status: approved"));
    expect(out).toContain("      - { at: 2026-11-02T10:00:00+03:00, status: in-progress, by: Oleg }   # flow style kept");
    expect(out).not.toContain("id: T2");
    expect(out).toContain("tasks:\n  # The network part comes first.\n  - id: T1");
    expect(out).toContain('    title: "New: one"');
    expect(out.endsWith("# trailing comment of the file\n")).toBe(true);
  });
});
