// The command table: every command of tam as data. src/cli/program.ts turns it into commander
// objects; `--help`, shell completion (src/completion, through that program) and the docs drift
// test (test/unit/docs-commands-drift.test.ts) read it. Command modules are imported inside `run`,
// so `tam --help` loads none of them (nor ajv, inquirer or simple-git).
import { type Command, InvalidArgumentError, type OptionValues } from "commander";
import type { ArchGraphOptions } from "../commands/arch-graph.js";
import type { ArchRisksOptions } from "../commands/arch-risks.js";
import type { ChangeCheckOptions } from "../commands/change-check.js";
import type { ChangeDispatchOptions } from "../commands/change-dispatch.js";
import type { ChangeNewOptions } from "../commands/change-new.js";
import type { ChangeNotifyOptions } from "../commands/change-notify.js";
import type { ChangePlanOptions } from "../commands/change-plan.js";
import type { ChangeRebaselineOptions } from "../commands/change-rebaseline.js";
import type { ChangeStepOptions } from "../commands/change-step.js";
import type { GlobalOptions, Output } from "../commands/context.js";
import type { EscalateOptions } from "../commands/escalate.js";
import type { MeetingAction, MeetingWriteFlags } from "../commands/meeting.js";
import type { DocsBaselineOptions } from "../commands/docs-baseline.js";
import type { DocsCheckOptions } from "../commands/docs-check.js";
import type { DocsReviewOptions } from "../commands/docs-review.js";
import type { IncidentAddOptions } from "../commands/incident-add.js";
import type { IncidentImportOptions } from "../commands/incident-import.js";
import type { IncidentNotifyOptions } from "../commands/incident-notify.js";
import type { IncidentReviewOptions, ReviewActionOptions } from "../commands/incident-review.js";
import type { IncidentUpdateOptions } from "../commands/incident-update.js";
import type { InitOptions } from "../commands/init.js";
import type { PortfolioCommandOptions, PortfolioFindCommandOptions } from "../commands/portfolio.js";
import type { RecAction, RecListOptions, RecWriteFlags } from "../commands/rec.js";
import type { RegisterListOptions } from "../commands/register.js";
import type { ReportOptions } from "../commands/report.js";
import type { SlaReportOptions } from "../commands/sla-report.js";
import type { StatusOptions } from "../commands/status.js";
import type { TaskOptions } from "../commands/task.js";
import type { TaskSyncOptions } from "../commands/task-sync.js";
import type { ValidateOptions } from "../commands/validate.js";
import type { WriteFlags } from "../commands/write-flags.js";
import { CHANGE_ACTIONS, type ChangeAction } from "../domain/tracking/lifecycle.js";
import { TASK_ACTIONS, type TaskAction } from "../domain/tracking/transition.js";
import { FORMAT_NAMES } from "../format/names.js";
import { CHANGE_OUTCOMES, PRIORITIES } from "../model/files.js";
import { asOfOption, byOption, collect, failOnOption, formatOption, type OptionDef, option, type ParseState, PERIOD_OPTIONS, TRANSACTION_OPTIONS, writeOptions } from "./options.js";

/** What every command's `run` receives. */
export interface CommandCall {
  /** The program's options (-C, --no-color, --debug). */
  globals: GlobalOptions;
  /** The positional arguments in order; a variadic last argument's values are spread in. */
  args: string[];
  options: OptionValues;
  /** Where the command prints: the process's streams, or what `main(argv, output)` was given. */
  output: Output;
  /** The options of the command above (tam portfolio's, for tam portfolio find). */
  parentOptions: OptionValues;
  /** What the options' parsers kept of this parse (validate's --format/--output pairs). */
  state: ParseState;
  /** The commander program made from this table (completion describes it). */
  program: Command;
}

export interface CommandDef {
  /** The words after `tam`: ["change", "plan"]. */
  path: string[];
  /** Positional arguments in commander's syntax ("<id>", "[dir]", "[paths...]"), with a description for help if any. */
  args?: (string | [syntax: string, description: string])[];
  description: string;
  /** In help order; shared groups (src/cli/options.ts) are spread in. */
  options?: readonly OptionDef[];
  /** Shown after the help as "$ line". */
  examples: string[];
  /** Not in help, completion or the docs (tam __complete). */
  hidden?: boolean;
  /** Imports the command module and runs it; the exit code. A group (tam change) has none. */
  run?: (call: CommandCall) => number | Promise<number>;
}

/** The program itself: its description, global options and examples. */
export const PROGRAM = {
  name: "tam",
  description: "Technical Account Manager's toolkit: validate a client project, plan changes across departments, keep docs current, report SLA.",
  options: [
    option("-C, --project <dir>", "project folder (default: nearest folder upward holding tam.yaml)"),
    option("--no-color", "never colour the output"),
    option("--debug", "show stack traces of internal errors"),
  ],
  examples: ["tam validate -C examples/northwind", "tam change plan CHG-0003", "tam docs check --as-of 2026-11-20", "tam sla report --period 2026-10"],
} as const;

// --- validate: --format and --output pair up in the order given (an --output writes the --format before it) ---
type Reports = NonNullable<ValidateOptions["reports"]>;
const reportsOf = (state: ParseState): Reports => (state.reports ??= []) as Reports;
const VALIDATE_FORMATS: readonly string[] = FORMAT_NAMES.validate;

const validate: CommandDef = {
  path: ["validate"],
  description: "check every file against its schema and the project's cross-file rules (for CI)",
  options: [
    option("-f, --format <format>", "output format (default: pretty); repeatable, each with its own --output", {
      choices: VALIDATE_FORMATS,
      // Replaces commander's check of the choices (kept for help and completion): this one also records the pair.
      parse: (format, _previous, state) => {
        if (!VALIDATE_FORMATS.includes(format)) throw new InvalidArgumentError(`Allowed choices are ${VALIDATE_FORMATS.join(", ")}.`);
        reportsOf(state).push({ format });
        return format;
      },
    }),
    option("-o, --output <file>", "write the report of the --format before it into this file instead of stdout", {
      parse: (file, _previous, state) => {
        const reports = reportsOf(state);
        const last = reports.at(-1) ?? reports[reports.push({ format: "pretty" }) - 1]!;
        if (last.output !== undefined) throw new InvalidArgumentError(`--format ${last.format} already goes to ${last.output}: give each --output its own --format before it.`);
        last.output = file;
        return file;
      },
    }),
    failOnOption("lowest severity that makes the exit code 1", ["error", "warning", "info"], "error"),
    asOfOption,
  ],
  examples: [
    "tam validate",
    "tam validate -C examples/northwind --format github",
    "tam validate --format sarif --output tam.sarif --format github",
    "tam validate --format codeclimate --output gl-code-quality-report.json",
    "tam validate --fail-on warning",
  ],
  run: async ({ globals, options, state, output }) => (await import("../commands/validate.js")).runValidate(globals, { failOn: options.failOn, asOf: options.asOf, reports: reportsOf(state) }, output),
};

const init: CommandDef = {
  path: ["init"],
  args: ["[dir]"],
  description: "create a new client project with schemas, templates, a CI workflow and a first commit",
  options: [
    option("--client <name>", "client's name"),
    option("--project-id <id>", "project id (default: from the client's name)"),
    option("--tam <name>", "the TAM's name"),
    option("--tam-email <email>", "the TAM's e-mail"),
    option("--timezone <zone>", "default IANA time zone"),
    option("--sla <tier>", "SLA tier", { choices: ["standard", "business", "premium"] }),
    option("-y, --yes", "accept defaults, never prompt"),
    option("--no-git", "do not run git init or commit"),
    option("--ci <system>", "CI configuration to write", { choices: ["github", "gitlab", "none"], default: "github" }),
    option("--adopt", "set up an existing project folder instead (commit it; record the docs baseline if it has history)"),
  ],
  examples: [
    "tam init acme --client 'ACME Corp' --tam 'Irina Petrova' --timezone Europe/Moscow --yes",
    "tam init acme --client 'ACME Corp' --tam 'Irina Petrova' --ci gitlab --yes",
    "tam init   # asks in a terminal",
  ],
  run: async ({ globals, args: [dir], options, output }) =>
    options.adopt ? (await import("../commands/init-adopt.js")).runInitAdopt(globals, dir, output) : (await import("../commands/init.js")).runInit(globals, dir, options as InitOptions, output),
};

const schema: CommandDef = {
  path: ["schema"],
  args: ["[kind]"],
  description: "print a JSON Schema (tam, departments, architecture, change, incidents, docs, recommendations, meetings) or write them all",
  options: [option("--write [dir]", "write every schema into this folder (default: the project's .tam/schemas, which its modelines point at)")],
  examples: ["tam schema change", "tam schema --write   # refresh the project's .tam/schemas after upgrading tam", "tam schema --write /tmp/schemas"],
  run: async ({ globals, args: [kind], options, output }) => (await import("../commands/schema.js")).runSchema(globals, kind, options, output),
};

// --- change planning and the change lifecycle ---
const CHANGE_STEPS: Record<ChangeAction, { description: string; example: string; options: OptionDef[] }> = {
  approve: {
    description:
      "record the client's (or the CAB's) approval: --by a client decision maker (can_approve in tam.yaml) or CAB; refused while a readiness item fails (tam change check) unless --force --reason; stores the baseline (the promise) if none; a normal change needs it before any task starts, an emergency change records it afterwards",
    example: "tam change approve CHG-0003 --by 'Elena Smirnova' --via client --note 'e-mail of 2026-11-21'",
    options: [
      option("--by <name>", "required: the client decision maker who approved (can_approve in tam.yaml), or CAB"),
      option("--note <text>", "comment stored in the change's history"),
      option("--via <how>", "client sign-off or change advisory board", { choices: ["client", "cab"] }),
      option("--force", "go past failing readiness items (tam change check); needs --reason, recorded in the change's history as an accepted risk"),
      option("--reason <text>", "with --force or --correct: why"),
      option("--correct", "correct the approver of a recorded approval (--by the right person, --reason); recorded in the history"),
    ],
  },
  start: {
    description: "start the implementation (tasks starting also do this); refused while a readiness item fails unless --force --reason",
    example: "tam change start CHG-0003",
    options: [
      byOption("who does it"),
      option("--note <text>", "comment stored in the change's history"),
      option("--force", "go past failing readiness items (tam change check); needs --reason, recorded in the change's history as an accepted risk"),
      option("--reason <text>", "with --force or --correct: why"),
    ],
  },
  close: {
    description: "close a change after its post-implementation review: --outcome and --note; a successful change writes its components to architecture.yaml in the same commit",
    example: "tam change close CHG-0003 --outcome successful --note 'Launched on time; restore test passed'",
    options: [byOption("who does it"), option("--note <text>", "the post-implementation review note"), option("--outcome <outcome>", "how the change ended", { choices: CHANGE_OUTCOMES })],
  },
  cancel: {
    description: "cancel an open change; --note says why",
    example: "tam change cancel CHG-0004 --note 'Replaced by CHG-0007'",
    options: [byOption("who does it"), option("--note <text>", "comment stored in the change's history")],
  },
  reject: {
    description: "record that the client or the CAB rejected a change awaiting approval; --note says why",
    example: "tam change reject CHG-0006 --note 'No budget this year'",
    options: [byOption("who does it"), option("--note <text>", "comment stored in the change's history")],
  },
};

const changeSteps: CommandDef[] = CHANGE_ACTIONS.map((action) => ({
  path: ["change", action],
  args: ["<id>"],
  description: CHANGE_STEPS[action].description,
  options: [...CHANGE_STEPS[action].options, ...writeOptions("write the files but do not commit them"), asOfOption],
  examples: [CHANGE_STEPS[action].example],
  run: async ({ globals, args: [id], options, output }) => (await import("../commands/change-step.js")).runChangeStep(globals, action, id, options as ChangeStepOptions, output),
}));

const change: CommandDef[] = [
  {
    path: ["change"],
    description: "plan, create and move changes through their lifecycle (approve, start, close, cancel, reject)",
    examples: ["tam change plan CHG-0003 --as-of 2026-11-20", "tam change new"],
  },
  {
    path: ["change", "plan"],
    args: ["<id>"],
    description: "decompose a change into ordered department tasks, schedule them on the departments' calendars, check them",
    options: [
      formatOption("plan", "table"),
      asOfOption,
      option("--write", "store the tasks in the change file (keeps comments and formatting of the rest)"),
      option("--no-commit", "with --write: do not commit the change file"),
      failOnOption("lowest severity of a finding (late, at risk, past due, window overflow, …) that makes the exit code 1", ["error", "warning", "info", "never"], "error"),
      ...TRANSACTION_OPTIONS,
    ],
    examples: ["tam change plan CHG-0003 --as-of 2026-11-20", "tam change plan CHG-0003 --format mermaid > plan.md", "tam change plan CHG-0003 --write"],
    run: async ({ globals, args: [id], options, output }) => (await import("../commands/change-plan.js")).runChangePlan(globals, id, options as ChangePlanOptions, output),
  },
  {
    path: ["change", "check"],
    args: ["<id>"],
    description: "go/no-go: each readiness item (plan, rollback, test plan, backup, approver, blackout, conflict, forecast) with pass or fail and why; exit 1 when one fails",
    options: [formatOption("check", "text"), asOfOption],
    examples: ["tam change check CHG-0006 --as-of 2026-11-20", "tam change check CHG-0004 --format json"],
    run: async ({ globals, args: [id], options, output }) => (await import("../commands/change-check.js")).runChangeCheck(globals, id, options as ChangeCheckOptions, output),
  },
  {
    path: ["change", "new"],
    description: "write a new change file with the next free id (asks in a terminal; flags for scripts)",
    options: [
      option("--title <text>", "short title"),
      option("--request <text>", "the client's request, in their words"),
      option("--requested-by <name>", "who asked"),
      option("--type <type>", "change type", { choices: ["standard", "normal", "emergency"] }),
      option("--due <date>", "due date, YYYY-MM-DD"),
      option("--component <id:action>", "a component touched, action add|modify|remove (repeatable)", { parse: collect }),
      option("--new-component <id:kind[:name[:deps]]>", "a component the change adds (repeatable)", { parse: collect }),
      option("--rollback <text>", "how to undo the change"),
      option("--id <id>", "change id (default: the next free CHG-NNNN)"),
      option("-y, --yes", "never prompt"),
      ...writeOptions("do not commit the new file"),
      asOfOption,
    ],
    examples: [
      "tam change new   # asks in a terminal",
      "tam change new --title 'Redis for sessions' --type normal --due 2026-12-15 --new-component shop-redis:redis:'Redis for sessions':app-os --rollback 'Remove the VM' --yes",
    ],
    run: async ({ globals, options, output }) => (await import("../commands/change-new.js")).runChangeNew(globals, options as ChangeNewOptions & WriteFlags & { asOf?: string }, output),
  },
  ...changeSteps,
  {
    path: ["change", "rebaseline"],
    args: ["<id>"],
    description:
      "move the promise (baseline: planned dates, internal ×2 and client ×3 dates) to today's forecast, as a recorded act with --reason; tam status lists the change until the client is told",
    options: [option("--reason <text>", "required: why the promise moves"), byOption("who does it"), ...writeOptions("write the file but do not commit it"), asOfOption],
    examples: ["tam change rebaseline CHG-0002 --reason 'SIEM licence delayed by the vendor; agreed with Dmitry Sokolov'"],
    run: async ({ globals, args: [id], options, output }) => (await import("../commands/change-rebaseline.js")).runChangeRebaseline(globals, id, options as ChangeRebaselineOptions, output),
  },
  {
    path: ["change", "notify"],
    args: ["<id>"],
    description:
      "write the client's status update on a change: done since the last notice, next steps with the promised dates, what is late or blocked and what is done about it, what the client must do; records the notice in the change",
    options: [
      formatOption("notice", "markdown"),
      byOption("who sends it"),
      option("--no-record", "only print the notice: store nothing (a preview)"),
      ...writeOptions("record the notice in the change file but do not commit it"),
      asOfOption,
    ],
    examples: ["tam change notify CHG-0002", "tam change notify CHG-0002 --format text > mail.txt", "tam change notify CHG-0002 --no-record   # preview"],
    run: async ({ globals, args: [id], options, output }) => (await import("../commands/change-notify.js")).runChangeNotify(globals, id, options as ChangeNotifyOptions, output),
  },
  {
    path: ["change", "dispatch"],
    args: ["<id>"],
    description: "the change's open tasks as tickets for the departments' queues: a CSV for Jira's or ServiceNow's importer (or json); nothing in the project changes",
    options: [
      option("-f, --format <format>", "output format", { choices: FORMAT_NAMES.dispatch, mandatory: true }),
      option("-o, --output <file>", "write the file here instead of standard output"),
      asOfOption,
    ],
    examples: ["tam change dispatch CHG-0002 --format jira-csv -o chg-0002-jira.csv", "tam change dispatch CHG-0002 --format servicenow-csv -o chg-0002-snow.csv"],
    run: async ({ globals, args: [id], options, output }) => (await import("../commands/change-dispatch.js")).runChangeDispatch(globals, id, options as ChangeDispatchOptions, output),
  },
];

/** tam task escalate and tam incident escalate: one row each, the same options (issue 29, point 5). */
function escalateRow(what: "task" | "incident", arg: string, example: string): CommandDef {
  return {
    path: [what, "escalate"],
    args: [arg],
    description:
      what === "task"
        ? "draft the escalation of a blocked task to the level of its department's chain that is due (departments.yaml escalation.blocked); records it on the task; <ref> is CHANGE/TASK"
        : "draft the escalation of an open incident to the level of its department's chain that is due (departments.yaml escalation.incidents); records it on the incident",
    options: [
      formatOption("notice", "markdown"),
      option("--note <text>", "what is asked for, recorded with the escalation"),
      byOption("who escalates"),
      option("--no-record", "only print the message: store nothing (a preview)"),
      ...writeOptions(`record the escalation in the ${what === "task" ? "change" : "incident"} file but do not commit it`),
      asOfOption,
    ],
    examples: [`tam ${what} escalate ${example}`, `tam ${what} escalate ${example} --format text > mail.txt`, `tam ${what} escalate ${example} --no-record   # preview`],
    run: async ({ globals, args: [ref], options, output }) => (await import("../commands/escalate.js")).runEscalate(globals, what, ref, options as EscalateOptions, output),
  };
}

// --- task progress ---
const TASK_STEPS: Record<TaskAction, string> = {
  start:
    "start a task (refused while the tasks it waits for are open, a normal change is not approved, or, for the first work on the change, a readiness item of tam change check fails; unless --force with --reason)",
  done: "mark a task done (refused while the tasks it waits for are open, unless --force with --reason)",
  block: "mark a task blocked; --note says on what",
  unblock: "take a task out of blocked",
  cancel: "cancel a task (refused while the tasks it waits for are open, unless --force with --reason)",
};

const task: CommandDef[] = [
  {
    path: ["task"],
    description: "record a department's progress on a change task (one commit per update)",
    examples: ["tam task start CHG-0003/T2", "tam task done CHG-0003/T2 --note 'VMs up'", "tam task block CHG-0003/T4 --note 'waiting for the licence'"],
  },
  ...TASK_ACTIONS.map(
    (action): CommandDef => ({
      path: ["task", action],
      args: ["<ref>"],
      description: `${TASK_STEPS[action]}; <ref> is CHANGE/TASK, e.g. CHG-0003/T2`,
      options: [
        option("--note <text>", "comment stored in the task's history"),
        byOption("who reports it"),
        option("--force", "break a rule (predecessors not finished, change not approved); needs --reason, recorded in the task's history"),
        option("--reason <text>", "with --force: why the rule is broken"),
        ...writeOptions("write the file but do not commit it"),
        asOfOption,
        ...(action === "block"
          ? [option("--until <date>", "the day the block is expected to clear (YYYY-MM-DD), agreed with whoever it waits for; without it the forecast says the date is open")]
          : []),
      ],
      examples: [
        `tam task ${action} CHG-0003/T2${action === "block" ? " --note 'waiting for the VLAN'" : ""}`,
        `tam task ${action} CHG-0003/T2 --by 'Roman Zaitsev' --no-commit${action === "block" ? " --note 'no licence'" : ""}`,
      ],
      run: async ({ globals, args: [ref], options, output }) => (await import("../commands/task.js")).runTask(globals, action, ref, options as TaskOptions, output),
    }),
  ),
  {
    path: ["task", "sync"],
    args: ["<export>"],
    description: "bring the departments' ticket statuses back from a Jira or ServiceNow CSV export: matched by the [CHG/T] reference, applied through the rules of tam task, one commit",
    options: [
      option("--preset <preset>", "the export's columns and statuses", { choices: ["jira", "servicenow"] }),
      option("--mapping <file>", "a YAML mapping file of the same shape as templates/sync/*.yaml (instead of --preset)"),
      option("--encoding <encoding>", "encoding of the export", { choices: ["utf8", "latin1"] }),
      formatOption("sync", "text"),
      option("--force", "apply ticket states that break a rule (predecessors not finished, change not approved); needs --reason, recorded in the history"),
      option("--reason <text>", "with --force: why the rules are broken"),
      ...writeOptions("write the files but do not commit them"),
      asOfOption,
    ],
    examples: ["tam task sync jira-export.csv --preset jira", "tam task sync change_task.csv --preset servicenow --format json"],
    run: async ({ globals, args: [file], options, output }) => (await import("../commands/task-sync.js")).runTaskSync(globals, file, options as TaskSyncOptions, output),
  },
  escalateRow("task", "<ref>", "CHG-0002/T4"),
];

const status: CommandDef = {
  path: ["status"],
  description: "open changes: progress, tasks ready to start per department, in progress, blocked, late",
  options: [
    formatOption("status", "table"),
    asOfOption,
    option("--department <id>", "only what this department can pick up and has on its plate"),
    option("--mine", "only tasks assigned to me (git user.name, else $USER)"),
    failOnOption("exit 1 when the schedule has a finding of this severity or worse (late, at risk, past due, window overflow)", ["error", "warning", "info", "never"], "never"),
  ],
  examples: ["tam status --as-of 2026-11-20", "tam status --department unix", "tam status --mine", "tam status --format json --fail-on error"],
  run: async ({ globals, options, output }) => (await import("../commands/status.js")).runStatus(globals, options as StatusOptions, output),
};

// --- portfolio: all clients at once ---
const portfolio: CommandDef[] = [
  {
    path: ["portfolio"],
    args: [["[paths...]", "client project folders, or globs such as 'clients/*'"]],
    description: "all client projects at once, most urgent first: promises late or at risk, blocked work, open P1/P2, SLA month to date, stale docs",
    options: [
      option("--file <portfolio.yaml>", "a portfolio file listing client project folders and git URLs (clients: [paths])"),
      formatOption("portfolio", "table"),
      asOfOption,
      option("--tam <name-or-email>", "only the clients of this TAM (tam.yaml's tam)"),
      option("--mine [name-or-email]", "only my clients: git's user.name or user.email, or the name or e-mail given"),
      option("--cache <folder>", "where clients named by a git URL are cloned (default: ~/.cache/tam/portfolio)"),
    ],
    examples: [
      "tam portfolio 'clients/*'",
      "tam portfolio --file examples/portfolio.yaml --as-of 2026-11-20",
      "tam portfolio --file portfolio.yaml --format markdown --tam anna.volkova@provider.example",
      "tam portfolio --file portfolio.yaml --mine --format html > portfolio.html",
    ],
    run: async ({ globals, args, options, output }) => (await import("../commands/portfolio.js")).runPortfolio(globals, args, options as PortfolioCommandOptions, output),
  },
  {
    path: ["portfolio", "find"],
    args: [["[paths...]", "client project folders, or globs such as 'clients/*'"]],
    description: "which clients run a product (at a version): client, component, version, what depends on it, the TAM to call",
    options: [
      option("--file <portfolio.yaml>", "a portfolio file listing client project folders"),
      option("--product <name>", "the product as components record it (case-insensitive), e.g. 'Windows Server'", { mandatory: true }),
      // Not --version: that one is tam's own, wherever it stands on the command line.
      option("--versions <constraint>", "versions to list, e.g. '<2019', '>=8.0.3', '>=8.0,<8.0.35'"),
      option("--internet-facing", "only components reachable from the internet"),
      option("--cache <folder>", "where clients named by a git URL are cloned (default: ~/.cache/tam/portfolio)"),
      option("-f, --format <format>", "output format (default: table)", { choices: FORMAT_NAMES.portfolioFind }),
    ],
    examples: ["tam portfolio find --product 'Windows Server' --versions '<2019' --internet-facing clients/*", "tam portfolio find --product PostgreSQL --file portfolio.yaml --format json"],
    run: async ({ globals, args, options, parentOptions, output }) => {
      // `tam portfolio` has --format and --file too, and takes them wherever they stand: its values count when the subcommand has none.
      const merged = { ...options, format: options.format ?? parentOptions.format ?? "table", file: options.file ?? parentOptions.file, cache: options.cache ?? parentOptions.cache };
      return (await import("../commands/portfolio.js")).runPortfolioFind(globals, args, merged as PortfolioFindCommandOptions, output);
    },
  },
];

// --- documentation freshness ---
const docs: CommandDef[] = [
  {
    path: ["docs"],
    description: "documentation freshness: which docs are stale since the architecture changed, record reviews",
    examples: ["tam docs check", "tam docs review network --note 'VLAN plan re-exported'"],
  },
  {
    path: ["docs", "check"],
    description: "state of every document in docs.yaml (fresh, due, stale, broken) with reasons, and components no doc covers",
    options: [
      formatOption("docs", "table"),
      option("--fail-on <state>", "exit 1 when a doc is in this state or worse (stale includes broken)", { choices: ["stale", "due", "never"], default: "stale" }),
      asOfOption,
      option("--owner <name>", "only docs owned by this person, department id or department name"),
    ],
    examples: [
      "tam docs check -C examples/northwind --as-of 2026-11-20",
      "tam docs check --owner 'Anna Volkova'",
      "tam docs check --format github --fail-on due",
      "tam docs check --format markdown > docs-status.md",
    ],
    run: async ({ globals, options, output }) => (await import("../commands/docs-check.js")).runDocsCheck(globals, options as DocsCheckOptions, output),
  },
  {
    path: ["docs", "review"],
    args: ["<doc>"],
    description: "record today's review of a document in docs.yaml (keeps comments and formatting) and commit that file",
    options: [
      byOption("who reviewed it"),
      option("--note <text>", "what was checked or changed"),
      option("--date <date>", "date of the review, YYYY-MM-DD (default: today)"),
      asOfOption,
      option("--edit-was-review", "the last commit that edited the doc's file was the review: take its date, author and hash"),
      ...writeOptions("write docs.yaml but do not commit it"),
    ],
    examples: [
      "tam docs review network",
      "tam docs review db-runbook --by 'Victoria Lebedeva' --note 'Failover steps checked'",
      "tam docs review web-runbook --edit-was-review",
      "tam docs review contacts --no-commit",
    ],
    run: async ({ globals, args: [doc], options, output }) => (await import("../commands/docs-review.js")).runDocsReview(globals, doc, options as DocsReviewOptions, output),
  },
  {
    path: ["docs", "baseline"],
    args: ["[rev]"],
    description: "record in tam.yaml that the docs match the architecture as of a commit (default HEAD): adopting a project with its history",
    options: [byOption("who records it"), option("--note <text>", "why, e.g. imported with its history"), asOfOption, ...writeOptions("write tam.yaml but do not commit it")],
    examples: ["tam docs baseline", "tam docs baseline 4f1c2e9 --note 'Imported from the old wiki repository'"],
    run: async ({ globals, args: [rev], options, output }) => (await import("../commands/docs-baseline.js")).runDocsBaseline(globals, rev, options as DocsBaselineOptions, output),
  },
];

// --- client-meeting report ---
const report: CommandDef = {
  path: ["report"],
  description: "the report for a client meeting: service summary, work done and planned, SLA with trend, recommendations, decisions",
  options: [
    formatOption("report", "markdown"),
    option("--audience <audience>", "client: the edition to hand over; internal: adds internal dates, chores and data-quality warnings", { choices: ["client", "internal"], default: "client" }),
    ...PERIOD_OPTIONS,
    option("--since <date|file>", "what changed since the last meeting: its date (YYYY-MM-DD) or the report written then"),
    asOfOption,
    option("-o, --output <file>", "write the report to this file instead of standard output"),
  ],
  examples: [
    "tam report --period 2026-10 --as-of 2026-11-20",
    "tam report --audience internal --since reports/2026-10.md",
    "tam report --format html -o reports/2026-11.html",
    "tam report --format json | jq .sla.total",
  ],
  run: async ({ globals, options, output }) => (await import("../commands/report.js")).runReport(globals, options as ReportOptions, output),
};

// --- architecture graph and risks ---
const arch: CommandDef[] = [
  {
    path: ["arch"],
    description: "the architecture: dependency graph by department, and the risk audit for the client",
    examples: ["tam arch graph --format mermaid", "tam arch risks --as-of 2026-11-20"],
  },
  {
    path: ["arch", "graph"],
    description: "draw the components grouped by owning department, with an edge per dependency",
    options: [formatOption("graph", "mermaid")],
    examples: ["tam arch graph > architecture.mmd", "tam arch graph --format dot | dot -Tsvg > architecture.svg", "tam arch graph --format json"],
    run: async ({ globals, options, output }) => (await import("../commands/arch-graph.js")).runArchGraph(globals, options as ArchGraphOptions, output),
  },
  {
    path: ["arch", "risks"],
    description: "single points of failure, missing monitoring or backup, recurring incidents, undocumented components; each argued, with a proposed change",
    options: [
      formatOption("risks", "table"),
      asOfOption,
      failOnOption("exit 1 when a risk of this severity is found (default: risks are advice, exit 0)", ["high"]),
      option("--verbose", "the table argues each risk in full (default: one line per kind of risk, with the components)"),
    ],
    examples: ["tam arch risks -C examples/northwind --as-of 2026-11-20", "tam arch risks --verbose", "tam arch risks --format markdown > risks.md", "tam arch risks --format json --fail-on high"],
    run: async ({ globals, options, output }) => (await import("../commands/arch-risks.js")).runArchRisks(globals, options as ArchRisksOptions, output),
  },
];

// --- the registers tam rec and tam meeting keep ---
/** A write of a register before the options every such write takes. */
interface RegisterWriteRow {
  path: string[];
  args: string[];
  description: string;
  examples: string[];
  options: OptionDef[];
}

/** A write of a register (tam rec add, tam meeting new, …): its own options, then who records it, the report's format, --as-of and the write flags. */
function registerWrite(row: RegisterWriteRow, format: "recWrite" | "meetingWrite", noCommit: string, run: CommandDef["run"]): CommandDef {
  return {
    path: row.path,
    args: row.args,
    description: row.description,
    options: [...row.options, byOption("who records it, the commit's author"), formatOption(format, "text"), asOfOption, ...writeOptions(noCommit)],
    examples: row.examples,
    run,
  };
}

// --- the register of recommendations ---
const REC_WRITES: Record<RecAction, Omit<RegisterWriteRow, "path" | "args">> = {
  add: {
    description: "add a recommendation: one answering a risk of `tam arch risks` (its client wording by default), or an engineer's proposal",
    examples: ["tam rec add --risk spof:shop-pg", "tam rec add --author 'Kirill Popov' --title 'Alert on the NAS filling up' --component nas"],
    options: [
      option("--risk <id>", "the risk it answers, as `tam arch risks` names it"),
      option("--author <name>", "an engineer's proposal: who made it"),
      option("--id <id>", "its id (default: the next REC-NNN)"),
      option("--title <text>", "what is recommended, in the client's terms (default for a risk: its recommendation)"),
      option("--argument <text>", "why it matters to the client (default for a risk: its argument)"),
      option("--component <id>", "a component it concerns (repeatable; default for a risk: its components)", { parse: collect }),
    ],
  },
  present: {
    description: "record that a recommendation was presented to the client",
    examples: ["tam rec present REC-006 --meeting '2026-11 monthly review'"],
    options: [option("--date <date>", "the day it was presented, YYYY-MM-DD (default: today)"), option("--meeting <name>", "the meeting it was presented in")],
  },
  accept: {
    description: "record that the client accepted a recommendation, and the change that carries it out",
    examples: ["tam rec accept REC-005 --change CHG-0004 --decision-maker 'Elena Smirnova'"],
    options: [
      option("--change <id>", "the change that carries it out (required)"),
      option("--decision-maker <name>", "the client's decision maker who accepted it (a contact of tam.yaml with can_approve; required)"),
      option("--date <date>", "the day it was accepted, YYYY-MM-DD (default: today)"),
    ],
  },
  decline: {
    description: "record that the client declined a recommendation: the risk accepted by a decision maker until a review date",
    examples: ["tam rec decline REC-006 --decision-maker 'Elena Smirnova' --review 2027-05-01 --note 'No budget this year'"],
    options: [
      option("--decision-maker <name>", "the client's decision maker who declined it and accepts the risk (a contact of tam.yaml; required)"),
      option("--review <date>", "when to review the accepted risk with the client, YYYY-MM-DD (required)"),
      option("--note <text>", "the client's reason"),
      option("--date <date>", "the day it was declined, YYYY-MM-DD (default: today)"),
    ],
  },
};

const rec: CommandDef[] = [
  {
    path: ["rec"],
    description: "the register of recommendations (recommendations.yaml): what was advised, presented, accepted as a change or declined as an accepted risk",
    examples: ["tam rec list", "tam rec add --risk spof:shop-pg", "tam rec accept REC-005 --change CHG-0004 --decision-maker 'Elena Smirnova'"],
  },
  {
    path: ["rec", "list"],
    description: "every recommendation and what is on record for it as of a day (done once its change is; a declined one past its review date is to review)",
    options: [formatOption("rec", "table"), asOfOption],
    examples: ["tam rec list -C examples/northwind --as-of 2026-11-20", "tam rec list --format json"],
    run: async ({ globals, options, output }) => (await import("../commands/rec.js")).runRecList(globals, options as RecListOptions, output),
  },
  ...(Object.keys(REC_WRITES) as RecAction[]).map((action) =>
    registerWrite(
      { path: ["rec", action], args: action === "add" ? [] : ["<id>"], ...REC_WRITES[action] },
      "recWrite",
      "write recommendations.yaml but do not commit it",
      async ({ globals, args: [id], options, output }) => (await import("../commands/rec.js")).runRecWrite(globals, action, id, options as RecWriteFlags & Record<string, unknown>, output),
    ),
  ),
];

// --- client meetings: minutes and action items (issue 30, point 3) ---
const MEETING_WRITES: Record<MeetingAction, RegisterWriteRow> = {
  new: {
    path: ["meeting", "new"],
    args: [],
    description: "record the minutes of a client meeting (one commit); --from-report takes the agenda and the recommendations presented from the report written for it",
    examples: [
      "tam meeting new --from-report report-2026-10.md --attendee 'Elena Smirnova' --attendee 'Anna Volkova' --decision 'CHG-0004 is approved'",
      "tam meeting new --date 2026-10-30 --title '2026-10 monthly review' --rec REC-005",
    ],
    options: [
      option("--from-report <file>", "a report written by `tam report` (markdown, HTML or JSON): its decisions needed become the agenda; the recommendations they name are presented"),
      option("--date <date>", "the day it was held, YYYY-MM-DD (default: today)"),
      option("--title <text>", "what the meeting was, e.g. '2026-11 monthly review'"),
      option("--id <id>", "its id (default: MTG-<date>)"),
      option("--attendee <name>", "who attended: a client contact of tam.yaml or a provider person (repeatable)", { parse: collect }),
      option("--agenda <text>", "an agenda point (repeatable)", { parse: collect }),
      option("--decision <text>", "a decision taken (repeatable)", { parse: collect }),
      option("--rec <id>", "a recommendation presented in it (repeatable): recorded as presented there, in the same commit", { parse: collect }),
    ],
  },
  "action-add": {
    path: ["meeting", "action", "add"],
    args: ["<meeting>"],
    description: "add an action item agreed in a meeting: who (its side found from the project), what, by when",
    examples: ["tam meeting action add MTG-2026-10-30 --text 'Send the maintenance windows' --owner 'Oleg Ivanov' --due 2026-11-13"],
    options: [
      option("--text <text>", "what is to be done (required)"),
      option("--owner <name>", "who does it: a client contact of tam.yaml or a provider person (required)"),
      option("--due <date>", "when it is due, YYYY-MM-DD (required)"),
      option("--side <side>", "whose promise it is (default: the owner's side)", { choices: ["client", "provider"] }), // as main's choice options are declared
    ],
  },
  "action-done": {
    path: ["meeting", "action", "done"],
    args: ["<ref>"],
    description: "record an action item as done: kept when on or before its due date, late after it",
    examples: ["tam meeting action done MTG-2026-10-30/A2 --note 'windows sent'", "tam meeting action done MTG-2026-10-30/A2 --date 2026-11-18"],
    options: [option("--date <date>", "the day it was done, YYYY-MM-DD (default: today)"), option("--note <text>", "what was done, or why it is late")],
  },
  "action-open": {
    path: ["meeting", "action", "open"],
    args: ["<ref>"],
    description: "open a done action item again (it was not done after all)",
    examples: ["tam meeting action open MTG-2026-10-30/A1 --note 'the price was incomplete'"],
    options: [option("--note <text>", "why it is open again")],
  },
};

/** A meeting write (new, action add|done|open). */
const meetingWrite = (action: MeetingAction): CommandDef =>
  registerWrite(MEETING_WRITES[action], "meetingWrite", "write the files but do not commit them", async ({ globals, args: [target], options, output }) =>
    (await import("../commands/meeting.js")).runMeetingWrite(globals, action, target, options as MeetingWriteFlags & Record<string, unknown>, output),
  );

const meeting: CommandDef[] = [
  {
    path: ["meeting"],
    description: "the minutes of client meetings (meetings.yaml): attendees, decisions, recommendations presented, action items kept or late",
    examples: ["tam meeting list", "tam meeting new --from-report report-2026-10.md --attendee 'Elena Smirnova' --attendee 'Anna Volkova'", "tam meeting action done MTG-2026-10-30/A2 --note 'sent'"],
  },
  {
    path: ["meeting", "list"],
    description: "every meeting held by a day, with its decisions and each action item: open, overdue, kept (done by its due date) or late",
    options: [formatOption("meeting", "table"), asOfOption],
    examples: ["tam meeting list -C examples/northwind --as-of 2026-11-20", "tam meeting list --format json"],
    run: async ({ globals, options, output }) => (await import("../commands/meeting.js")).runMeetingList(globals, options as RegisterListOptions, output),
  },
  meetingWrite("new"),
  {
    path: ["meeting", "action"],
    description: "the action items of a meeting: add one, mark one done (kept or late) or open again",
    examples: ["tam meeting action add MTG-2026-10-30 --text 'Send the maintenance windows' --owner 'Oleg Ivanov' --due 2026-11-13", "tam meeting action done MTG-2026-10-30/A2 --note 'sent'"],
  },
  meetingWrite("action-add"),
  meetingWrite("action-done"),
  meetingWrite("action-open"),
];

// --- incidents and SLA ---
const sla: CommandDef[] = [
  {
    path: ["sla"],
    description: "SLA compliance of incidents: response and resolution times against the targets in tam.yaml",
    examples: ["tam sla report --period 2026-10", "tam sla report --by department --format markdown"],
  },
  {
    path: ["sla", "report"],
    description: "compliance per priority, department or component; MTTA/MTTR; trend; open incidents; breaches; recurring causes",
    options: [formatOption("sla", "table"), ...PERIOD_OPTIONS, option("--by <group>", "group incidents by", { choices: ["priority", "department", "component"], default: "priority" }), asOfOption],
    examples: [
      "tam sla report --period 2026-10",
      "tam sla report --by department --format markdown > sla-2026-10.md",
      "tam sla report --from 2026-08-01 --to 2026-10-31 --format csv",
      "tam sla report --as-of 2026-11-20 --format json",
    ],
    run: async ({ globals, options, output }) => (await import("../commands/sla-report.js")).runSlaReport(globals, options as SlaReportOptions, output),
  },
];

const incident: CommandDef[] = [
  {
    path: ["incident"],
    description: "record incidents: add, update their times and causes, import service-desk exports",
    examples: ["tam incident add", "tam incident update INC-0051 --resolved", "tam incident import export.csv --mapping servicenow.yaml"],
  },
  {
    path: ["incident", "add"],
    description: "add an incident to incidents/<YYYY-MM>.yaml (asks in a terminal, flags otherwise)",
    options: [
      option("--title <text>", "short description"),
      option("--priority <priority>", "priority", { choices: PRIORITIES }),
      option("--component <id>", "affected component (repeatable)", { parse: collect }),
      option("--department <id>", "department handling it"),
      option("--opened <time>", "when it was registered (ISO timestamp; default: now)"),
      option("--responded <time>", "first response time"),
      option("--cause <category>", "cause category"),
      option("--root-cause <text>", "root cause"),
      option("--external-id <id>", "id in the service desk"),
      option("-y, --yes", "never prompt"),
      ...writeOptions("write the file but do not commit it"),
      asOfOption,
    ],
    examples: ["tam incident add", "tam incident add --title 'Shop returns 502' --priority P1 --component shop-nginx --department unix --opened 2026-11-20T10:05:00+03:00"],
    run: async ({ globals, options, output }) => (await import("../commands/incident-add.js")).runIncidentAdd(globals, options as IncidentAddOptions, output),
  },
  {
    path: ["incident", "update"],
    args: ["<id>"],
    description: "record a response, resolution, closing, a pause or the cause of an incident",
    options: [
      option("--responded [time]", "first response (default: now)"),
      option("--resolved [time]", "service restored (default: now)"),
      option("--closed [time]", "closed (default: now)"),
      option("--pause-from <time>", "start of a clock pause"),
      option("--pause-to <time>", "end of a clock pause (alone: ends the open pause)"),
      option("--pause-reason <reason>", "why the clock stops", { choices: ["client", "vendor", "other"] }),
      option("--pause-note <text>", "details of the pause"),
      option("--cause <category>", "cause category"),
      option("--root-cause <text>", "root cause"),
      option("--actions <text>", "what was done so that it does not recur"),
      option("--status <status>", "set the status explicitly", { choices: ["open", "responded", "resolved", "closed"] }),
      ...writeOptions("write the file but do not commit it"),
      asOfOption,
    ],
    examples: [
      "tam incident update INC-0051 --responded",
      "tam incident update INC-0051 --pause-from 2026-11-20T11:00:00+03:00 --pause-reason client",
      "tam incident update INC-0051 --pause-to 2026-11-20T13:00:00+03:00",
      "tam incident update INC-0051 --resolved --cause capacity --root-cause 'disk full'",
    ],
    run: async ({ globals, args: [id], options, output }) => (await import("../commands/incident-update.js")).runIncidentUpdate(globals, id, options as IncidentUpdateOptions, output),
  },
  {
    path: ["incident", "review"],
    args: ["<id>"],
    description: "record the post-incident review: cause, contributing factors, actions; writes reviews/<ID>.md too, in the same commit",
    options: [
      option("--held <date>", "when the review was held (YYYY-MM-DD; default: today)"),
      option("--by <name>", "who held it (default: git's user.name)"),
      option("--cause <text>", "the cause the review found, in a sentence"),
      option("--factor <text>", "a contributing factor (repeatable)", { parse: collect }),
      option("--action <text;owner;side;due>", "an action: what, who, provider|client, due date (repeatable)", { parse: collect }),
      ...writeOptions("write the files but do not commit them"),
      asOfOption,
    ],
    examples: [
      "tam incident review INC-0004 --held 2026-08-12 --cause 'SAN failover hung' --factor 'one array' --action 'Quote a second array;Anna Volkova;provider;2026-08-20'",
      "tam incident action INC-0004/A1 done --note 'quote sent'",
    ],
    run: async ({ globals, args: [id], options, output }) => (await import("../commands/incident-review.js")).runIncidentReview(globals, id, options as IncidentReviewOptions, output),
  },
  {
    path: ["incident", "notify"],
    args: ["<id>"],
    description: "write the client's update on an open incident: impact, what is being done, when the next update comes (cadence per priority: tam.yaml updates); records it on the incident",
    options: [
      formatOption("notice", "markdown"),
      option("--impact <text>", "what the client sees, in their words (default: the affected components)"),
      option("--doing <text>", "what is being done (default: the team on it, and the cause when known)"),
      byOption("who sends it"),
      option("--no-record", "only print the update: store nothing (a preview)"),
      ...writeOptions("record the update in the incident file but do not commit it"),
      asOfOption,
    ],
    examples: [
      "tam incident notify INC-0056 --doing 'The vendor engineer is replacing the controller'",
      "tam incident notify INC-0056 --format text > mail.txt",
      "tam incident notify INC-0056 --no-record   # preview",
    ],
    run: async ({ globals, args: [id], options, output }) => (await import("../commands/incident-notify.js")).runIncidentNotify(globals, id, options as IncidentNotifyOptions, output),
  },
  {
    path: ["incident", "action"],
    args: ["<ref>", "<state>"],
    description: "mark a review action done (or open again): tam incident action INC-0004/A2 done --note '...'",
    options: [option("--note <text>", "what was done"), ...writeOptions("write the files but do not commit them"), asOfOption],
    examples: ["tam incident action INC-0004/A2 done --note 'alert added'", "tam incident action INC-0004/A2 open --note 'the alert fires too late'"],
    run: async ({ globals, args: [ref, state], options, output }) => (await import("../commands/incident-review.js")).runReviewAction(globals, ref, state, options as ReviewActionOptions, output),
  },
  {
    path: ["incident", "import"],
    args: ["<file>"],
    description: "import a service-desk CSV export (one row per incident, or an event log); a later export updates what it imported",
    options: [
      option("--preset <name>", "a shipped mapping: servicenow (incident table or event log), jira-sm (templates/import/)"),
      option("--mapping <file>", "a YAML mapping file (columns, date format, states, value maps)"),
      option("--map <field=Column>", "map an incident field to a CSV column (repeatable; field= unmaps)", { parse: collect }),
      option("--title-template <text>", 'title when there is no title column, e.g. "{number} {category}" (CSV columns in braces)'),
      option("--date-format <pattern>", 'pattern of the dates, e.g. "DD-MM-YYYY HH:mm" (default: ISO 8601)'),
      option("--timezone <zone>", "zone of timestamps without an offset (default: the project's)"),
      option("--empty <value>", "a value meaning empty, such as ? (repeatable)", { parse: collect }),
      option("--event-log", "one row per state change: rows of one incident become one incident"),
      option("--initial-state <pattern>", "event log: a state before the first response; glob or /regex/ (repeatable)", { parse: collect }),
      option("--waiting-state <pattern[=reason]>", "event log: a state that pauses the clock, reason client|vendor|other (repeatable)", { parse: collect }),
      option("--resolved-state <pattern>", "event log: a resolved state (repeatable)", { parse: collect }),
      option("--closed-state <pattern>", "event log: a closed state (repeatable)", { parse: collect }),
      option("--strict", "anomalies (clamped times, unknown priorities, ...) are errors: nothing is written"),
      option("--skip-invalid", "skip the incidents with unreadable rows or anomalies and import the rest"),
      option("--unknown-priority <P1-P4>", "priority of incidents whose priority the mapping does not give (without it, such values stop the import)"),
      option("--closed-without-resolution <choice>", "a row closed or resolved without a resolution time: estimate it from the last update, or skip the row", {
        choices: ["estimate", "skip"],
      }),
      option("--encoding <encoding>", "encoding of the file", { choices: ["utf8", "latin1"] }),
      option("--max-size <MB>", "refuse larger files (default: 200)"),
      formatOption("import", "text"),
      ...writeOptions("write the files but do not commit them"),
    ],
    examples: [
      "tam incident import incident_log.csv --preset servicenow",
      "tam incident import export.csv --mapping servicenow.yaml",
      "tam incident import sd.csv --map external_id=Number --map title='Short description' --map priority=Priority --map opened=Opened --date-format 'DD-MM-YYYY HH:mm' --empty '?'",
    ],
    run: async ({ globals, args: [file], options, output }) => (await import("../commands/incident-import.js")).runIncidentImport(globals, file, options as IncidentImportOptions, output),
  },
  escalateRow("incident", "<id>", "INC-0056"),
];

// --- shell completion ---
const completion: CommandDef[] = [
  {
    path: ["completion"],
    args: ["<shell>"],
    description: "print the completion script for bash, zsh or fish (commands, options, and the project's change, task, doc and incident ids)",
    examples: [
      "tam completion bash > ~/.local/share/bash-completion/completions/tam",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: ${fpath[1]} is zsh's, shown to the user as typed
      'tam completion zsh > "${fpath[1]}/_tam"',
      "tam completion fish > ~/.config/fish/completions/tam.fish",
      "source <(tam completion bash)   # in ~/.bashrc",
    ],
    run: async ({ program, args: [shell], output }) => (await import("../commands/completion.js")).runCompletion(program, shell, output),
  },
  {
    path: ["__complete"],
    args: ["<kind>"],
    hidden: true,
    description: "ids of the current project for the completion scripts, one per line",
    examples: [],
    run: async ({ globals, args: [kind], output }) => (await import("../commands/complete-ids.js")).runCompleteIds(globals, kind, output),
  },
];

/** Every command, parents before their subcommands; the order of `tam --help`. */
export const COMMANDS: readonly CommandDef[] = [validate, init, schema, ...change, ...task, status, ...portfolio, ...docs, report, ...arch, ...rec, ...meeting, ...sla, ...incident, ...completion];
