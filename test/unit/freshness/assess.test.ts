import { describe, expect, it } from "vitest";
import { assessFreshness } from "../../../src/domain/freshness/index.js";
import type { CommitFact, ComponentCommit, FreshnessInput, GitFacts, LocationFact } from "../../../src/domain/freshness/index.js";
import type { Change, DocEntry, Manifest } from "../../../src/model/files.js";

const manifest = { format: 1, client: { name: "C" }, project: { id: "p", name: "P" }, tam: { name: "Irina Petrova" }, timezone: "UTC" } as Manifest;

const changed = (fact: CommitFact, ids: string[], more: Partial<ComponentCommit> = {}): ComponentCommit => ({ commit: fact, changed: ids, added: [], removed: [], renamed: [], ...more });
const gitOf = (componentCommits: ComponentCommit[], more: Partial<GitFacts> = {}): GitFacts => ({ available: true, componentCommits, uncommitted: [], files: new Map(), ...more });

const commit = (hash: string, date: string, subject = "edit"): CommitFact => ({ hash: hash.padEnd(40, "0"), time: Date.parse(`${date}T12:00:00Z`), author: "Ann", subject });

function input(docs: DocEntry[], extra: Partial<FreshnessInput> = {}): FreshnessInput {
  return {
    today: "2026-06-01",
    timezone: "UTC",
    manifest,
    departments: [{ id: "network", name: "Network group" }],
    components: [
      { id: "fw", name: "Firewall", kind: "firewall", criticality: "critical" },
      { id: "vlan", name: "VLAN", kind: "vlan", criticality: "low" },
      { id: "lb", name: "LB", kind: "lb", criticality: "high" },
      { id: "dns", name: "DNS", kind: "dns" },
    ],
    changes: [],
    docs,
    locations: new Map<string, LocationFact>(docs.map((doc) => [doc.location, { kind: "external" }])),
    git: gitOf([]),
    ...extra,
  };
}

const doc = (id: string, review: string | undefined, more: Partial<DocEntry> = {}): DocEntry => ({
  id,
  title: id.toUpperCase(),
  location: `https://wiki/${id}`,
  owner: "network",
  covers: ["fw"],
  ...(review ? { last_review: { date: review, by: "Ann" } } : {}),
  ...more,
});

describe("assessFreshness", () => {
  it("makes a doc stale when a covered component changed after its review, naming the commit", () => {
    const git = gitOf([changed(commit("abcdef1234", "2026-03-01", "Open port 443"), ["fw"])]);
    const report = assessFreshness(input([doc("before", "2026-02-01"), doc("after", "2026-04-01"), doc("other", "2026-02-01", { covers: ["vlan"] })], { git }));
    const byId = Object.fromEntries(report.docs.map((d) => [d.id, d]));
    expect(byId.before!.state).toBe("stale");
    expect(byId.before!.reasons[0]).toMatchObject({ code: "component-changed", components: ["fw"], commit: { short: "abcdef1", date: "2026-03-01", subject: "Open port 443" } });
    expect(byId.before!.reasons[0]!.message).toContain('abcdef1 2026-03-01 Ann "Open port 443"');
    expect(byId.after!.state).toBe("fresh");
    expect(byId.other!.state).toBe("fresh");
  });

  it("ignores commits dated after today (--as-of looks back) and git facts when history is unavailable", () => {
    const future = assessFreshness(input([doc("a", "2026-02-01")], { git: gitOf([changed(commit("1111111", "2026-07-01"), ["fw"])], { uncommitted: ["fw"] }) }));
    expect(future.docs[0]!.state).toBe("fresh");
    expect(future.docs[0]!.reasons.map((r) => r.code)).toEqual(["uncommitted-edits"]);
    const past = [changed(commit("1111111", "2026-03-01"), ["fw"])];
    const none = assessFreshness(input([doc("a", "2026-02-01")], { git: gitOf(past, { available: false, unavailableReason: "shallow clone" }) }));
    expect(none.docs[0]!.state).toBe("fresh");
    expect(none.history).toEqual({ available: false, reason: "shallow clone" });
  });

  it("uses review intervals: due inside the warning window, stale after it, stale when never reviewed", () => {
    const report = assessFreshness(
      input([
        doc("old", "2025-11-01"), // 180d → due 2026-04-30, passed
        doc("soon", "2025-12-10"), // due 2026-06-08, 7 days left
        doc("ok", "2026-05-01"),
        doc("never", undefined),
        doc("own", "2026-03-01", { review_interval: "30d" }),
      ]),
    );
    const byId = Object.fromEntries(report.docs.map((d) => [d.id, d]));
    expect(byId.old!.reasons[0]).toMatchObject({ code: "interval-passed", days: 32, date: "2026-04-30" });
    expect(byId.soon).toMatchObject({ state: "due", dueDate: "2026-06-08" });
    expect(byId.soon!.reasons[0]!.message).toBe("review due in 7 days (2026-06-08)");
    expect(byId.ok!.state).toBe("fresh");
    expect(byId.never).toMatchObject({ state: "stale", dueDate: null });
    expect(byId.own!.state).toBe("stale");
    expect(report.counts).toEqual({ fresh: 1, due: 1, stale: 3, broken: 0 });
    expect(report.docs.map((d) => d.id)).toEqual(["never", "old", "own", "soon", "ok"]);
  });

  it("makes a doc stale when a change task touching a covered component was done after the review", () => {
    const change = {
      id: "CHG-0001",
      title: "Upgrade firewall",
      type: "normal",
      status: "done",
      scope: [],
      tasks: [
        { id: "T1", title: "x", department: "network", components: ["fw"], status: "done", history: [{ at: "2026-03-05T23:30:00-02:00", status: "done" }] },
        {
          id: "T2",
          title: "y",
          department: "network",
          components: ["fw"],
          status: "in-progress",
          history: [
            { at: "2026-03-06T10:00:00Z", status: "done" },
            { at: "2026-03-07T10:00:00Z", status: "in-progress" },
          ],
        },
        { id: "T3", title: "z", department: "network", components: ["lb"], status: "done", history: [{ at: "2026-03-06T10:00:00Z", status: "done" }] },
      ],
    } as Change;
    const report = assessFreshness(input([doc("fw-doc", "2026-03-01"), doc("late", "2026-03-07")], { changes: [change] }));
    const byId = Object.fromEntries(report.docs.map((d) => [d.id, d]));
    expect(byId["fw-doc"]!.reasons).toEqual([expect.objectContaining({ code: "change-task-done", change: "CHG-0001", tasks: [{ id: "T1", done: "2026-03-06" }], date: "2026-03-06" })]);
    expect(byId.late!.state).toBe("fresh");
  });

  it("reports broken locations and unknown owners, and notes a doc file committed after its review", () => {
    const docs = [
      doc("missing", "2026-05-01", { location: "docs/missing.md" }),
      doc("outside", "2026-05-01", { location: "../secret.md" }),
      doc("nobody", "2026-05-01", { owner: "Someone Else" }),
      doc("edited", "2026-05-01", { location: "docs/edited.md", owner: "Irina Petrova" }),
    ];
    const locations = new Map<string, LocationFact>([
      ["docs/missing.md", { kind: "file", path: "docs/missing.md", exists: false }],
      ["../secret.md", { kind: "outside", path: "../secret.md" }],
      ["https://wiki/nobody", { kind: "external" }],
      ["docs/edited.md", { kind: "file", path: "docs/edited.md", exists: true }],
    ]);
    const files = new Map([["docs/edited.md", [commit("9999999", "2026-07-01"), commit("2222222", "2026-05-20", "Rewrite"), commit("3333333", "2026-04-01")]]]);
    const report = assessFreshness(input(docs, { locations, git: gitOf([], { files }) }));
    const byId = Object.fromEntries(report.docs.map((d) => [d.id, d]));
    expect(byId.missing!.reasons.map((r) => r.code)).toEqual(["path-missing"]);
    expect(byId.outside!.reasons.map((r) => r.code)).toEqual(["path-outside"]);
    expect(byId.nobody!.reasons.map((r) => r.code)).toEqual(["owner-unknown"]);
    expect(byId.edited).toMatchObject({ state: "fresh", reasons: [{ code: "file-changed", severity: "note", commit: { short: "2222222", date: "2026-05-20" } }] });
  });

  it("lists uncovered components most critical first and covers of unknown components", () => {
    const report = assessFreshness(input([doc("a", "2026-05-01", { covers: ["fw", "ghost"] })]));
    expect(report.coverage.uncovered.map((c) => c.id)).toEqual(["lb", "vlan", "dns"]);
    expect(report.coverage.unknown).toEqual([{ doc: "a", component: "ghost" }]);
  });

  it("selects docs by owner: the owner itself or a department's name", () => {
    const docs = [doc("net", "2026-05-01"), doc("mine", "2026-05-01", { owner: "Irina Petrova" })];
    expect(assessFreshness(input(docs), { owner: "Irina Petrova" }).docs.map((d) => d.id)).toEqual(["mine"]);
    expect(assessFreshness(input(docs), { owner: "Network group" }).docs.map((d) => d.id)).toEqual(["net"]);
  });

  it("sees every change up to --as-of, also one to a line edited again later", () => {
    const git = gitOf([changed(commit("aaaaaaa", "2026-03-01", "First edit"), ["fw"]), changed(commit("bbbbbbb", "2026-07-01", "Second edit"), ["fw"])]);
    const [past] = assessFreshness(input([doc("a", "2026-02-01")], { git, today: "2026-04-01" })).docs;
    expect(past!.reasons.map((r) => `${r.code} ${r.commit?.short}`)).toEqual(["component-changed aaaaaaa"]);
    const [now] = assessFreshness(input([doc("a", "2026-02-01")], { git, today: "2026-08-01" })).docs;
    expect(now!.reasons.filter((r) => r.code === "component-changed").map((r) => r.commit?.short)).toEqual(["aaaaaaa", "bbbbbbb"]);
  });

  it("makes a doc broken when a covered component was removed or renamed, naming the commit and the new id, whenever it was reviewed", () => {
    const git = gitOf([
      changed(commit("1111111", "2026-03-01", "Drop the old LB"), [], { removed: ["lb"] }),
      changed(commit("2222222", "2026-03-05", "Rename the VLAN"), [], { renamed: [{ from: "vlan", to: "vlan-int" }] }),
      changed(commit("3333333", "2026-03-09", "Rename it again"), [], { renamed: [{ from: "vlan-int", to: "vlan-10" }] }),
    ]);
    const report = assessFreshness(
      input([doc("lb-doc", "2026-05-01", { covers: ["lb"] }), doc("vlan-doc", "2026-01-01", { covers: ["vlan"] }), doc("later", "2026-02-01", { covers: ["vlan-10"] })], { git }),
    );
    const byId = Object.fromEntries(report.docs.map((d) => [d.id, d]));
    expect(byId["lb-doc"]).toMatchObject({ state: "broken", reasons: [{ code: "component-removed", severity: "broken", components: ["lb"], commit: { short: "1111111" } }] });
    expect(byId["lb-doc"]!.reasons[0]!.message).toBe('lb was removed from architecture.yaml by commit 1111111 2026-03-01 Ann "Drop the old LB": take it out of covers (or review the doc)');
    expect(byId["vlan-doc"]).toMatchObject({ state: "broken", reasons: [{ code: "component-renamed", renamedTo: "vlan-10", commit: { short: "2222222" } }] });
    expect(byId["vlan-doc"]!.reasons[0]!.message).toContain("covers should name vlan-10");
    // The doc already names the new id but was reviewed before the renames: stale, naming both commits.
    expect(byId.later!.state).toBe("stale");
    expect(byId.later!.reasons.map((r) => `${r.code} ${r.commit?.short} ${r.message.split(" changed")[0]}`)).toEqual([
      "component-changed 2222222 vlan-10 (renamed from vlan)",
      "component-changed 3333333 vlan-10 (renamed from vlan-int)",
    ]);
    // Before the removal (--as-of), the component still existed.
    expect(assessFreshness(input([doc("lb-doc", "2026-02-01", { covers: ["lb"] })], { git, today: "2026-02-20" })).docs[0]!.state).toBe("fresh");
  });
});
