// tam docs review --edit-was-review: the last commit that edited the doc's file was its review,
// so the review takes that commit's day (in the project's zone), author and hash.
import type { Clock } from "../domain/clock.js";
import { dateInZone } from "../domain/zone.js";
import { UsageError } from "../errors.js";
import type { DocEntry, DocReview } from "../model/files.js";
import { inspectLocations } from "../project/doc-locations.js";
import { lastCommitOf } from "../project/git.js";

export async function reviewFromEdit(root: string, doc: DocEntry, clock: Clock): Promise<Required<Pick<DocReview, "date" | "by" | "note">>> {
  const location = inspectLocations(root, [doc.location]).get(doc.location);
  if (location?.kind !== "file" || !location.exists) throw new UsageError(`--edit-was-review: ${doc.id} is not a file of the project (${doc.location})`);
  const commit = await lastCommitOf(root, location.path);
  if (!commit) throw new UsageError(`--edit-was-review: ${location.path} has no commit that edited it`);
  return { date: dateInZone(commit.time, clock.timezone), by: commit.author, note: `the edit in commit ${commit.hash.slice(0, 7)} "${commit.subject}" was the review` };
}
