// The answers tam init needs: from flags, or asked with inquirer in a terminal.
import { basename } from "node:path";
import { UsageError } from "../errors.js";
import type { InitOptions } from "./init.js";

export interface InitAnswers {
  client: string;
  projectId: string;
  tam: string;
  tamEmail?: string;
  timezone: string;
  sla: "standard" | "business" | "premium";
}

const SLA_TIERS: Record<InitAnswers["sla"], [string, string, string, string, number][]> = {
  // priority, response, resolution, calendar, goal %
  premium: [["P1", "15m", "4h", "24x7", 95], ["P2", "30m", "8h", "24x7", 95], ["P3", "2h", "2d", "24x7", 90], ["P4", "8h", "40h", "business", 90]],
  business: [["P1", "30m", "4h", "24x7", 95], ["P2", "1h", "8h", "24x7", 90], ["P3", "4h", "16h", "business", 90], ["P4", "8h", "40h", "business", 85]],
  standard: [["P1", "1h", "8h", "24x7", 90], ["P2", "2h", "16h", "business", 90], ["P3", "8h", "40h", "business", 85], ["P4", "16h", "80h", "business", 80]],
};

export function slaBlock(tier: InitAnswers["sla"]): string {
  return SLA_TIERS[tier].map(([p, response, resolution, calendar, goal]) => `  ${p}: { response: ${response}, resolution: ${resolution}, calendar: ${calendar}, goal: ${goal} }`).join("\n");
}

export function projectIdFrom(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "project";
}

export async function askInitAnswers(options: InitOptions, target: string): Promise<InitAnswers> {
  const interactive = !options.yes && process.stdin.isTTY && process.stdout.isTTY;
  const defaultZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  if (!interactive) {
    if (!options.client) throw new UsageError("--client is required when not asking in a terminal (or with --yes)");
    if (!options.tam) throw new UsageError("--tam is required when not asking in a terminal (or with --yes)");
    return {
      client: options.client,
      projectId: options.projectId ?? projectIdFrom(options.client),
      tam: options.tam,
      tamEmail: options.tamEmail,
      timezone: options.timezone ?? defaultZone,
      sla: options.sla ?? "business",
    };
  }
  const { default: inquirer } = await import("inquirer");
  const answers = await inquirer.prompt<{ client: string; tam: string; tamEmail: string; timezone: string; sla: InitAnswers["sla"] }>([
    { type: "input", name: "client", message: "Client name:", default: options.client ?? basename(target), validate: (v: string) => v.trim() !== "" || "a name is needed" },
    { type: "input", name: "tam", message: "TAM (your name):", default: options.tam, validate: (v: string) => v.trim() !== "" || "a name is needed" },
    { type: "input", name: "tamEmail", message: "TAM e-mail (optional):", default: options.tamEmail ?? "" },
    { type: "input", name: "timezone", message: "Default time zone (IANA):", default: options.timezone ?? defaultZone },
    { type: "list", name: "sla", message: "SLA tier:", choices: ["premium", "business", "standard"], default: options.sla ?? "business" },
  ]);
  return {
    client: answers.client.trim(),
    projectId: options.projectId ?? projectIdFrom(answers.client),
    tam: answers.tam.trim(),
    tamEmail: answers.tamEmail.trim() || undefined,
    timezone: answers.timezone.trim(),
    sla: answers.sla,
  };
}
