// Files a command writes where the user names them (`tam report -o FILE`, `tam validate --output`,
// `tam schema --write`): not project files, so not through the write transaction; atomic all the same.
export { outputWriteError, refuseOutputPath } from "../project/output-file.js";
export { writeFileAtomic as writeOutputFile } from "../project/write.js";
