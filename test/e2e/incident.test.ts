// tam incident add / update / import end to end, in throwaway git repositories.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, git, runTam, committedCopy } from "../helpers/run.js";
import { berlin, exportCsv, generateLog } from "../helpers/servicenow-log.js";

const repo = (): string => committedCopy(join(FIXTURES, "sla"), "fixture");

describe("tam incident add and update", () => {
  it("adds to the month file, updates surgically, commits each step", () => {
    const dir = repo();
    const before = readFileSync(join(dir, "incidents/2026-10.yaml"), "utf8");
    const add = runTam([
      "incident",
      "add",
      "--title",
      "Shop: 502",
      "--priority",
      "P1",
      "--component",
      "web",
      "--department",
      "unix",
      "--opened",
      "2026-10-31 22:00",
      "--yes",
      "--as-of",
      "2026-10-31",
      "-C",
      dir,
    ]);
    expect(add.stderr).toMatch(/committed [0-9a-f]+: incident INC-0007: Shop: 502/);
    expect(add).toMatchObject({ code: 0, stdout: "INC-0007\n" });
    const afterAdd = readFileSync(join(dir, "incidents/2026-10.yaml"), "utf8");
    expect(afterAdd).toBe(
      `${before}  - id: INC-0007\n    title: "Shop: 502"\n    priority: P1\n    components: [web]\n    department: unix\n    opened: 2026-10-31T22:00:00+03:00\n    status: open\n`,
    );

    const update = runTam(["incident", "update", "INC-0004", "--closed", "2026-10-06T10:00:00+03:00", "--root-cause", "DPD timers", "--actions", "Timers documented", "-C", dir]);
    expect(update.stderr).toMatch(/committed [0-9a-f]+: incident INC-0004: closed, cause, actions, status/);
    expect(update.code).toBe(0);
    const diff = git(dir, ["diff", "HEAD~1", "--", "incidents/2026-10.yaml"]);
    // Only these lines change; the comments, blank lines and the other incidents stay as they were.
    expect(
      diff
        .split("\n")
        .filter((line) => /^[-+] /.test(line))
        .sort(),
    ).toEqual(["+      root_cause: DPD timers", "+    actions: Timers documented", "+    closed: 2026-10-06T10:00:00+03:00", "+    status: closed", "-    status: resolved"]);

    const pause = runTam([
      "incident",
      "update",
      "INC-0007",
      "--responded",
      "2026-10-31T22:05:00+03:00",
      "--pause-from",
      "22:30",
      "--pause-reason",
      "client",
      "--no-commit",
      "--as-of",
      "2026-10-31",
      "-C",
      dir,
    ]);
    expect(pause.code).toBe(0);
    const end = runTam(["incident", "update", "INC-0007", "--pause-to", "23:00", "--resolved", "23:30", "--cause", "capacity", "--no-commit", "--as-of", "2026-10-31", "-C", dir]);
    expect(end.code).toBe(0);
    expect(readFileSync(join(dir, "incidents/2026-10.yaml"), "utf8")).toContain(
      "    responded: 2026-10-31T22:05:00+03:00\n    resolved: 2026-10-31T23:30:00+03:00\n    pauses:\n      - from: 2026-10-31T22:30:00+03:00\n        to: 2026-10-31T23:00:00+03:00\n        reason: client\n    cause:\n      category: capacity\n    status: resolved\n",
    );
    expect(runTam(["validate", "-C", dir]).code).toBe(0);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("M incidents/2026-10.yaml");
  });

  it("refuses changes that would make the project invalid, writing nothing", () => {
    const dir = repo();
    const before = readFileSync(join(dir, "incidents/2026-10.yaml"), "utf8");
    const r = runTam(["incident", "add", "--title", "x", "--priority", "P2", "--department", "sales", "--opened", "2026-10-10T10:00:00+03:00", "--yes", "-C", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/incidents\/2026-10\.yaml:\d+:\d+ error unknown-reference unknown department "sales"/);
    expect(readFileSync(join(dir, "incidents/2026-10.yaml"), "utf8")).toBe(before);
    expect(runTam(["incident", "update", "INC-0404", "--responded", "-C", dir])).toMatchObject({ code: 2 });
    expect(runTam(["incident", "update", "INC-0006", "--resolved", "2026-10-30T15:00:00+03:00", "--no-commit", "-C", dir]).stderr).toMatch(/resolution .* is before/);
  });
});

describe("tam incident import", () => {
  const csv = join(FIXTURES, "sla-import/events.csv");
  const mapping = join(FIXTURES, "sla-import/servicenow.yaml");

  it("turns an event log into the incidents an engineer would write; a second import changes nothing", () => {
    const dir = repo();
    const first = runTam(["incident", "import", csv, "--mapping", mapping, "-C", dir]);
    expect(first.stderr).toContain("added 3, updated 0, unchanged 0, skipped 0");
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, "incidents/2026-11.yaml"), "utf8")).toBe(readFileSync(join(FIXTURES, "sla-import/expected-2026-11.yaml"), "utf8"));
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("incidents: import from events.csv: added 3, updated 0, unchanged 0, skipped 0");
    const second = runTam(["incident", "import", csv, "--mapping", mapping, "-C", dir]);
    expect(second).toMatchObject({ code: 0 });
    expect(second.stderr).toContain("added 0, updated 0, unchanged 3, skipped 0");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(git(dir, ["rev-list", "--count", "HEAD"]).trim()).toBe("2");
  });

  it("the same mapping given as flags", () => {
    const dir = repo();
    const flags = [
      "--map",
      "external_id=Number",
      "--map",
      "title=Short description",
      "--map",
      "priority=Priority",
      "--map",
      "state=State",
      "--map",
      "at=Updated",
      "--map",
      "components=CI",
      "--date-format",
      "DD-MM-YYYY HH:mm",
      "--empty",
      "?",
      "--event-log",
      "--initial-state",
      "New",
      "--waiting-state",
      "Awaiting Customer=client",
      "--waiting-state",
      "Awaiting Vendor=vendor",
      "--resolved-state",
      "Resolved",
      "--closed-state",
      "Closed",
      "--no-commit",
    ];
    const r = runTam(["incident", "import", csv, ...flags, "-C", dir]);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "incidents/2026-11.yaml"), "utf8");
    expect(text).toContain('    external_id: INC0010002\n    title: VPN drops, "again"\n    priority: P3\n    components: [vpn]\n    opened: 2026-11-05T11:00:00+03:00\n');
  });

  it("reports unreadable rows and anomalies by CSV line; writes nothing on errors or under --strict; --skip-invalid imports the rest", () => {
    const dir = repo();
    const bad = join(dir, "bad.csv");
    const body =
      'Key,Summary,Priority,Created\r\nSD-1,ok,P2,2026-11-02 10:00\r\nSD-2,"two\r\nlines",P2,2026-11-02 25:00\r\nSD-3,late,P9,2026-11-02 12:00\r\nSD-4,extra,P3,2026-11-02 12:00,surplus\r\n';
    writeFileSync(bad, body);
    // --unknown-priority names the default of P9 (without it, an unmapped priority stops the import: issue 25, point 7).
    const args = ["incident", "import", bad, "--map", "external_id=Key", "--map", "title=Summary", "--map", "priority=Priority", "--map", "opened=Created", "--unknown-priority", "P4", "--no-commit"];
    const r = runTam([...args, "-C", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3: error: SD-2: opened "2026-11-02 25:00" does not match ISO 8601`);
    expect(r.stderr).toContain(`${bad}:5: warning: SD-3: priority "P9" is not P1-P4 (map it: values.priority): imported as P4 (--unknown-priority) [unknown-priority]`);
    expect(r.stderr).toContain(`${bad}:6: error: SD-4: 5 cells, the header has 4`);
    expect(r.stderr).toContain("nothing was imported");
    expect(git(dir, ["status", "--porcelain", "incidents"])).toBe("");
    const skip = runTam([...args, "--skip-invalid", "-C", dir]);
    expect(skip.code).toBe(0);
    expect(skip.stderr).toContain("added 1, updated 0, unchanged 0, skipped 3");
    writeFileSync(bad, "Key,Summary,Priority,Created\nSD-3,late,P9,2026-11-02 12:00\n");
    const strict = runTam([...args, "--strict", "-C", dir]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${bad}:2: error: SD-3: priority "P9"`);
    expect(strict.stderr).toContain("1 anomaly under --strict; nothing was imported");
  });

  it("--preset servicenow: a generated event log, then a later export, each committed; a FIFO is refused at once", () => {
    const dir = repo();
    const rows = generateLog(7, 40);
    writeFileSync(join(dir, "log-1.csv"), exportCsv(rows, berlin("16-11-2026 12:00")));
    writeFileSync(join(dir, "log-2.csv"), exportCsv(rows, berlin("27-11-2026 12:00")));
    git(dir, ["add", "log-1.csv", "log-2.csv"]);
    git(dir, ["commit", "-qm", "exports"]);
    const first = runTam(["incident", "import", "log-1.csv", "--preset", "servicenow", "--timezone", "Europe/Berlin"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("preset servicenow: templates/import/servicenow-events.yaml");
    expect(first.stderr).toContain("2 anomalies: event-before-opened 1, no-opened 1");
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toMatch(/^incidents: import from log-1\.csv: added \d+, updated 0, unchanged 0, skipped 0$/);
    const second = runTam(["incident", "import", "log-2.csv", "--preset", "servicenow", "--timezone", "Europe/Berlin"], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^added [1-9]\d*, updated [1-9]\d*, unchanged \d+, skipped 0$/m);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const piped = runTam(["incident", "import", fifo, "--preset", "servicenow"], { cwd: dir });
    expect(piped).toMatchObject({ code: 2 });
    expect(piped.stderr).toContain("is a FIFO (named pipe): give a CSV file");
  });
});
