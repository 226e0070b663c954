// tam rec list|add|present|accept|decline: the register of recommendations (recommendations.yaml).
import { acceptRecommendation, addRecommendation, declineRecommendation, listRecommendations, presentRecommendation } from "../app/recommendation.js";
import { recFormatters, recWriteFormatters } from "../format/rec/index.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { type RegisterListOptions, type RegisterWriteFlags, runRegisterList, runRegisterWrite } from "./register.js";

export type RecListOptions = RegisterListOptions;

export async function runRecList(globals: GlobalOptions, options: RecListOptions, output: Output = processOutput): Promise<number> {
  return runRegisterList(globals, options, output, recFormatters, listRecommendations);
}

export interface RecWriteFlags extends RegisterWriteFlags {
  date?: string;
}

export type RecAction = "add" | "present" | "accept" | "decline";

/** Runs one write of the register and prints its one-line report (or its JSON). */
export function runRecWrite(globals: GlobalOptions, action: RecAction, id: string | undefined, options: RecWriteFlags & Record<string, unknown>, output: Output = processOutput): Promise<number> {
  return runRegisterWrite(globals, options, output, recWriteFormatters, (common) => {
    if (action === "add") return addRecommendation({ ...common, id: options.id as string | undefined, components: options.component as string[] | undefined });
    if (action === "present") return presentRecommendation({ ...common, id: id! });
    if (action === "accept") return acceptRecommendation({ ...common, id: id! });
    return declineRecommendation({ ...common, id: id! });
  });
}
