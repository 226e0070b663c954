// Issue 34: a client report whose SLA figures rest on resolution times estimated at import says so
// among its data warnings, as `tam sla report` names them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE } from "../../helpers/run.js";
import { reportText } from "./render.js";

describe("estimated times in the client report", () => {
  it("the internal part lists the period's incidents whose resolution was estimated at import", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "tam-est-")), "northwind");
    cpSync(EXAMPLE, dir, { recursive: true });
    const file = join(dir, "incidents/2026-11.yaml");
    const text = readFileSync(file, "utf8");
    const marked = text.replace("    closed: 2026-11-03T12:00:00+03:00\n    status: closed\n", "    closed: 2026-11-03T12:00:00+03:00\n    estimated: [resolved, closed]\n    status: closed\n");
    expect(marked).not.toBe(text);
    writeFileSync(file, marked);
    const before = await reportText(EXAMPLE, { audience: "internal", period: "2026-11" });
    expect(before).not.toMatch(/estimated at import/);
    const after = await reportText(dir, { audience: "internal", period: "2026-11" });
    expect(after).toMatch(/INC-0045 has a resolution time estimated at import/);
  });
});
