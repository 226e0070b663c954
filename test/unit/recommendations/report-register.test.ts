// tam report reads the register: decisions needed (proposed, presented), accepted risks with their
// review dates, recommendations done since the last meeting; internal: proposals adopted per author.
import { describe, expect, it } from "vitest";
import { clientReport } from "../../../src/app/client-report.js";
import { EXAMPLE } from "../../helpers/run.js";

const report = async (audience: "client" | "internal", since?: string) => (await clientReport({ project: EXAMPLE, asOf: "2026-11-20", audience, since })).report;

describe("the report's register sections on the example", () => {
  it("lists decisions needed for proposed and presented recommendations only, and accepted risks past review", async () => {
    const { register, decisions } = await report("client");
    expect(register.decisionsNeeded.map((l) => [l.recommendation, l.state])).toEqual([
      ["REC-005", "presented"],
      ["REC-006", "proposed"],
    ]);
    expect(decisions.filter((d) => d.subject.startsWith("REC-")).map((d) => d.subject)).toEqual(["REC-005", "REC-006", "REC-004"]);
    expect(decisions.find((d) => d.subject === "REC-004")!.text).toBe('Review the risk you accepted: "Watch the office VPN" (REC-004), accepted by Elena Smirnova until 2026-11-01.');
  });

  it("lists the accepted risks with who accepted them and their review dates, the one past it to review", async () => {
    const { register } = await report("client");
    expect(register.acceptedRisks.map((l) => [l.recommendation, l.acceptedBy, l.review, l.state])).toEqual([
      ["REC-004", "Elena Smirnova", "2026-11-01", "to-review"],
      ["REC-003", "Elena Smirnova", "2027-03-31", "risk-accepted"],
    ]);
  });

  it("argues no risk the client took on again: not one accepted until its review, nor one with a change", async () => {
    const ids = (await report("client")).recommendations.map((r) => r.id);
    expect(ids).not.toContain("spof:erp-vm");
    expect(ids).not.toContain("recurring:ddos-protection:security");
    // Presented and waiting for a decision, or to review again: still argued.
    expect(ids).toContain("spof:shop-pg");
    expect(ids).toContain("no-monitoring:office-vpn");
  });

  it("says which recommendations were done since the last meeting, and which are under way with the date promised", async () => {
    expect((await report("client", "2026-10-01")).register.doneSince.map((l) => [l.recommendation, l.change?.id, l.change?.finish])).toEqual([["REC-002", "CHG-0005", "2026-10-14"]]);
    expect((await report("client", "2026-10-20")).register.doneSince).toEqual([]);
    const [underWay] = (await report("client")).register.inProgress;
    expect(underWay).toMatchObject({ recommendation: "REC-001", change: { id: "CHG-0002", status: "in-progress" } });
    expect(underWay!.change!.promised).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("counts the proposals adopted per author in the internal edition only, and names no author to the client", async () => {
    expect((await report("internal")).register.adoptedByAuthor).toEqual([{ author: "Roman Zaitsev", recommendations: ["REC-002"] }]);
    const client = await report("client");
    expect(client.register.adoptedByAuthor).toEqual([]);
    expect(JSON.stringify(client.register)).not.toContain("Kirill Popov");
  });
});
