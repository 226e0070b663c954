// What every validate formatter takes: the use case's result (src/app/validate.ts).
export type { ValidateResult } from "../../app/validate.js";
