// tam rec: each state change commits one edit of recommendations.yaml; each refusal writes nothing.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { acceptRecommendation, addRecommendation, declineRecommendation, listRecommendations, presentRecommendation } from "../../../src/app/recommendation.js";
import { recWriteFormatters } from "../../../src/format/rec/index.js";
import { loadProject } from "../../../src/project/load.js";
import { projectIssues } from "../../../src/project/check.js";
import { committedCopy, EXAMPLE, git, headOf } from "../../helpers/run.js";

const AS_OF = "2026-11-20";
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function example(): string {
  const dir = committedCopy(EXAMPLE);
  dirs.push(dir);
  return dir;
}

const common = (project: string) => ({ project, asOf: AS_OF, commit: true, by: "Anna Volkova" });
const register = (dir: string) => (parse(readFileSync(join(dir, "recommendations.yaml"), "utf8")) as { recommendations: Record<string, unknown>[] }).recommendations;
const entry = (dir: string, id: string) => register(dir).find((r) => r.id === id)!;
/** The files the last commit touched. */
const lastCommitFiles = (dir: string) => git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n");

/** Runs a refused write and checks that nothing was written or committed. */
async function refused(dir: string, write: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = readFileSync(join(dir, "recommendations.yaml"), "utf8");
  const head = headOf(dir);
  await expect(write()).rejects.toThrow(message);
  expect(readFileSync(join(dir, "recommendations.yaml"), "utf8")).toBe(before);
  expect(headOf(dir)).toBe(head);
}

describe("tam rec writes", () => {
  it("adds a recommendation answering a risk, in the risk's client wording, as the next id, in one commit of the register", async () => {
    const dir = example();
    const saved = await addRecommendation({ ...common(dir), risk: "no-backup:reporting-db" });
    expect(saved.recommendation.recommendation).toBe("REC-007");
    expect(saved.commit).toBeTruthy();
    expect(lastCommitFiles(dir)).toEqual(["recommendations.yaml"]);
    const added = entry(dir, "REC-007");
    expect(added).toMatchObject({ origin: { risk: "no-backup:reporting-db" }, state: "proposed", components: ["reporting-db"] });
    expect(String(added.title)).toMatch(/back up/i);
    // The rest of the file is as it was: comments and all.
    expect(readFileSync(join(dir, "recommendations.yaml"), "utf8")).toContain("# A declined recommendation is a risk the client accepted, until its review date.");
  });

  it("adds an engineer's proposal, creating recommendations.yaml with a modeline when the project has none", async () => {
    const dir = example();
    // The minutes name the register's recommendations: a project without one has none either.
    rmSync(join(dir, "recommendations.yaml"));
    rmSync(join(dir, "meetings.yaml"));
    git(dir, ["commit", "-qam", "no register"]);
    await addRecommendation({ ...common(dir), author: "Kirill Popov", title: "Alert on the NAS filling up", components: ["nas"] });
    const text = readFileSync(join(dir, "recommendations.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=.tam/schemas/recommendations.schema.json");
    expect(register(dir)).toEqual([{ id: "REC-001", origin: { proposal: { author: "Kirill Popov" } }, title: "Alert on the NAS filling up", components: ["nas"], state: "proposed" }]);
  });

  it("refuses a duplicate id, a risk arch risks does not find, a proposal without a title and an unknown component", async () => {
    const dir = example();
    await refused(dir, () => addRecommendation({ ...common(dir), id: "rec-003", author: "Kirill Popov", title: "x" }), /REC-003 already exists.*next free: REC-007/);
    await refused(dir, () => addRecommendation({ ...common(dir), risk: "spof:shop-pgg" }), /not a risk .*did you mean "spof:shop-pg"/);
    await refused(dir, () => addRecommendation({ ...common(dir), author: "Kirill Popov" }), /--title/);
    await refused(dir, () => addRecommendation({ ...common(dir), author: "Kirill Popov", title: "x", components: ["nass"] }), /--component "nass".*did you mean "nas"/);
    await refused(dir, () => addRecommendation({ ...common(dir), title: "x" }), /--risk ID .* or --author NAME/);
  });

  it("records a presentation with its date and meeting", async () => {
    const dir = example();
    await presentRecommendation({ ...common(dir), id: "REC-006", meeting: "2026-11 monthly review" });
    expect(entry(dir, "REC-006")).toMatchObject({ state: "presented", presented: { date: AS_OF, meeting: "2026-11 monthly review" } });
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe(`rec: present REC-006 (${AS_OF})`);
    await refused(dir, () => presentRecommendation({ ...common(dir), id: "REC-003" }), /REC-003 is declined: the client has decided/);
  });

  it("accepts with the change that carries it out and the client's decision maker", async () => {
    const dir = example();
    const saved = await acceptRecommendation({ ...common(dir), id: "REC-005", change: "chg-0004", decisionMaker: "elena smirnova" });
    expect(entry(dir, "REC-005")).toMatchObject({ state: "accepted", accepted: { change: "CHG-0004", date: AS_OF, by: "Elena Smirnova" } });
    expect(saved.recommendation.text).toBe("accepted: carried out by CHG-0004 (approved, due 2026-11-25)");
    expect(lastCommitFiles(dir)).toEqual(["recommendations.yaml"]);
    // Accepted already: not again.
    await refused(dir, () => acceptRecommendation({ ...common(dir), id: "REC-005", change: "CHG-0004", decisionMaker: "Elena Smirnova" }), /REC-005 is accepted already/);
  });

  it("accepts a declined one when the client changes their mind: the accepted risk's record goes", async () => {
    const dir = example();
    await acceptRecommendation({ ...common(dir), id: "REC-003", change: "CHG-0006", decisionMaker: "Elena Smirnova" });
    const after = entry(dir, "REC-003");
    expect(after).toMatchObject({ state: "accepted", accepted: { change: "CHG-0006", date: AS_OF, by: "Elena Smirnova" } });
    expect(after.declined).toBeUndefined();
    expect(projectIssues(loadProject(dir)).filter((i) => i.severity === "error")).toEqual([]);
  });

  it("refuses accepting without a change, with an unknown change, or by someone who is not a client contact", async () => {
    const dir = example();
    await refused(dir, () => acceptRecommendation({ ...common(dir), id: "REC-005" }), /--change: accepting REC-005 needs the change/);
    await refused(dir, () => acceptRecommendation({ ...common(dir), id: "REC-005", change: "CHG-0099" }), /--change "CHG-0099": no such change/);
    await refused(dir, () => acceptRecommendation({ ...common(dir), id: "REC-005", change: "CHG-0004", decisionMaker: "Roman Zaitsev" }), /not a client decision maker in tam.yaml/);
    await refused(dir, () => acceptRecommendation({ ...common(dir), id: "REC-099", change: "CHG-0004" }), /no recommendation "REC-099"/);
  });

  it("refuses accepting without a client decision maker: taking a recommendation on is the client's decision (can_approve), as declining is", async () => {
    const dir = example();
    await refused(dir, () => acceptRecommendation({ ...common(dir), id: "REC-005", change: "CHG-0004" }), /--decision-maker: who on the client's side accepted REC-005/);
    await refused(dir, () => acceptRecommendation({ ...common(dir), id: "REC-005", change: "CHG-0004", decisionMaker: "Dmitry Sokolov" }), /not marked as a decision maker/);
    await refused(dir, () => acceptRecommendation({ ...common(dir), id: "REC-005", change: "CHG-0004", decisionMaker: "CAB" }), /the client's decision, not the CAB's/);
  });

  it("validation: a recommendation accepted or declined by a client contact who is no decision maker is a located finding", () => {
    const dir = example();
    const path = join(dir, "recommendations.yaml");
    const text = readFileSync(path, "utf8").replace("accepted: { change: CHG-0002, date: 2026-10-02, by: Elena Smirnova }", "accepted: { change: CHG-0002, date: 2026-10-02, by: Oleg Ivanov }");
    writeFileSync(path, text);
    const issues = projectIssues(loadProject(dir)).filter((i) => i.file === "recommendations.yaml");
    expect(issues.map((i) => [i.code, i.line])).toEqual([["not-decision-maker", text.split("\n").findIndex((l) => l.includes("by: Oleg Ivanov")) + 1]]);
    expect(issues[0]!.message).toMatch(/Oleg Ivanov.*can_approve/);
  });

  it("declines with the decision maker who accepts the risk and a review date", async () => {
    const dir = example();
    const saved = await declineRecommendation({ ...common(dir), id: "REC-006", decisionMaker: "Elena Smirnova", review: "2027-05-01", note: "No budget this year" });
    expect(entry(dir, "REC-006")).toMatchObject({ state: "declined", declined: { by: "Elena Smirnova", date: AS_OF, review: "2027-05-01", note: "No budget this year" } });
    expect(saved.recommendation.text).toBe("accepted by Elena Smirnova until 2027-05-01");
  });

  it("refuses declining without a decision maker, without a review date, or with a review not after the decision", async () => {
    const dir = example();
    await refused(dir, () => declineRecommendation({ ...common(dir), id: "REC-006", review: "2027-05-01" }), /--decision-maker: who on the client's side/);
    await refused(dir, () => declineRecommendation({ ...common(dir), id: "REC-006", decisionMaker: "Elena Smirnova" }), /--review: the date to review/);
    await refused(dir, () => declineRecommendation({ ...common(dir), id: "REC-006", decisionMaker: "Elena Smirnova", review: "2026-11-01" }), /not after the decision/);
    await refused(dir, () => declineRecommendation({ ...common(dir), id: "REC-006", decisionMaker: "Elena Smirnov", review: "2027-05-01" }), /did you mean "Elena Smirnova"/);
    // A client contact who is no decision maker cannot accept the client's risk, nor can the CAB.
    await refused(dir, () => declineRecommendation({ ...common(dir), id: "REC-006", decisionMaker: "Dmitry Sokolov", review: "2027-05-01" }), /not marked as a decision maker/);
    await refused(dir, () => declineRecommendation({ ...common(dir), id: "REC-006", decisionMaker: "CAB", review: "2027-05-01" }), /the client's to accept, not the CAB's/);
    await refused(dir, () => declineRecommendation({ ...common(dir), id: "REC-001", decisionMaker: "Elena Smirnova", review: "2027-05-01" }), /REC-001 is accepted/);
  });
});

describe("tam rec list", () => {
  it("reads each recommendation as of the day: done once its change is, a declined one past its review date to review", () => {
    const at = (asOf: string) => Object.fromEntries(listRecommendations({ project: EXAMPLE, asOf }).recommendations.map((r) => [r.recommendation, r.state]));
    expect(at(AS_OF)).toEqual({ "REC-001": "accepted", "REC-002": "done", "REC-003": "risk-accepted", "REC-004": "to-review", "REC-005": "presented", "REC-006": "proposed" });
    expect(at("2026-10-20")["REC-004"]).toBe("risk-accepted");
    expect(at("2027-04-01")["REC-003"]).toBe("to-review");
  });
});

describe("recommendations.yaml validation", () => {
  it("locates unknown changes, contacts, risks and components, duplicate ids and a state without its record", () => {
    const dir = example();
    const path = join(dir, "recommendations.yaml");
    const text = readFileSync(path, "utf8")
      .replace("change: CHG-0005", "change: CHG-0095")
      .replace("by: Elena Smirnova\n      date: 2026-10-05", "by: Elena Smirnov\n      date: 2026-10-05")
      .replace('"spof:shop-pg"', '"spfo:shop-pg"')
      .replace("components: [erp-vm]", "components: [erp-vmm]")
      .replace("id: REC-006", "id: REC-005")
      .replace("state: presented\n", "state: accepted\n");
    writeFileSync(path, text);
    const issues = projectIssues(loadProject(dir)).filter((i) => i.file === "recommendations.yaml" && i.severity === "error");
    const lineOf = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ["unknown-reference", lineOf("CHG-0095")],
      ["unknown-reference", lineOf("erp-vmm")],
      ["unknown-contact", text.split("\n").findIndex((l) => l.trimEnd().endsWith("by: Elena Smirnov")) + 1],
      ["unknown-risk", lineOf("spfo:shop-pg")],
      ["recommendation-state", lineOf("state: accepted\n".trim()) && text.split("\n").findIndex((l, n) => n > lineOf("spfo") && l.includes("state: accepted")) + 1],
      ["duplicate-id", text.split("\n").findLastIndex((l) => l.includes("id: REC-005")) + 1],
    ]);
    expect(issues.find((i) => i.code === "unknown-contact")?.message).toMatch(/did you mean "Elena Smirnova"/);
  });
});

describe("the one-line report of a write", () => {
  it("ends with what became of the commit: made, not needed, nothing to change, or left to the user", async () => {
    const dir = example();
    const saved = await presentRecommendation({ ...common(dir), id: "REC-006", commit: false });
    const ending = (result: typeof saved) => recWriteFormatters.text(result, { color: false }).replace(/^.*?(?= \()/, "");
    expect([ending(saved), ending({ ...saved, commit: "abc1234" }), ending({ ...saved, commit: undefined, nothingToCommit: true }), ending({ ...saved, written: [] })]).toEqual([
      " (not committed).",
      " (commit abc1234).",
      " (nothing to commit: the committed file already says this).",
      " (nothing to change: the file already says this; no commit).",
    ]);
  });
});
