// A task update re-validates its edit with the parts it loads (CHANGE_EDIT_PARTS) and refuses only
// errors it brings: these pin the cross-file half of that check, which a faster re-validation (one
// that reuses the findings of untouched files) must keep. An edit of one change file can bring an
// error located in ANOTHER, untouched file (the later of two changes with one id is the one named).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHANGE_EDIT_PARTS } from "../../../src/app/context.js";
import { ProjectError } from "../../../src/errors.js";
import { FILE_NAMES } from "../../../src/project/load.js";
import { editFiles } from "../../../src/project/transaction.js";
import { committedCopy, EXAMPLE, git, headOf } from "../../helpers/run.js";

/** The write options a task update gives (src/app/task-update.ts), for an edit of `file`. */
const asTaskUpdate = (file: string) => ({ message: "x", commit: true, validate: CHANGE_EDIT_PARTS, refuseErrorsIn: [file, FILE_NAMES.manifest] });

async function refusal(dir: string, file: string, edit: (text: string) => string): Promise<ProjectError> {
  const before = readFileSync(join(dir, file), "utf8");
  const head = headOf(dir);
  const error = await editFiles({ root: dir }, [{ path: file, edit: (text) => edit(text!) }], asTaskUpdate(file)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProjectError);
  // Nothing written, nothing committed.
  expect(readFileSync(join(dir, file), "utf8")).toBe(before);
  expect(headOf(dir)).toBe(head);
  expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  return error as ProjectError;
}

const issuesOf = (error: ProjectError) => error.issues;

describe("a change edit that brings a cross-file error is refused", () => {
  it("when the new error is in another, untouched change file (an id taken by a later file)", async () => {
    const dir = committedCopy(EXAMPLE);
    const error = await refusal(dir, "changes/CHG-0001.yaml", (text) => text.replace(/^id: CHG-0001$/m, "id: CHG-0006"));
    expect(issuesOf(error)).toEqual([expect.objectContaining({ code: "duplicate-id", file: "changes/CHG-0006.yaml" })]);
  });

  it("when the new error is in the edited file because of another one (an id an earlier file holds)", async () => {
    const dir = committedCopy(EXAMPLE);
    const error = await refusal(dir, "changes/CHG-0006.yaml", (text) => text.replace(/^id: CHG-0006$/m, "id: CHG-0001"));
    expect(issuesOf(error)).toEqual([expect.objectContaining({ code: "duplicate-id", file: "changes/CHG-0006.yaml" })]);
  });

  it("when the edit refers to a department or component only another file could define", async () => {
    const dir = committedCopy(EXAMPLE);
    const file = "changes/CHG-0006.yaml";
    const text = readFileSync(join(dir, file), "utf8");
    const department = /department: ([\w-]+)/.exec(text)?.[1];
    expect(department).toBeDefined();
    const error = await refusal(dir, file, (t) => t.replace(`department: ${department}`, "department: no-such-department"));
    expect(issuesOf(error)).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unknown-reference", file })]));
  });
});
