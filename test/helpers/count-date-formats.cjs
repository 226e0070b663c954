// Counts the Intl.DateTimeFormat made (each starts, or uses, ICU's date formats).
// countingDateFormats: a wrapped Intl.DateTimeFormat that calls onMade for each one, made with or
// without `new`, for a test to install for a while. Preloaded with `node --require` and
// TAM_COUNT_DATE_FORMATS=1: counts in that process and writes `date-formats <count>` on stderr at exit.
function countingDateFormats(real, onMade) {
  return new Proxy(real, {
    construct(target, args, newTarget) {
      onMade();
      return Reflect.construct(target, args, newTarget);
    },
    apply(target, self, args) {
      onMade();
      return Reflect.apply(target, self, args);
    },
  });
}

module.exports = { countingDateFormats };

if (process.env.TAM_COUNT_DATE_FORMATS === "1") {
  let made = 0;
  Intl.DateTimeFormat = countingDateFormats(Intl.DateTimeFormat, () => made++);
  process.on("exit", () => process.stderr.write(`date-formats ${made}\n`));
}
