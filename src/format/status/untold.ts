// The line tam status prints for a change whose late or blocked tasks the client has not been told about.
import type { ChangeProgress } from "../../domain/tracking/status.js";

/** "CHG-0002: T4 blocked, T3 late; last notice …: run `tam change notify CHG-0002`". */
export function untoldLine(c: ChangeProgress): string {
  const problems = c.untold.map((u) => (u.why === "rebaselined" ? `promise moved to ${c.clientDate ?? "a new date"} (rebaselined)` : `${u.id} ${u.why}`)).join(", ");
  return `${c.id}: ${problems}; ${c.lastNotice ? `last notice ${c.lastNotice}` : "no notice sent yet"}: run \`tam change notify ${c.id}\``;
}
