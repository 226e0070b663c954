// A setup file (vitest.config.ts): the test files share their worker (isolate: false), so whatever a
// file sets in process.env (a git identity, TZ) is put back when the file ends, before the next one.
import { afterAll } from "vitest";

const saved = { ...process.env };

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});
