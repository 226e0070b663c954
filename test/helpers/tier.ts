// How many generated cases a property test runs. `npm test` runs the quick count, so the suite stays
// near a minute; CI runs them again at the full count (.ci/run: TAM_TEST_FULL=1, every file that calls this). The seeds
// are fixed, so the quick cases are the first of the full ones.
const FULL_TIER = process.env.TAM_TEST_FULL === "1";

/** `full` generated cases in CI (TAM_TEST_FULL=1), `quick` in `npm test`. */
export const generatedCases = (full: number, quick: number): number => (FULL_TIER ? full : quick);
