// Preloaded with `node --require`: counts the Intl.DateTimeFormat the process makes (each starts, or
// uses, ICU's date formats) and writes `date-formats <count>` on stderr at exit.
const real = Intl.DateTimeFormat;
let made = 0;
Intl.DateTimeFormat = new Proxy(real, {
  construct(target, args, newTarget) {
    made++;
    return Reflect.construct(target, args, newTarget);
  },
  apply(target, self, args) {
    made++;
    return Reflect.apply(target, self, args);
  },
});
process.on("exit", () => process.stderr.write(`date-formats ${made}\n`));
