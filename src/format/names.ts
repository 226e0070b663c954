// The --format choices of every command, in one place that imports nothing, so `tam --help` can
// list them without loading a formatter. Each registry is typed against its list here: a
// formatter missing from the registry, or a registry key missing here, does not compile.
export const FORMAT_NAMES = {
  validate: ["pretty", "json", "github", "sarif", "junit", "codeclimate"],
  plan: ["table", "markdown", "json", "mermaid"],
  notice: ["markdown", "text", "json"],
  check: ["text", "json"],
  status: ["table", "json", "markdown"],
  docs: ["table", "markdown", "json", "github"],
  report: ["markdown", "html", "json"],
  graph: ["mermaid", "dot", "json"],
  risks: ["table", "markdown", "json"],
  sla: ["table", "markdown", "json", "csv", "text"],
  import: ["text", "json"],
  dispatch: ["jira-csv", "servicenow-csv", "json"],
  sync: ["text", "json"],
  rec: ["table", "json"],
  recWrite: ["text", "json"],
  meeting: ["table", "json"],
  meetingWrite: ["text", "json"],
  portfolio: ["table", "json", "markdown", "html"],
  portfolioFind: ["table", "json", "markdown"],
} as const;

export type FormatName<K extends keyof typeof FORMAT_NAMES> = (typeof FORMAT_NAMES)[K][number];
