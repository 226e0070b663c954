// Cross-file validation: everything the schemas cannot say.
import { compareIssues, type Issue } from "../../model/issues.js";
import { checkBounds } from "./bounds.js";
import { checkChangeReadiness, checkDocTasks, checkLifecycle, checkNewComponentCycles, checkScopeOwners } from "./change-rules.js";
import { checkComponentCycles, checkTaskCycles } from "./cycles.js";
import { checkIncidents, idsOf } from "./incident-rules.js";
import { checkPolicy } from "./policy.js";
import { checkMeetings } from "./meeting-rules.js";
import { checkRecommendations } from "./recommendation-rules.js";
import { checkDuplicates, checkReferences } from "./references.js";
import { checkEscalations } from "./escalation-rules.js";
import { checkTimes } from "./times.js";
import type { ProjectView } from "./view.js";

export type { ProjectView } from "./view.js";
export { checkIncidents, type FirstSeen, type IncidentIds } from "./incident-rules.js";

export function validateProject(view: ProjectView): Issue[] {
  return [
    ...checkDuplicates(view),
    ...checkReferences(view),
    ...checkComponentCycles(view),
    ...checkTaskCycles(view),
    ...checkNewComponentCycles(view),
    ...checkScopeOwners(view),
    ...checkLifecycle(view),
    ...checkChangeReadiness(view),
    ...checkDocTasks(view),
    ...checkTimes(view),
    ...checkIncidents(view, view.incidents, idsOf(view)),
    ...checkPolicy(view),
    ...checkBounds(view),
    ...checkRecommendations(view),
    ...checkEscalations(view),
    ...checkMeetings(view),
  ].sort(compareIssues);
}
