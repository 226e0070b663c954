// Files a command writes where the user names them (`tam report -o FILE`, `tam validate --output`,
// `tam change dispatch -o`): not project files, so not through the write transaction; atomic all the same,
// and a folder or an unwritable place is a usage error naming the path as given.
export { writeOutputFile } from "../project/output-file.js";
