// "Get the decision makers involved": who may approve a change for the client. A client contact
// marked `can_approve: true` in tam.yaml, or the change advisory board (CAB); the TAM or another
// provider person is never the client's approval.
import type { Manifest } from "../../model/files.js";
import { closest } from "../../util/suggest.js";

const CAB = "CAB";

export type ApproverCheck = { ok: true; by: string; via: "client" | "cab" } | { ok: false; reason: string };

function same(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Names of the client contacts marked as allowed to approve changes. */
export function decisionMakers(manifest: Manifest | undefined): string[] {
  const contacts = manifest?.client?.contacts;
  if (!Array.isArray(contacts)) return [];
  return contacts.filter((c) => c && typeof c.name === "string" && c.can_approve === true).map((c) => c.name);
}

function providerPeople(manifest: Manifest | undefined): { name: string; what: string }[] {
  const people: { name: string; what: string }[] = [];
  if (typeof manifest?.tam?.name === "string") people.push({ name: manifest.tam.name, what: "the TAM" });
  if (typeof manifest?.service_manager?.name === "string") people.push({ name: manifest.service_manager.name, what: "the service manager" });
  return people;
}

/** Who may approve, for messages: "Elena Smirnova or the CAB". */
export function approversText(manifest: Manifest | undefined): string {
  const names = decisionMakers(manifest);
  return names.length ? `${names.join(", ")} or the ${CAB}` : `the ${CAB} (no client contact in tam.yaml has can_approve: true)`;
}

/** Whether `by` may approve a change for the client, and the name as tam.yaml spells it. */
export function checkApprover(by: string, manifest: Manifest | undefined): ApproverCheck {
  const given = by.trim();
  if (same(given, CAB)) return { ok: true, by: CAB, via: "cab" };
  const makers = decisionMakers(manifest);
  const maker = makers.find((name) => same(name, given));
  if (maker) return { ok: true, by: maker, via: "client" };
  const who = `"${given}"`;
  const ask = `approval is by ${approversText(manifest)}`;
  const provider = providerPeople(manifest).find((p) => same(p.name, given));
  if (provider) return { ok: false, reason: `${who} is ${provider.what}, on the provider's side: not a client approval; ${ask}` };
  const contact = (Array.isArray(manifest?.client?.contacts) ? manifest!.client.contacts : []).find((c) => typeof c?.name === "string" && same(c.name, given));
  if (contact) return { ok: false, reason: `${who} is a client contact not marked as a decision maker (can_approve: true in tam.yaml); ${ask}` };
  const near = closest(given, [...makers, CAB]);
  return { ok: false, reason: `${who} is not a client decision maker in tam.yaml${near ? `: did you mean "${near}"?` : ""}; ${ask}` };
}
