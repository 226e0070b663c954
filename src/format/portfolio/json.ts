// Stable JSON shapes of tam portfolio ({ version: 1, asOf, totals, clients[], workload[] }) and tam portfolio find
// ({ version: 1, query, searched, found[], errors[] }). docs/commands/portfolio.md documents them.
import { emptyFigures, type Portfolio } from "../../domain/portfolio.js";
import type { PortfolioFindResult } from "../../app/portfolio.js";
import { jsonText } from "../text.js";

export function formatPortfolioJson(portfolio: Portfolio): string {
  return jsonText({
    version: 1,
    asOf: portfolio.today,
    totals: portfolio.totals,
    clients: portfolio.rows.map((row) => ({
      path: row.path,
      client: row.client,
      project: row.project,
      tam: row.tam,
      urgency: row.urgency,
      error: row.error,
      // A row with an error has the keys of every other row: counts and SLA null (unknown), lists empty.
      ...(row.figures ?? { ...emptyFigures(), openChanges: null, openTasks: null, sla: null }),
      notes: row.notes,
    })),
    workload: portfolio.workload,
  });
}

export function formatFindJson(result: PortfolioFindResult): string {
  return jsonText({ version: 1, query: result.query, searched: result.searched, found: result.found, errors: result.errors, didYouMean: result.didYouMean });
}
