// Incident records stay in time order, as a change's history does (writeInstant, outOfOrderReason): a
// client update with a date-only --as-of lands after what the incident already records that day, not
// at 23:59:59; one earlier than the last update, or before the incident opened, is refused and nothing
// is written; a review action cannot be done before the review that set it was held.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { notifyIncident } from "../../../src/app/incident-notify.js";
import { updateReviewAction } from "../../../src/app/incident-review.js";
import type { Incident } from "../../../src/model/files.js";
import { committedCopy, EXAMPLE, git } from "../../helpers/run.js";

process.env.GIT_AUTHOR_NAME = "Test Author";
process.env.GIT_AUTHOR_EMAIL = "author@example.com";
process.env.GIT_COMMITTER_NAME = "Test Author";
process.env.GIT_COMMITTER_EMAIL = "author@example.com";

const incidentIn = (dir: string, file: string, id: string) => (parse(readFileSync(join(dir, file), "utf8")).incidents as Incident[]).find((i) => i.id === id)!;

describe("incident records in time order", () => {
  it("a client update --as-of a day is stamped after the incident's last record that day", async () => {
    const dir = committedCopy(EXAMPLE);
    // INC-0056's last notice was at 2026-11-19T09:30:00+03:00.
    const result = await notifyIncident({ project: dir, id: "INC-0056", by: "Anna Volkova", asOf: "2026-11-19" });
    expect(result.recorded?.notice.at).toBe("2026-11-19T09:30:01+03:00");
    expect(incidentIn(dir, "incidents/2026-11.yaml", "INC-0056").notices?.at(-1)?.at).toBe("2026-11-19T09:30:01+03:00");
  });

  it("a client update earlier than the last one, or before the incident opened, is refused and nothing is written", async () => {
    const dir = committedCopy(EXAMPLE);
    const head = git(dir, ["rev-parse", "HEAD"]);
    const before = readFileSync(join(dir, "incidents/2026-11.yaml"), "utf8");
    await expect(notifyIncident({ project: dir, id: "INC-0056", by: "Anna Volkova", asOf: "2026-11-19T08:00:00+03:00" })).rejects.toThrow(
      /INC-0056 already has a client update at 2026-11-19T09:30:00\+03:00, later than 2026-11-19T08:00:00\+03:00/,
    );
    await expect(notifyIncident({ project: dir, id: "INC-0056", by: "Anna Volkova", asOf: "2026-11-18T21:00:00+03:00" })).rejects.toThrow(/before INC-0056 was opened \(2026-11-18T22:00:00\+03:00\)/);
    expect(readFileSync(join(dir, "incidents/2026-11.yaml"), "utf8")).toBe(before);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
  });

  it("a review action is not done before the review was held; on or after that day it is", async () => {
    const dir = committedCopy(EXAMPLE);
    const head = git(dir, ["rev-parse", "HEAD"]);
    // INC-0004's review was held 2026-08-12.
    await expect(updateReviewAction({ project: dir, ref: "INC-0004/A2", state: "done", asOf: "2026-08-11" })).rejects.toThrow(/2026-08-11 is before INC-0004's review was held \(2026-08-12\)/);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
    const done = await updateReviewAction({ project: dir, ref: "INC-0004/A2", state: "done", asOf: "2026-08-12" });
    expect(done.action.done).toBe("2026-08-12");
  });
});
