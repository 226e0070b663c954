// The client-meeting report as one markdown document (GitHub and GitLab render the tables and
// the Mermaid blocks), ending with the marker `--since` reads back at the next meeting.
import type { ClientReport } from "../../domain/report/types.js";
import { reportBlocks } from "./document.js";
import { mermaidChart } from "./mermaid.js";
import { reportMarker } from "./marker.js";

export function formatReportMarkdown(report: ClientReport): string {
  const out: string[] = [];
  for (const block of reportBlocks(report)) {
    if (block.kind === "markdown") out.push(...block.lines);
    else out.push(...mermaidChart(block.chart), "");
  }
  return `${out.join("\n").trimEnd()}\n\n${reportMarker(report)}\n`;
}
