// Finding a change by the id given on the command line: the use-case layer's, under the name commands use.
export { findChange } from "../app/lookup.js";
