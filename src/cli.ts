// All commander wiring. Command modules are imported lazily inside actions so that
// `tam --help` and `tam --version` load neither ajv, inquirer nor simple-git.
import { Command, InvalidArgumentError, Option } from "commander";
import type { GlobalOptions, Output } from "./commands/context.js";
import { reportError, safeForTerminal, terminalSafe } from "./commands/report-error.js";
import { FORMAT_NAMES } from "./format/names.js";
import { VERSION } from "./version.js";

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}

const formatOption = (choices: readonly string[], fallback: string) => new Option("-f, --format <format>", "output format").choices(choices).default(fallback);
/** Options of every command that writes: how long to wait for another tam write, and whether to take the user's local changes along. */
const waitOption = () =>
  new Option("--wait <seconds>", "wait up to this long for another tam write to finish (default 60)").argParser((value) => {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError("expected a number of seconds, e.g. 120");
    return Number(value);
  });
const localChangesOption = () => new Option("--include-local-changes", "commit uncommitted changes already in the file together with this update (the commit message says so)");
const noVerifyOption = () => new Option("--no-verify", "commit without running the repository's git hooks (pre-commit, commit-msg, post-commit); the commit message says so");
const asOfOption = () => new Option("--as-of <date>", "evaluate as of this date (YYYY-MM-DD) or timestamp, for reproducible output");

/**
 * The program. `output` replaces stdout and stderr (the in-process corpus and fuzz runs capture
 * what each command prints); without it, commands print to the process's streams.
 */
export function buildProgram(setExit: (code: number) => void, output?: Output): Command {
  const program = new Command("tam")
    .description("Technical Account Manager's toolkit: validate a client project, plan changes across departments, keep docs current, report SLA.")
    .version(VERSION, "-V, --version")
    .option("-C, --project <dir>", "project folder (default: nearest folder upward holding tam.yaml)")
    .option("--no-color", "never colour the output")
    .option("--debug", "show stack traces of internal errors")
    .showHelpAfterError("(run with --help for usage)")
    // Commander echoes argument values back ("unknown option '…'"): through the output-safety sink.
    // Set before any subcommand is added: subcommands copy it.
    .configureOutput({
      // terminalSafe, not the sink alone: commander adds no colour, and the sink keeps colour codes.
      writeErr: (text) => (output ? output.err(terminalSafe(text)) : process.stderr.write(terminalSafe(text))),
      writeOut: (text) => (output ? output.out(terminalSafe(text)) : process.stdout.write(terminalSafe(text))),
    })
    // Set before any subcommand is added: subcommands copy it, so their usage errors exit 2 too.
    .exitOverride()
    .addHelpText("after", examples("tam validate -C examples/northwind", "tam change plan CHG-0003", "tam docs check --as-of 2026-11-20", "tam sla report --period 2026-10"));
  const globals = () => program.opts<GlobalOptions>();

  // --format and --output pair up in the order given: an --output writes the --format before it.
  const VALIDATE_FORMATS: readonly string[] = FORMAT_NAMES.validate;
  const reports: { format: string; output?: string }[] = [];
  program
    .command("validate")
    .description("check every file against its schema and the project's cross-file rules (for CI)")
    .addOption(
      new Option("-f, --format <format>", "output format (default: pretty); repeatable, each with its own --output")
        .choices(VALIDATE_FORMATS)
        // After choices(): commander keeps the choices for help and completion, this parser checks them.
        .argParser((format: string) => {
          if (!VALIDATE_FORMATS.includes(format)) throw new InvalidArgumentError(`Allowed choices are ${VALIDATE_FORMATS.join(", ")}.`);
          reports.push({ format });
          return format;
        }),
    )
    .addOption(
      new Option("-o, --output <file>", "write the report of the --format before it into this file instead of stdout").argParser((file: string) => {
        const last = reports.at(-1) ?? reports[reports.push({ format: "pretty" }) - 1]!;
        if (last.output !== undefined) throw new InvalidArgumentError(`--format ${last.format} already goes to ${last.output}: give each --output its own --format before it.`);
        last.output = file;
        return file;
      }),
    )
    .addOption(new Option("--fail-on <severity>", "lowest severity that makes the exit code 1").choices(["error", "warning", "info"]).default("error"))
    .addOption(asOfOption())
    .addHelpText(
      "after",
      examples(
        "tam validate",
        "tam validate -C examples/northwind --format github",
        "tam validate --format sarif --output tam.sarif --format github",
        "tam validate --format codeclimate --output gl-code-quality-report.json",
        "tam validate --fail-on warning",
      ),
    )
    .action(async (options: { failOn: "error" | "warning" | "info"; asOf?: string }) => {
      const { runValidate } = await import("./commands/validate.js");
      setExit(await runValidate(globals(), { failOn: options.failOn, asOf: options.asOf, reports }, output));
    });

  program
    .command("init [dir]")
    .description("create a new client project with schemas, templates, a CI workflow and a first commit")
    .option("--client <name>", "client's name")
    .option("--project-id <id>", "project id (default: from the client's name)")
    .option("--tam <name>", "the TAM's name")
    .option("--tam-email <email>", "the TAM's e-mail")
    .option("--timezone <zone>", "default IANA time zone", undefined)
    .addOption(new Option("--sla <tier>", "SLA tier").choices(["standard", "business", "premium"]))
    .option("-y, --yes", "accept defaults, never prompt")
    .option("--no-git", "do not run git init or commit")
    .addOption(new Option("--ci <system>", "CI configuration to write").choices(["github", "gitlab", "none"]).default("github"))
    .option("--adopt", "set up an existing project folder instead (commit it; record the docs baseline if it has history)")
    .addHelpText(
      "after",
      examples(
        "tam init acme --client 'ACME Corp' --tam 'Irina Petrova' --timezone Europe/Moscow --yes",
        "tam init acme --client 'ACME Corp' --tam 'Irina Petrova' --ci gitlab --yes",
        "tam init   # asks in a terminal",
      ),
    )
    .action(async (dir, options) => {
      if (options.adopt) {
        const { runInitAdopt } = await import("./commands/init-adopt.js");
        return setExit(await runInitAdopt(globals(), dir, output));
      }
      const { runInit } = await import("./commands/init.js");
      setExit(await runInit(globals(), dir, options, output));
    });

  program
    .command("schema [kind]")
    .description("print a JSON Schema (tam, departments, architecture, change, incidents, docs, recommendations) or write them all")
    .option("--write [dir]", "write every schema into this folder (default: the project's .tam/schemas, which its modelines point at)")
    .addHelpText("after", examples("tam schema change", "tam schema --write   # refresh the project's .tam/schemas after upgrading tam", "tam schema --write /tmp/schemas"))
    .action(async (kind, options) => {
      const { runSchema } = await import("./commands/schema.js");
      setExit(await runSchema(globals(), kind, options, output));
    });

  // --- change planning (issue 3) ---
  const change = program
    .command("change")
    .description("plan, create and move changes through their lifecycle (approve, start, close, cancel, reject)")
    .addHelpText("after", examples("tam change plan CHG-0003 --as-of 2026-11-20", "tam change new"));
  change
    .command("plan <id>")
    .description("decompose a change into ordered department tasks, schedule them on the departments' calendars, check them")
    .addOption(formatOption(FORMAT_NAMES.plan, "table"))
    .addOption(asOfOption())
    .option("--write", "store the tasks in the change file (keeps comments and formatting of the rest)")
    .option("--no-commit", "with --write: do not commit the change file")
    .addOption(
      new Option("--fail-on <severity>", "lowest severity of a finding (late, at risk, past due, window overflow, …) that makes the exit code 1")
        .choices(["error", "warning", "info", "never"])
        .default("error"),
    )
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addHelpText("after", examples("tam change plan CHG-0003 --as-of 2026-11-20", "tam change plan CHG-0003 --format mermaid > plan.md", "tam change plan CHG-0003 --write"))
    .action(async (id, options) => {
      const { runChangePlan } = await import("./commands/change-plan.js");
      setExit(await runChangePlan(globals(), id, options, output));
    });
  change
    .command("check <id>")
    .description("go/no-go: each readiness item (plan, rollback, test plan, backup, approver, blackout, conflict, forecast) with pass or fail and why; exit 1 when one fails")
    .addOption(formatOption(FORMAT_NAMES.check, "text"))
    .addOption(asOfOption())
    .addHelpText("after", examples("tam change check CHG-0006 --as-of 2026-11-20", "tam change check CHG-0004 --format json"))
    .action(async (id, options) => {
      const { runChangeCheck } = await import("./commands/change-check.js");
      setExit(await runChangeCheck(globals(), id, options, output));
    });
  change
    .command("new")
    .description("write a new change file with the next free id (asks in a terminal; flags for scripts)")
    .option("--title <text>", "short title")
    .option("--request <text>", "the client's request, in their words")
    .option("--requested-by <name>", "who asked")
    .addOption(new Option("--type <type>", "change type").choices(["standard", "normal", "emergency"]))
    .option("--due <date>", "due date, YYYY-MM-DD")
    .option("--component <id:action>", "a component touched, action add|modify|remove (repeatable)", (v: string, all: string[] = []) => [...all, v])
    .option("--new-component <id:kind[:name[:deps]]>", "a component the change adds (repeatable)", (v: string, all: string[] = []) => [...all, v])
    .option("--rollback <text>", "how to undo the change")
    .option("--id <id>", "change id (default: the next free CHG-NNNN)")
    .option("-y, --yes", "never prompt")
    .option("--no-commit", "do not commit the new file")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addOption(asOfOption())
    .addHelpText(
      "after",
      examples(
        "tam change new   # asks in a terminal",
        "tam change new --title 'Redis for sessions' --type normal --due 2026-12-15 --new-component shop-redis:redis:'Redis for sessions':app-os --rollback 'Remove the VM' --yes",
      ),
    )
    .action(async (options) => {
      const { runChangeNew } = await import("./commands/change-new.js");
      setExit(await runChangeNew(globals(), options, output));
    });

  for (const [action, what, example] of [
    [
      "approve",
      "record the client's (or the CAB's) approval: --by a client decision maker (can_approve in tam.yaml) or CAB; refused while a readiness item fails (tam change check) unless --force --reason; stores the baseline (the promise) if none; a normal change needs it before any task starts, an emergency change records it afterwards",
      "tam change approve CHG-0003 --by 'Elena Smirnova' --via client --note 'e-mail of 2026-11-21'",
    ],
    ["start", "start the implementation (tasks starting also do this); refused while a readiness item fails unless --force --reason", "tam change start CHG-0003"],
    [
      "close",
      "close a change after its post-implementation review: --outcome and --note; a successful change writes its components to architecture.yaml in the same commit",
      "tam change close CHG-0003 --outcome successful --note 'Launched on time; restore test passed'",
    ],
    ["cancel", "cancel an open change; --note says why", "tam change cancel CHG-0004 --note 'Replaced by CHG-0007'"],
    ["reject", "record that the client or the CAB rejected a change awaiting approval; --note says why", "tam change reject CHG-0006 --note 'No budget this year'"],
  ] as const) {
    const command = change
      .command(`${action} <id>`)
      .description(what)
      .option("--by <name>", action === "approve" ? "required: the client decision maker who approved (can_approve in tam.yaml), or CAB" : "who does it (default: git user.name, else $USER)")
      .option("--note <text>", action === "close" ? "the post-implementation review note" : "comment stored in the change's history");
    if (action === "approve") command.addOption(new Option("--via <how>", "client sign-off or change advisory board").choices(["client", "cab"]));
    if (action === "approve" || action === "start")
      command
        .option("--force", "go past failing readiness items (tam change check); needs --reason, recorded in the change's history as an accepted risk")
        .option("--reason <text>", "with --force or --correct: why");
    if (action === "approve") command.option("--correct", "correct the approver of a recorded approval (--by the right person, --reason); recorded in the history");
    if (action === "close") command.addOption(new Option("--outcome <outcome>", "how the change ended").choices(["successful", "with-issues", "rolled-back"]));
    command
      .option("--no-commit", "write the files but do not commit them")
      .addOption(waitOption())
      .addOption(localChangesOption())
      .addOption(noVerifyOption())
      .addOption(asOfOption())
      .addHelpText("after", examples(example))
      .action(async (id, options) => {
        const { runChangeStep } = await import("./commands/change-step.js");
        setExit(await runChangeStep(globals(), action, id, options, output));
      });
  }

  change
    .command("rebaseline <id>")
    .description(
      "move the promise (baseline: planned dates, internal ×2 and client ×3 dates) to today's forecast, as a recorded act with --reason; tam status lists the change until the client is told",
    )
    .option("--reason <text>", "required: why the promise moves")
    .option("--by <name>", "who does it (default: git user.name, else $USER)")
    .option("--no-commit", "write the file but do not commit it")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addOption(asOfOption())
    .addHelpText("after", examples("tam change rebaseline CHG-0002 --reason 'SIEM licence delayed by the vendor; agreed with Dmitry Sokolov'"))
    .action(async (id, options) => {
      const { runChangeRebaseline } = await import("./commands/change-rebaseline.js");
      setExit(await runChangeRebaseline(globals(), id, options, output));
    });
  change
    .command("notify <id>")
    .description(
      "write the client's status update on a change: done since the last notice, next steps with the promised dates, what is late or blocked and what is done about it, what the client must do; records the notice in the change",
    )
    .addOption(formatOption(FORMAT_NAMES.notice, "markdown"))
    .option("--by <name>", "who sends it (default: git user.name, else $USER)")
    .option("--no-record", "only print the notice: store nothing (a preview)")
    .option("--no-commit", "record the notice in the change file but do not commit it")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addOption(asOfOption())
    .addHelpText("after", examples("tam change notify CHG-0002", "tam change notify CHG-0002 --format text > mail.txt", "tam change notify CHG-0002 --no-record   # preview"))
    .action(async (id, options) => {
      const { runChangeNotify } = await import("./commands/change-notify.js");
      setExit(await runChangeNotify(globals(), id, options, output));
    });

  change
    .command("dispatch <id>")
    .description("the change's open tasks as tickets for the departments' queues: a CSV for Jira's or ServiceNow's importer (or json); nothing in the project changes")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMAT_NAMES.dispatch).makeOptionMandatory())
    .option("-o, --output <file>", "write the file here instead of standard output")
    .addOption(asOfOption())
    .addHelpText("after", examples("tam change dispatch CHG-0002 --format jira-csv -o chg-0002-jira.csv", "tam change dispatch CHG-0002 --format servicenow-csv -o chg-0002-snow.csv"))
    .action(async (id, options) => {
      const { runChangeDispatch } = await import("./commands/change-dispatch.js");
      setExit(await runChangeDispatch(globals(), id, options, output));
    });

  const task = program
    .command("task")
    .description("record a department's progress on a change task (one commit per update)")
    .addHelpText("after", examples("tam task start CHG-0003/T2", "tam task done CHG-0003/T2 --note 'VMs up'", "tam task block CHG-0003/T4 --note 'waiting for the licence'"));
  for (const [action, what] of [
    [
      "start",
      "start a task (refused while the tasks it waits for are open, a normal change is not approved, or, for the first work on the change, a readiness item of tam change check fails; unless --force with --reason)",
    ],
    ["done", "mark a task done (refused while the tasks it waits for are open, unless --force with --reason)"],
    ["block", "mark a task blocked; --note says on what"],
    ["unblock", "take a task out of blocked"],
    ["cancel", "cancel a task (refused while the tasks it waits for are open, unless --force with --reason)"],
  ] as const) {
    task
      .command(`${action} <ref>`)
      .description(`${what}; <ref> is CHANGE/TASK, e.g. CHG-0003/T2`)
      .option("--note <text>", "comment stored in the task's history")
      .option("--by <name>", "who reports it (default: git user.name, else $USER)")
      .option("--force", "break a rule (predecessors not finished, change not approved); needs --reason, recorded in the task's history")
      .option("--reason <text>", "with --force: why the rule is broken")
      .option("--no-commit", "write the file but do not commit it")
      .addOption(waitOption())
      .addOption(localChangesOption())
      .addOption(noVerifyOption())
      .addOption(asOfOption())
      .addHelpText(
        "after",
        examples(
          `tam task ${action} CHG-0003/T2${action === "block" ? " --note 'waiting for the VLAN'" : ""}`,
          `tam task ${action} CHG-0003/T2 --by 'Roman Zaitsev' --no-commit${action === "block" ? " --note 'no licence'" : ""}`,
        ),
      )
      .action(async (ref, options) => {
        const { runTask } = await import("./commands/task.js");
        setExit(await runTask(globals(), action, ref, options, output));
      });
  }

  task
    .command("sync <export>")
    .description("bring the departments' ticket statuses back from a Jira or ServiceNow CSV export: matched by the [CHG/T] reference, applied through the rules of tam task, one commit")
    .addOption(new Option("--preset <preset>", "the export's columns and statuses").choices(["jira", "servicenow"]))
    .option("--mapping <file>", "a YAML mapping file of the same shape as templates/sync/*.yaml (instead of --preset)")
    .addOption(new Option("--encoding <encoding>", "encoding of the export").choices(["utf8", "latin1"]))
    .addOption(formatOption(FORMAT_NAMES.sync, "text"))
    .option("--force", "apply ticket states that break a rule (predecessors not finished, change not approved); needs --reason, recorded in the history")
    .option("--reason <text>", "with --force: why the rules are broken")
    .option("--no-commit", "write the files but do not commit them")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addOption(asOfOption())
    .addHelpText("after", examples("tam task sync jira-export.csv --preset jira", "tam task sync change_task.csv --preset servicenow --format json"))
    .action(async (file, options) => {
      const { runTaskSync } = await import("./commands/task-sync.js");
      setExit(await runTaskSync(globals(), file, options, output));
    });

  program
    .command("status")
    .description("open changes: progress, tasks ready to start per department, in progress, blocked, late")
    .addOption(formatOption(FORMAT_NAMES.status, "table"))
    .addOption(asOfOption())
    .option("--department <id>", "only what this department can pick up and has on its plate")
    .option("--mine", "only tasks assigned to me (git user.name, else $USER)")
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when the schedule has a finding of this severity or worse (late, at risk, past due, window overflow)")
        .choices(["error", "warning", "info", "never"])
        .default("never"),
    )
    .addHelpText("after", examples("tam status --as-of 2026-11-20", "tam status --department unix", "tam status --mine", "tam status --format json --fail-on error"))
    .action(async (options) => {
      const { runStatus } = await import("./commands/status.js");
      setExit(await runStatus(globals(), options, output));
    });

  // --- portfolio: all clients at once (issue 31) ---
  const portfolioCommand = program
    .command("portfolio")
    .description("all client projects at once, most urgent first: promises late or at risk, blocked work, open P1/P2, SLA month to date, stale docs")
    .argument("[paths...]", "client project folders, or globs such as 'clients/*'")
    .option("--file <portfolio.yaml>", "a portfolio file listing client project folders and git URLs (clients: [paths])")
    .addOption(formatOption(FORMAT_NAMES.portfolio, "table"))
    .addOption(asOfOption())
    .option("--tam <name-or-email>", "only the clients of this TAM (tam.yaml's tam)")
    .option("--mine [name-or-email]", "only my clients: git's user.name or user.email, or the name or e-mail given")
    .option("--cache <folder>", "where clients named by a git URL are cloned (default: ~/.cache/tam/portfolio)")
    .addHelpText(
      "after",
      examples(
        "tam portfolio 'clients/*'",
        "tam portfolio --file examples/portfolio.yaml --as-of 2026-11-20",
        "tam portfolio --file portfolio.yaml --format markdown --tam anna.volkova@provider.example",
        "tam portfolio --file portfolio.yaml --mine --format html > portfolio.html",
      ),
    )
    .action(async (paths: string[], options) => {
      const { runPortfolio } = await import("./commands/portfolio.js");
      setExit(await runPortfolio(globals(), paths, options, output));
    });
  portfolioCommand
    .command("find")
    .description("which clients run a product (at a version): client, component, version, what depends on it, the TAM to call")
    .argument("[paths...]", "client project folders, or globs such as 'clients/*'")
    .option("--file <portfolio.yaml>", "a portfolio file listing client project folders")
    .requiredOption("--product <name>", "the product as components record it (case-insensitive), e.g. 'Windows Server'")
    // Not --version: that one is tam's own, wherever it stands on the command line.
    .option("--versions <constraint>", "versions to list, e.g. '<2019', '>=8.0.3', '>=8.0,<8.0.35'")
    .option("--internet-facing", "only components reachable from the internet")
    .option("--cache <folder>", "where clients named by a git URL are cloned (default: ~/.cache/tam/portfolio)")
    .addOption(new Option("-f, --format <format>", "output format (default: table)").choices(FORMAT_NAMES.portfolioFind))
    .addHelpText(
      "after",
      examples("tam portfolio find --product 'Windows Server' --versions '<2019' --internet-facing clients/*", "tam portfolio find --product PostgreSQL --file portfolio.yaml --format json"),
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runPortfolioFind } = await import("./commands/portfolio.js");
      // `tam portfolio` has --format and --file too, and takes them wherever they stand: its values count when the subcommand has none.
      const parent = command.parent?.opts() ?? {};
      const merged = { ...options, format: options.format ?? parent.format ?? "table", file: options.file ?? parent.file, cache: options.cache ?? parent.cache };
      setExit(await runPortfolioFind(globals(), paths, merged, output));
    });

  // --- documentation freshness (issue 4) ---
  const docs = program
    .command("docs")
    .description("documentation freshness: which docs are stale since the architecture changed, record reviews")
    .addHelpText("after", examples("tam docs check", "tam docs review network --note 'VLAN plan re-exported'"));

  docs
    .command("check")
    .description("state of every document in docs.yaml (fresh, due, stale, broken) with reasons, and components no doc covers")
    .addOption(formatOption(FORMAT_NAMES.docs, "table"))
    .addOption(new Option("--fail-on <state>", "exit 1 when a doc is in this state or worse (stale includes broken)").choices(["stale", "due", "never"]).default("stale"))
    .addOption(asOfOption())
    .option("--owner <name>", "only docs owned by this person, department id or department name")
    .addHelpText(
      "after",
      examples(
        "tam docs check -C examples/northwind --as-of 2026-11-20",
        "tam docs check --owner 'Anna Volkova'",
        "tam docs check --format github --fail-on due",
        "tam docs check --format markdown > docs-status.md",
      ),
    )
    .action(async (options) => {
      const { runDocsCheck } = await import("./commands/docs-check.js");
      setExit(await runDocsCheck(globals(), options, output));
    });

  docs
    .command("review <doc>")
    .description("record today's review of a document in docs.yaml (keeps comments and formatting) and commit that file")
    .option("--by <name>", "who reviewed it (default: git user.name, else $USER)")
    .option("--note <text>", "what was checked or changed")
    .option("--date <date>", "date of the review, YYYY-MM-DD (default: today)")
    .addOption(asOfOption())
    .option("--edit-was-review", "the last commit that edited the doc's file was the review: take its date, author and hash")
    .option("--no-commit", "write docs.yaml but do not commit it")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addHelpText(
      "after",
      examples(
        "tam docs review network",
        "tam docs review db-runbook --by 'Victoria Lebedeva' --note 'Failover steps checked'",
        "tam docs review web-runbook --edit-was-review",
        "tam docs review contacts --no-commit",
      ),
    )
    .action(async (doc, options) => {
      const { runDocsReview } = await import("./commands/docs-review.js");
      setExit(await runDocsReview(globals(), doc, options, output));
    });

  docs
    .command("baseline [rev]")
    .description("record in tam.yaml that the docs match the architecture as of a commit (default HEAD): adopting a project with its history")
    .option("--by <name>", "who records it (default: git user.name, else $USER)")
    .option("--note <text>", "why, e.g. imported with its history")
    .addOption(asOfOption())
    .option("--no-commit", "write tam.yaml but do not commit it")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addHelpText("after", examples("tam docs baseline", "tam docs baseline 4f1c2e9 --note 'Imported from the old wiki repository'"))
    .action(async (rev, options) => {
      const { runDocsBaseline } = await import("./commands/docs-baseline.js");
      setExit(await runDocsBaseline(globals(), rev, options, output));
    });
  // --- client-meeting report (issues 6, 21) ---
  program
    .command("report")
    .description("the report for a client meeting: service summary, work done and planned, SLA with trend, recommendations, decisions")
    .addOption(formatOption(FORMAT_NAMES.report, "markdown"))
    .addOption(
      new Option("--audience <audience>", "client: the edition to hand over; internal: adds internal dates, chores and data-quality warnings").choices(["client", "internal"]).default("client"),
    )
    .option("--period <month>", "a month, YYYY-MM (default: the last full month)")
    .option("--from <date>", "first day of the period (YYYY-MM-DD)")
    .option("--to <date>", "last day of the period (YYYY-MM-DD)")
    .option("--since <date|file>", "what changed since the last meeting: its date (YYYY-MM-DD) or the report written then")
    .addOption(asOfOption())
    .option("-o, --output <file>", "write the report to this file instead of standard output")
    .addHelpText(
      "after",
      examples(
        "tam report --period 2026-10 --as-of 2026-11-20",
        "tam report --audience internal --since reports/2026-10.md",
        "tam report --format html -o reports/2026-11.html",
        "tam report --format json | jq .sla.total",
      ),
    )
    .action(async (options) => {
      const { runReport } = await import("./commands/report.js");
      setExit(await runReport(globals(), options, output));
    });

  // --- architecture graph and risks (issue 6) ---
  const arch = program
    .command("arch")
    .description("the architecture: dependency graph by department, and the risk audit for the client")
    .addHelpText("after", examples("tam arch graph --format mermaid", "tam arch risks --as-of 2026-11-20"));
  arch
    .command("graph")
    .description("draw the components grouped by owning department, with an edge per dependency")
    .addOption(formatOption(FORMAT_NAMES.graph, "mermaid"))
    .addHelpText("after", examples("tam arch graph > architecture.mmd", "tam arch graph --format dot | dot -Tsvg > architecture.svg", "tam arch graph --format json"))
    .action(async (options) => {
      const { runArchGraph } = await import("./commands/arch-graph.js");
      setExit(await runArchGraph(globals(), options, output));
    });
  arch
    .command("risks")
    .description("single points of failure, missing monitoring or backup, recurring incidents, undocumented components; each argued, with a proposed change")
    .addOption(formatOption(FORMAT_NAMES.risks, "table"))
    .addOption(asOfOption())
    .addOption(new Option("--fail-on <severity>", "exit 1 when a risk of this severity is found (default: risks are advice, exit 0)").choices(["high"]))
    .option("--verbose", "the table argues each risk in full (default: one line per kind of risk, with the components)")
    .addHelpText(
      "after",
      examples("tam arch risks -C examples/northwind --as-of 2026-11-20", "tam arch risks --verbose", "tam arch risks --format markdown > risks.md", "tam arch risks --format json --fail-on high"),
    )
    .action(async (options) => {
      const { runArchRisks } = await import("./commands/arch-risks.js");
      setExit(await runArchRisks(globals(), options, output));
    });

  // --- the register of recommendations (issue 30) ---
  const rec = program
    .command("rec")
    .description("the register of recommendations (recommendations.yaml): what was advised, presented, accepted as a change or declined as an accepted risk")
    .addHelpText("after", examples("tam rec list", "tam rec add --risk spof:shop-pg", "tam rec accept REC-005 --change CHG-0004 --decision-maker 'Elena Smirnova'"));
  rec
    .command("list")
    .description("every recommendation and what is on record for it as of a day (done once its change is; a declined one past its review date is to review)")
    .addOption(formatOption(FORMAT_NAMES.rec, "table"))
    .addOption(asOfOption())
    .addHelpText("after", examples("tam rec list -C examples/northwind --as-of 2026-11-20", "tam rec list --format json"))
    .action(async (options) => {
      const { runRecList } = await import("./commands/rec.js");
      setExit(await runRecList(globals(), options, output));
    });
  const collectValues = (value: string, previous: string[] = []) => [...previous, value];
  const recWrite = (name: string, description: string, action: "add" | "present" | "accept" | "decline", lines: string[], extra: (command: Command) => Command) => {
    const command = rec.command(name).description(description);
    extra(command)
      .option("--by <name>", "who records it, the commit's author (default: git user.name, else $USER)")
      .addOption(formatOption(FORMAT_NAMES.recWrite, "text"))
      .addOption(asOfOption())
      .option("--no-commit", "write recommendations.yaml but do not commit it")
      .addOption(waitOption())
      .addOption(localChangesOption())
      .addOption(noVerifyOption())
      .addHelpText("after", examples(...lines))
      .action(async (...args: unknown[]) => {
        const id = action === "add" ? undefined : (args[0] as string);
        const options = (action === "add" ? args[0] : args[1]) as Parameters<typeof import("./commands/rec.js").runRecWrite>[3];
        const { runRecWrite } = await import("./commands/rec.js");
        setExit(await runRecWrite(globals(), action, id, options, output));
      });
  };
  recWrite(
    "add",
    "add a recommendation: one answering a risk of `tam arch risks` (its client wording by default), or an engineer's proposal",
    "add",
    ["tam rec add --risk spof:shop-pg", "tam rec add --author 'Kirill Popov' --title 'Alert on the NAS filling up' --component nas"],
    (c) =>
      c
        .option("--risk <id>", "the risk it answers, as `tam arch risks` names it")
        .option("--author <name>", "an engineer's proposal: who made it")
        .option("--id <id>", "its id (default: the next REC-NNN)")
        .option("--title <text>", "what is recommended, in the client's terms (default for a risk: its recommendation)")
        .option("--argument <text>", "why it matters to the client (default for a risk: its argument)")
        .option("--component <id>", "a component it concerns (repeatable; default for a risk: its components)", collectValues),
  );
  recWrite("present <id>", "record that a recommendation was presented to the client", "present", ["tam rec present REC-006 --meeting '2026-11 monthly review'"], (c) =>
    c.option("--date <date>", "the day it was presented, YYYY-MM-DD (default: today)").option("--meeting <name>", "the meeting it was presented in"),
  );
  recWrite(
    "accept <id>",
    "record that the client accepted a recommendation, and the change that carries it out",
    "accept",
    ["tam rec accept REC-005 --change CHG-0004 --decision-maker 'Elena Smirnova'"],
    (c) =>
      c
        .option("--change <id>", "the change that carries it out (required)")
        .option("--decision-maker <name>", "the client's decision maker who accepted it (a contact of tam.yaml)")
        .option("--date <date>", "the day it was accepted, YYYY-MM-DD (default: today)"),
  );
  recWrite(
    "decline <id>",
    "record that the client declined a recommendation: the risk accepted by a decision maker until a review date",
    "decline",
    ["tam rec decline REC-006 --decision-maker 'Elena Smirnova' --review 2027-05-01 --note 'No budget this year'"],
    (c) =>
      c
        .option("--decision-maker <name>", "the client's decision maker who declined it and accepts the risk (a contact of tam.yaml; required)")
        .option("--review <date>", "when to review the accepted risk with the client, YYYY-MM-DD (required)")
        .option("--note <text>", "the client's reason")
        .option("--date <date>", "the day it was declined, YYYY-MM-DD (default: today)"),
  );

  // --- incidents and SLA (issue 5) ---
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const sla = program
    .command("sla")
    .description("SLA compliance of incidents: response and resolution times against the targets in tam.yaml")
    .addHelpText("after", examples("tam sla report --period 2026-10", "tam sla report --by department --format markdown"));
  sla
    .command("report")
    .description("compliance per priority, department or component; MTTA/MTTR; trend; open incidents; breaches; recurring causes")
    .addOption(formatOption(FORMAT_NAMES.sla, "table"))
    .option("--period <YYYY-MM>", "a calendar month in the project's zone (default: the last full month)")
    .option("--from <date>", "first day of the period (YYYY-MM-DD)")
    .option("--to <date>", "last day of the period (YYYY-MM-DD), inclusive")
    .addOption(new Option("--by <group>", "group incidents by").choices(["priority", "department", "component"]).default("priority"))
    .addOption(asOfOption())
    .addHelpText(
      "after",
      examples(
        "tam sla report --period 2026-10",
        "tam sla report --by department --format markdown > sla-2026-10.md",
        "tam sla report --from 2026-08-01 --to 2026-10-31 --format csv",
        "tam sla report --as-of 2026-11-20 --format json",
      ),
    )
    .action(async (options) => {
      const { runSlaReport } = await import("./commands/sla-report.js");
      setExit(await runSlaReport(globals(), options, output));
    });

  const incident = program
    .command("incident")
    .description("record incidents: add, update their times and causes, import service-desk exports")
    .addHelpText("after", examples("tam incident add", "tam incident update INC-0051 --resolved", "tam incident import export.csv --mapping servicenow.yaml"));
  incident
    .command("add")
    .description("add an incident to incidents/<YYYY-MM>.yaml (asks in a terminal, flags otherwise)")
    .option("--title <text>", "short description")
    .addOption(new Option("--priority <priority>", "priority").choices(["P1", "P2", "P3", "P4"]))
    .option("--component <id>", "affected component (repeatable)", collect)
    .option("--department <id>", "department handling it")
    .option("--opened <time>", "when it was registered (ISO timestamp; default: now)")
    .option("--responded <time>", "first response time")
    .option("--cause <category>", "cause category")
    .option("--root-cause <text>", "root cause")
    .option("--external-id <id>", "id in the service desk")
    .option("-y, --yes", "never prompt")
    .option("--no-commit", "write the file but do not commit it")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addOption(asOfOption())
    .addHelpText("after", examples("tam incident add", "tam incident add --title 'Shop returns 502' --priority P1 --component shop-nginx --department unix --opened 2026-11-20T10:05:00+03:00"))
    .action(async (options) => {
      const { runIncidentAdd } = await import("./commands/incident-add.js");
      setExit(await runIncidentAdd(globals(), options, output));
    });
  incident
    .command("update <id>")
    .description("record a response, resolution, closing, a pause or the cause of an incident")
    .option("--responded [time]", "first response (default: now)")
    .option("--resolved [time]", "service restored (default: now)")
    .option("--closed [time]", "closed (default: now)")
    .option("--pause-from <time>", "start of a clock pause")
    .option("--pause-to <time>", "end of a clock pause (alone: ends the open pause)")
    .addOption(new Option("--pause-reason <reason>", "why the clock stops").choices(["client", "vendor", "other"]))
    .option("--pause-note <text>", "details of the pause")
    .option("--cause <category>", "cause category")
    .option("--root-cause <text>", "root cause")
    .option("--actions <text>", "what was done so that it does not recur")
    .addOption(new Option("--status <status>", "set the status explicitly").choices(["open", "responded", "resolved", "closed"]))
    .option("--no-commit", "write the file but do not commit it")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addOption(asOfOption())
    .addHelpText(
      "after",
      examples(
        "tam incident update INC-0051 --responded",
        "tam incident update INC-0051 --pause-from 2026-11-20T11:00:00+03:00 --pause-reason client",
        "tam incident update INC-0051 --pause-to 2026-11-20T13:00:00+03:00",
        "tam incident update INC-0051 --resolved --cause capacity --root-cause 'disk full'",
      ),
    )
    .action(async (id, options) => {
      const { runIncidentUpdate } = await import("./commands/incident-update.js");
      setExit(await runIncidentUpdate(globals(), id, options, output));
    });
  incident
    .command("review <id>")
    .description("record the post-incident review: cause, contributing factors, actions; writes reviews/<ID>.md too, in the same commit")
    .option("--held <date>", "when the review was held (YYYY-MM-DD; default: today)")
    .option("--by <name>", "who held it (default: git's user.name)")
    .option("--cause <text>", "the cause the review found, in a sentence")
    .option("--factor <text>", "a contributing factor (repeatable)", collect)
    .option("--action <text;owner;side;due>", "an action: what, who, provider|client, due date (repeatable)", collect)
    .option("--no-commit", "write the files but do not commit them")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(asOfOption())
    .addHelpText(
      "after",
      examples(
        "tam incident review INC-0004 --held 2026-08-12 --cause 'SAN failover hung' --factor 'one array' --action 'Quote a second array;Anna Volkova;provider;2026-08-20'",
        "tam incident action INC-0004/A1 done --note 'quote sent'",
      ),
    )
    .action(async (id, options) => {
      const { runIncidentReview } = await import("./commands/incident-review.js");
      setExit(await runIncidentReview(globals(), id, options, output));
    });
  incident
    .command("notify <id>")
    .description("write the client's update on an open incident: impact, what is being done, when the next update comes (cadence per priority: tam.yaml updates); records it on the incident")
    .addOption(formatOption(FORMAT_NAMES.notice, "markdown"))
    .option("--impact <text>", "what the client sees, in their words (default: the affected components)")
    .option("--doing <text>", "what is being done (default: the team on it, and the cause when known)")
    .option("--by <name>", "who sends it (default: git user.name, else $USER)")
    .option("--no-record", "only print the update: store nothing (a preview)")
    .option("--no-commit", "record the update in the incident file but do not commit it")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addOption(asOfOption())
    .addHelpText(
      "after",
      examples(
        "tam incident notify INC-0056 --doing 'The vendor engineer is replacing the controller'",
        "tam incident notify INC-0056 --format text > mail.txt",
        "tam incident notify INC-0056 --no-record   # preview",
      ),
    )
    .action(async (id, options) => {
      const { runIncidentNotify } = await import("./commands/incident-notify.js");
      setExit(await runIncidentNotify(globals(), id, options, output));
    });
  incident
    .command("action <ref> <state>")
    .description("mark a review action done (or open again): tam incident action INC-0004/A2 done --note '...'")
    .option("--note <text>", "what was done")
    .option("--no-commit", "write the files but do not commit them")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(asOfOption())
    .addHelpText("after", examples("tam incident action INC-0004/A2 done --note 'alert added'", "tam incident action INC-0004/A2 open --note 'the alert fires too late'"))
    .action(async (ref, state, options) => {
      const { runReviewAction } = await import("./commands/incident-review.js");
      setExit(await runReviewAction(globals(), ref, state, options, output));
    });
  incident
    .command("import <file>")
    .description("import a service-desk CSV export (one row per incident, or an event log); a later export updates what it imported")
    .option("--preset <name>", "a shipped mapping: servicenow (incident table or event log), jira-sm (templates/import/)")
    .option("--mapping <file>", "a YAML mapping file (columns, date format, states, value maps)")
    .option("--map <field=Column>", "map an incident field to a CSV column (repeatable; field= unmaps)", collect)
    .option("--title-template <text>", 'title when there is no title column, e.g. "{number} {category}" (CSV columns in braces)')
    .option("--date-format <pattern>", 'pattern of the dates, e.g. "DD-MM-YYYY HH:mm" (default: ISO 8601)')
    .option("--timezone <zone>", "zone of timestamps without an offset (default: the project's)")
    .option("--empty <value>", "a value meaning empty, such as ? (repeatable)", collect)
    .option("--event-log", "one row per state change: rows of one incident become one incident")
    .option("--initial-state <pattern>", "event log: a state before the first response; glob or /regex/ (repeatable)", collect)
    .option("--waiting-state <pattern[=reason]>", "event log: a state that pauses the clock, reason client|vendor|other (repeatable)", collect)
    .option("--resolved-state <pattern>", "event log: a resolved state (repeatable)", collect)
    .option("--closed-state <pattern>", "event log: a closed state (repeatable)", collect)
    .option("--strict", "anomalies (clamped times, unknown priorities, ...) are errors: nothing is written")
    .option("--skip-invalid", "skip the incidents with unreadable rows or anomalies and import the rest")
    .option("--unknown-priority <P1-P4>", "priority of incidents whose priority the mapping does not give (without it, such values stop the import)")
    .addOption(
      new Option("--closed-without-resolution <choice>", "a row closed or resolved without a resolution time: estimate it from the last update, or skip the row").choices(["estimate", "skip"]),
    )
    .addOption(new Option("--encoding <encoding>", "encoding of the file").choices(["utf8", "latin1"]))
    .option("--max-size <MB>", "refuse larger files (default: 200)")
    .addOption(formatOption(FORMAT_NAMES.import, "text"))
    .option("--no-commit", "write the files but do not commit them")
    .addOption(waitOption())
    .addOption(localChangesOption())
    .addOption(noVerifyOption())
    .addHelpText(
      "after",
      examples(
        "tam incident import incident_log.csv --preset servicenow",
        "tam incident import export.csv --mapping servicenow.yaml",
        "tam incident import sd.csv --map external_id=Number --map title='Short description' --map priority=Priority --map opened=Opened --date-format 'DD-MM-YYYY HH:mm' --empty '?'",
      ),
    )
    .action(async (file, options) => {
      const { runIncidentImport } = await import("./commands/incident-import.js");
      setExit(await runIncidentImport(globals(), file, options, output));
    });

  // --- shell completion (issue 9) ---
  program
    .command("completion <shell>")
    .description("print the completion script for bash, zsh or fish (commands, options, and the project's change, task, doc and incident ids)")
    .addHelpText(
      "after",
      examples(
        "tam completion bash > ~/.local/share/bash-completion/completions/tam",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: ${fpath[1]} is zsh's, shown to the user as typed
        'tam completion zsh > "${fpath[1]}/_tam"',
        "tam completion fish > ~/.config/fish/completions/tam.fish",
        "source <(tam completion bash)   # in ~/.bashrc",
      ),
    )
    .action(async (shell) => {
      const { runCompletion } = await import("./commands/completion.js");
      setExit(runCompletion(program, shell, output));
    });
  program
    .command("__complete <kind>", { hidden: true })
    .description("ids of the current project for the completion scripts, one per line")
    .action(async (kind) => {
      const { runCompleteIds } = await import("./commands/complete-ids.js");
      setExit(runCompleteIds(globals(), kind, output));
    });

  return program;
}

export { formatOption, asOfOption, examples };

/** Runs tam on `argv` (node, script, args…); with `output`, nothing is written to the process's streams. */
export async function main(argv: string[], output?: Output): Promise<number> {
  if (!output) {
    // `tam … | head` closes the pipe early: that is the reader's choice, not an error.
    for (const stream of [process.stdout, process.stderr]) {
      stream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
        throw error;
      });
    }
  }
  let code = 0;
  const program = buildProgram((c) => (code = c), output);
  const err = (text: string) => (output ? output.err(safeForTerminal(text)) : process.stderr.write(safeForTerminal(text)));
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    return reportError(error, debug, err);
  }
}
