import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatCodeClimate } from "./codeclimate.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatPretty } from "./pretty.js";
import { formatSarif } from "./sarif.js";
import type { ValidateResult } from "./types.js";

export type { ValidateResult } from "./types.js";

export const validateFormatters: Record<FormatName<"validate">, Formatter<ValidateResult>> = {
  pretty: formatPretty,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
  junit: formatJunit,
  codeclimate: formatCodeClimate,
};
