// Registered with `node --import`: records every module URL resolved, into $TAM_IMPORT_LOG.
import { register } from "node:module";
register("./record-imports-hooks.mjs", import.meta.url);
