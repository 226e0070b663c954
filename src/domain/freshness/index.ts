export { assessFreshness } from "./assess.js";
export * from "./types.js";
