/** BENCH_TRACE=1 npm run bench: Konsens with every SQLite statement timed (printed at exit), to see where the store spends its time. */
import Database from 'better-sqlite3';
const stats = new Map<string, { n: number; ms: number; rows: number }>();
const proto = (Database as unknown as { prototype: { prepare: (sql: string) => unknown } }).prototype;
const original = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  const stmt = original.call(this, sql) as Record<string, (...a: unknown[]) => unknown>;
  const key = sql.slice(0, 40);
  for (const m of ['run', 'all', 'get']) {
    const f = stmt[m]!.bind(stmt);
    stmt[m] = (...args: unknown[]) => {
      const t = performance.now();
      const r = f(...args);
      const s = stats.get(key) ?? { n: 0, ms: 0, rows: 0 };
      s.n++; s.ms += performance.now() - t; s.rows += args.length;
      stats.set(key, s);
      return r;
    };
  }
  return stmt;
};
process.on('exit', () => {
  for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)) console.error(`${s.ms.toFixed(0).padStart(6)} ms ${String(s.n).padStart(6)} calls  ${k}`);
});
await import('./konsens.js');
