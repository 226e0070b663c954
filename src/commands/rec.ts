// tam rec list|add|present|accept|decline: the register of recommendations (recommendations.yaml).
import { acceptRecommendation, addRecommendation, declineRecommendation, listRecommendations, presentRecommendation, type RecWriteResult } from "../app/recommendation.js";
import { recFormatters, recWriteFormatters } from "../format/rec/index.js";
import { pickFormatter } from "../format/registry.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import type { WriteFlags } from "./write-flags.js";

export interface RecListOptions {
  format: string;
  asOf?: string;
}

export async function runRecList(globals: GlobalOptions, options: RecListOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(recFormatters, options.format);
  output.out(format(listRecommendations({ project: globals.project, asOf: options.asOf }), { color: false, width: process.stdout.columns }));
  return 0;
}

export interface RecWriteFlags extends WriteFlags {
  format: string;
  asOf?: string;
  commit: boolean;
  date?: string;
}

export type RecAction = "add" | "present" | "accept" | "decline";

/** Runs one write of the register and prints its one-line report (or its JSON). */
export async function runRecWrite(
  globals: GlobalOptions,
  action: RecAction,
  id: string | undefined,
  options: RecWriteFlags & Record<string, unknown>,
  output: Output = processOutput,
): Promise<number> {
  const format = pickFormatter(recWriteFormatters, options.format);
  const common = { ...options, project: globals.project, warn: plainOutput(output).err };
  let result: RecWriteResult;
  if (action === "add") result = await addRecommendation({ ...common, id: options.id as string | undefined, components: options.component as string[] | undefined });
  else if (action === "present") result = await presentRecommendation({ ...common, id: id! });
  else if (action === "accept") result = await acceptRecommendation({ ...common, id: id! });
  else result = await declineRecommendation({ ...common, id: id! });
  output.out(format(result, { color: false }));
  return 0;
}
