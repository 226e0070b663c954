// The tables of plan, status, sla, docs and arch risks on 80-, 100- and 120-column terminals,
// in-process on the bundled example: never wider than the terminal, no id, date or time cut,
// a stacked layout (one record per block) below 90 columns.
import { afterEach, describe, expect, it } from "vitest";
import { runArchRisks } from "../../../src/commands/arch-risks.js";
import { runChangePlan } from "../../../src/commands/change-plan.js";
import { runDocsCheck } from "../../../src/commands/docs-check.js";
import { runSlaReport } from "../../../src/commands/sla-report.js";
import { runStatus } from "../../../src/commands/status.js";
import { STACKED_BELOW } from "../../../src/format/table-width.js";
import { EXAMPLE } from "../../helpers/run.js";

const asOf = "2026-11-20";
const globals = { project: EXAMPLE, color: false };
const COMMANDS: Record<string, (output: { out: (t: string) => void; err: (t: string) => void }) => Promise<number>> = {
  "change plan": (o) => runChangePlan(globals, "CHG-0003", { format: "table", asOf }, o),
  status: (o) => runStatus(globals, { format: "table", asOf }, o),
  "sla report": (o) => runSlaReport(globals, { format: "table", period: "2026-10", by: "priority", asOf }, o),
  "docs check": (o) => runDocsCheck(globals, { format: "table", failOn: "never" as never, asOf }, o),
  "arch risks": (o) => runArchRisks(globals, { format: "table", asOf }, o),
};

/** What the command prints on a terminal `columns` wide (undefined: not a terminal). */
async function printed(command: string, columns: number | undefined): Promise<string> {
  Object.defineProperty(process.stdout, "columns", { value: columns, configurable: true });
  const out: string[] = [];
  await COMMANDS[command]!({ out: (t) => void out.push(t), err: () => undefined });
  return out.join("");
}
afterEach(() => {
  Object.defineProperty(process.stdout, "columns", { value: undefined, configurable: true });
});

/** Ids, dates and times: words that must never be cut (a date and its time may sit on two lines). */
const ATOMS = /\b(?:CHG-\d{4}(?:\/T\d+)?|INC-\d{4}|T\d+|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z)?)?|\d{1,2}:\d{2})\b/g;

describe("tables fit the terminal", () => {
  for (const command of Object.keys(COMMANDS)) {
    for (const columns of [80, 100, 120]) {
      it(`${command} at ${columns} columns`, async () => {
        const natural = await printed(command, undefined);
        const fitted = await printed(command, columns);
        for (const line of fitted.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(columns);
        // Every id, date and time of the natural output is still there whole, except inside prose
        // cells (several words), which may be dropped at this width (a note then says so).
        // Columns the fitted table drops whole (it names them in a note) take their cells with them.
        const dropped = new Set((/\(not shown at this width: ([^;]+);/.exec(fitted)?.[1] ?? "").split(", ").filter(Boolean));
        let headers: string[] = [];
        const atoms = new Set(
          natural.split("\n").flatMap((line) => {
            if (!line.includes("│")) return line.match(ATOMS) ?? [];
            const cells = line.split("│").map((cell) => cell.trim());
            if (!headers.length || cells.every((cell, i) => cell === "" || cell === headers[i])) {
              if (!headers.length) headers = cells;
              return [];
            }
            return cells.filter((cell, i) => !/\s/.test(cell) && !dropped.has(headers[i] ?? "")).flatMap((cell) => cell.match(ATOMS) ?? []);
          }),
        );
        expect(atoms.size).toBeGreaterThan(0);
        for (const atom of atoms) expect(fitted, atom).toMatch(new RegExp(`(^|[^\\w-])${atom.replace(/[.+]/g, "\\$&")}($|[^\\w-])`, "m"));
        expect(fitted).not.toMatch(/\d…|-…/);
        // Natural tables wider than the terminal are stacked below STACKED_BELOW columns: no table rules.
        const naturalWidth = Math.max(...natural.split("\n").map((line) => [...line].length));
        // The SLA summary is the exception: a compact table, one row per group (issue 27).
        const stackable = command === "sla report" ? fitted.slice(fitted.indexOf("Open incidents")) : fitted;
        if (columns < STACKED_BELOW && naturalWidth > columns) expect(stackable).not.toMatch(/[┌└├│]/);
      });
    }
  }
});
