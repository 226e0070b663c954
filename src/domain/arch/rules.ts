// The rules of the trade a risk argues from (shared/context/domain.md). A risk names its rule; the
// text of the rule is quoted once per output, not once per risk, so a report argues each risk in
// its own terms and cites each rule a single time.
export type RuleId = "two-of-everything" | "never-twice" | "insurance";

export interface RuleText {
  /** The rule as a TAM says it. */
  internal: string;
  /** The same, addressed to the client. */
  client: string;
}

export const RULES: Record<RuleId, RuleText> = {
  "two-of-everything": {
    internal: `"Two of everything": a single device, server or instance is the outage the client has not had yet.`,
    client: `"Two of everything": a single device, server or instance is the outage you have not had yet.`,
  },
  "never-twice": {
    internal: `"Erring once is normal; erring twice the same way is not": a repeated cause means the fix did not reach it — the documentation, the communication or the process.`,
    client: `"Erring once is normal; erring twice the same way is not": a repeated cause means the fix did not reach it — the documentation, the communication or the process.`,
  },
  insurance: {
    internal: `"Never work without insurance": every change and every piece of data has a way back.`,
    client: `"Never work without insurance": every change and every piece of data has a way back.`,
  },
};

/** Quotes each rule the first time it is asked for, and nothing after: one quoter per document. */
export function ruleQuoter(audience: "internal" | "client"): (rule: RuleId | undefined) => string | undefined {
  const quoted = new Set<RuleId>();
  return (rule) => {
    if (!rule || quoted.has(rule)) return undefined;
    quoted.add(rule);
    return RULES[rule][audience];
  };
}
