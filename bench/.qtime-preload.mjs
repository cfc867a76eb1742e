// scratch (perf helper): time every better-sqlite3 statement by SQL text; printed at exit.
import SQLite from 'better-sqlite3';
const db = new SQLite(':memory:');
const proto = Object.getPrototypeOf(db.prepare('select 1'));
const stats = new Map();
for (const m of ['run', 'all', 'get', 'iterate']) {
  const orig = proto[m];
  proto[m] = function (...a) {
    const t = process.hrtime.bigint();
    try { return orig.apply(this, a); } finally {
      const d = Number(process.hrtime.bigint() - t) / 1e6;
      const k = this.source.replace(/\s+/g, ' ').replace(/(\?, )+\?/g, '?…').slice(0, 200);
      const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += d; stats.set(k, s);
    }
  };
}
process.on('exit', () => {
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
  let tot = 0; for (const [, s] of stats) tot += s.ms;
  console.error('SQL total ms', tot.toFixed(0));
  for (const [k, s] of rows) console.error(s.ms.toFixed(0).padStart(7), String(s.n).padStart(7), (s.ms / s.n).toFixed(3).padStart(7), k);
});
