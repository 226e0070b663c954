// The interactive flows, driven in-process by a scripted prompter: on an empty project, with
// answers checked at the prompt (bad ones asked again, none lost), and Ctrl-C writing nothing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runChangeNew } from "../../../src/commands/change-new.js";
import { runIncidentAdd } from "../../../src/commands/incident-add.js";
import { runInit } from "../../../src/commands/init.js";
import { CTRL_C, scriptedPrompter } from "../../helpers/scripted-prompter.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

/** A new, empty project (no components) made by the init wizard itself. */
async function emptyProject() {
  const dir = join(mkdtempSync(join(tmpdir(), "tam-wizard-")), "acme");
  const script = scriptedPrompter(["ACME Corp", "Irina Petrova", "irina@", "irina@example.com", "Moscow", "Europe/Moscow", "premium", "y"]);
  const { output } = capture();
  expect(await runInit({}, dir, { git: false, ci: "none" }, output, script.prompter)).toBe(0);
  return { dir, script };
}

describe("tam init, interactive", () => {
  it("checks the e-mail and the time zone at the prompt, suggesting the IANA name of a city", async () => {
    const { dir, script } = await emptyProject();
    expect(script.rejected).toEqual([
      { question: "TAM e-mail (optional):", answer: "irina@", message: expect.stringContaining("is not an e-mail address") },
      { question: "Default time zone (IANA, e.g. Europe/Moscow):", answer: "Moscow", message: '"Moscow" is not an IANA time zone: did you mean Europe/Moscow?' },
    ]);
    expect(script.unused()).toBe(0);
    const manifest = parse(readFileSync(join(dir, "tam.yaml"), "utf8"));
    expect(manifest).toMatchObject({ client: { name: "ACME Corp" }, timezone: "Europe/Moscow" });
  });

  it("offers git's user as the TAM, shows a summary, and writes nothing when it is declined", async () => {
    const parent = mkdtempSync(join(tmpdir(), "tam-wizard-"));
    execFileSync("git", ["init", "-q"], { cwd: parent });
    execFileSync("git", ["config", "user.name", "Olga Ivanova"], { cwd: parent });
    execFileSync("git", ["config", "user.email", "olga@provider.example"], { cwd: parent });
    const dir = join(parent, "acme");
    const script = scriptedPrompter(["ACME Corp", "", "", "Europe/Moscow", "business", "n"]);
    const { output, err } = capture();
    expect(await runInit({}, dir, { ci: "none" }, output, script.prompter)).toBe(1);
    expect(script.asked.at(-1)).toBe("Create the project?");
    const summary = err.join("\n");
    expect(summary).toContain("TAM        Olga Ivanova <olga@provider.example>");
    expect(summary).toContain("client     ACME Corp (project id acme-corp)");
    expect(summary).toContain("SLA tier   business (P1 30m/4h, P2 1h/8h, P3 4h/16h, P4 8h/40h)");
    expect(summary).toContain("nothing was written");
    expect(existsSync(dir)).toBe(false);
  });

  it("Ctrl-C leaves nothing written", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "tam-wizard-")), "acme");
    const script = scriptedPrompter(["ACME Corp", "Irina Petrova", CTRL_C]);
    await expect(runInit({}, dir, { git: false }, capture().output, script.prompter)).rejects.toMatchObject({ name: "ExitPromptError" });
    expect(existsSync(dir)).toBe(false);
  });
});

describe("tam change new, interactive", () => {
  it("works on a project with no components: no picker, the new-component prompt follows and insists on one", async () => {
    const { dir } = await emptyProject();
    const script = scriptedPrompter([
      "Redis for sessions",
      "",
      "normal",
      "2026-02-30",
      "2026-12-15",
      "",
      "bad id!",
      "shop-redis",
      "shop-redis:redis:Redis:no-such",
      "shop-redis:redis:Redis for sessions",
      "",
      "Remove the VM",
    ]);
    const { output, out } = capture();
    expect(await runChangeNew({ project: dir }, { commit: false, asOf: "2026-11-20" }, output, script.prompter)).toBe(0);
    expect(script.asked).not.toContain("Existing components touched:");
    expect(script.rejected.map((r) => r.answer)).toEqual(["2026-02-30", "", "bad id!", "shop-redis", "shop-redis:redis:Redis:no-such"]);
    expect(script.rejected[1]!.message).toMatch(/at least one component/);
    expect(out).toEqual(["CHG-0001"]);
    const change = parse(readFileSync(join(dir, "changes/CHG-0001.yaml"), "utf8"));
    expect(change).toMatchObject({ title: "Redis for sessions", due: "2026-12-15", scope: [{ component: "shop-redis", action: "add" }], rollback: "Remove the VM" });
  });

  it("Ctrl-C leaves nothing written", async () => {
    const { dir } = await emptyProject();
    const script = scriptedPrompter(["Redis", "", "normal", "", CTRL_C]);
    await expect(runChangeNew({ project: dir }, { commit: false }, capture().output, script.prompter)).rejects.toMatchObject({ name: "ExitPromptError" });
    expect(readdirSync(join(dir, "changes"))).toEqual(["README.md"]);
  });
});

describe("tam incident add, interactive", () => {
  it("works on a project with no components and checks the opening time at the prompt", async () => {
    const { dir } = await emptyProject();
    const departments = parse(readFileSync(join(dir, "departments.yaml"), "utf8")).departments as { id: string }[];
    const script = scriptedPrompter(["Shop is down", "P1", departments.length ? departments[0]!.id : "(none)", "25:99", "2026-11-20 10:05"]);
    const { output, out } = capture();
    expect(await runIncidentAdd({ project: dir }, { commit: false, asOf: "2026-11-20T12:00:00+03:00" }, output, script.prompter)).toBe(0);
    expect(script.asked).not.toContain("Components:");
    expect(script.rejected.map((r) => r.answer)).toEqual(["25:99"]);
    expect(out).toEqual(["INC-0001"]);
    expect(readFileSync(join(dir, "incidents/2026-11.yaml"), "utf8")).toContain("opened: 2026-11-20T10:05:00+03:00");
  });
});
