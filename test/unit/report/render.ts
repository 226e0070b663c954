// In-process `tam report` for the report tests: the example and an empty new project, both audiences.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInit } from "../../../src/commands/init.js";
import { runReport, type ReportOptions } from "../../../src/commands/report.js";
import { EXAMPLE } from "../../helpers/run.js";

const AS_OF = "2026-11-20";

export async function reportText(dir: string, options: Partial<ReportOptions> = {}): Promise<string> {
  let out = "";
  await runReport({ project: dir }, { format: "markdown", asOf: AS_OF, ...options }, { out: (text) => (out += text), err: () => {} });
  return out;
}

/** A project as `tam init` leaves it: nothing described, no incident, no change. */
export async function emptyProject(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), "tam-report-")), "acme");
  await runInit({}, dir, { client: "ACME Corp", tam: "Irina Petrova", timezone: "Europe/Moscow", sla: "premium", yes: true, git: false, ci: "none" }, { out: () => {}, err: () => {} });
  return dir;
}

export const PROJECTS = { example: async () => EXAMPLE, empty: emptyProject };
