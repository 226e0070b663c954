// The answers tam init needs: from flags, or asked with inquirer in a terminal.
import { basename } from "node:path";
import { UsageError } from "../errors.js";
import { nonEmpty, optionalEmail, timeZone } from "../domain/answer-checks.js";
import type { Prompter } from "./prompter.js";
import type { CiSystem } from "../project/templates.js";

export interface InitAnswers {
  client: string;
  projectId: string;
  tam: string;
  tamEmail?: string;
  timezone: string;
  sla: "standard" | "business" | "premium";
  /** The prompter that asked (so the summary is shown and confirmed before anything is written). */
  askedBy?: Prompter;
}

const SLA_TIERS: Record<InitAnswers["sla"], [string, string, string, string, number][]> = {
  // priority, response, resolution, calendar, goal %
  premium: [
    ["P1", "15m", "4h", "24x7", 95],
    ["P2", "30m", "8h", "24x7", 95],
    ["P3", "2h", "2d", "24x7", 90],
    ["P4", "8h", "40h", "business", 90],
  ],
  business: [
    ["P1", "30m", "4h", "24x7", 95],
    ["P2", "1h", "8h", "24x7", 90],
    ["P3", "4h", "16h", "business", 90],
    ["P4", "8h", "40h", "business", 85],
  ],
  standard: [
    ["P1", "1h", "8h", "24x7", 90],
    ["P2", "2h", "16h", "business", 90],
    ["P3", "8h", "40h", "business", 85],
    ["P4", "16h", "80h", "business", 80],
  ],
};

export function slaBlock(tier: InitAnswers["sla"]): string {
  return SLA_TIERS[tier].map(([p, response, resolution, calendar, goal]) => `  ${p}: { response: ${response}, resolution: ${resolution}, calendar: ${calendar}, goal: ${goal} }`).join("\n");
}

/** "P1 30m/4h, P2 1h/8h, …": response and resolution targets, for the wizard's summary. */
export function slaSummary(tier: InitAnswers["sla"]): string {
  return SLA_TIERS[tier].map(([p, response, resolution]) => `${p} ${response}/${resolution}`).join(", ");
}

function projectIdFrom(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "project"
  );
}

/** What `tam init` is given on the command line (every question it would ask, answered). */
export interface InitOptions {
  client?: string;
  projectId?: string;
  tam?: string;
  tamEmail?: string;
  timezone?: string;
  sla?: InitAnswers["sla"];
  yes?: boolean;
  git?: boolean;
  ci?: CiSystem | "none";
}

/** What the wizard offers when no flag says otherwise: git's user is the TAM, as for `--by`. */
export interface InitDefaults {
  tam?: string;
  tamEmail?: string;
}

export async function askInitAnswers(options: InitOptions, target: string, prompter?: Prompter, known: InitDefaults = {}): Promise<InitAnswers> {
  const defaultZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const ask = prompter;
  if (!ask) {
    if (!options.client) throw new UsageError("--client is required when not asking in a terminal (or with --yes)");
    if (!options.tam) throw new UsageError("--tam is required when not asking in a terminal (or with --yes)");
    const emailProblem = optionalEmail(options.tamEmail ?? "");
    if (emailProblem !== true) throw new UsageError(`--tam-email: ${emailProblem}`);
    return {
      client: options.client,
      projectId: options.projectId ?? projectIdFrom(options.client),
      tam: options.tam,
      tamEmail: options.tamEmail,
      timezone: options.timezone ?? defaultZone,
      sla: options.sla ?? "business",
    };
  }
  // Each answer is checked as it is typed: a bad one is asked again, none is lost at the end.
  const client = await ask.input({ message: "Client name:", default: options.client ?? basename(target), validate: nonEmpty("a name") });
  const tam = await ask.input({ message: "TAM (your name):", default: options.tam ?? known.tam, validate: nonEmpty("a name") });
  const tamEmail = await ask.input({
    message: "TAM e-mail (optional):",
    default: options.tamEmail ?? (known.tamEmail && optionalEmail(known.tamEmail) === true ? known.tamEmail : ""),
    validate: optionalEmail,
  });
  const timezone = await ask.input({ message: "Default time zone (IANA, e.g. Europe/Moscow):", default: options.timezone ?? defaultZone, validate: timeZone });
  const sla = await ask.select({ message: "SLA tier:", choices: ["premium", "business", "standard"] as const, default: options.sla ?? "business" });
  return {
    client: client.trim(),
    projectId: options.projectId ?? projectIdFrom(client),
    tam: tam.trim(),
    tamEmail: tamEmail.trim() || undefined,
    timezone: timezone.trim(),
    sla,
    askedBy: ask,
  };
}
