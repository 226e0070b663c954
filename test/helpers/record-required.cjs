// Preloaded with `node --require`: at exit, writes the file of every CommonJS module loaded (the
// keys of require.cache, which createRequire shares) into $TAM_REQUIRE_LOG.
const { writeFileSync } = require("node:fs");
process.on("exit", () => writeFileSync(process.env.TAM_REQUIRE_LOG, Object.keys(require.cache).join("\n")));
