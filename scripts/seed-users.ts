/**
 * Creates the accounts the load runs and the original system's clients use:
 * `demo`/`demo` and `perf_demo0` … `perf_demo<N-1>` with password `demo`,
 * through AddUser on a running server (the monolith or a gateway). Idempotent:
 * existing accounts are counted and left alone, at no hashing cost.
 *
 *   npm run seed -- --users 5000 [--target 127.0.0.1:50051] [--concurrency 8]
 *
 * Cost: one scrypt hash per new account on the server (N=2^14: ~61 ms of one
 * core), so 5,000 accounts take about 5,000 × 61 ms ÷ 2 cores ≈ 2.5 minutes here.
 */
import { parseArgs } from 'node:util';
import { connect, statusName, unary } from '../client/api.js';
import { pool } from '../client/progress.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100' },
    target: { type: 'string', default: process.env.TARGET ?? '127.0.0.1:50051' },
    concurrency: { type: 'string', default: '8' },
    password: { type: 'string', default: 'demo' },
  },
});
const users = Number(values.users);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(users) || users < 0 || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error('usage: npm run seed -- --users N [--target host:port] [--concurrency C]');
  process.exit(2);
}

const names = ['demo', ...Array.from({ length: users }, (_, i) => `perf_demo${i}`)];
const api = connect(values.target);
const counts = { created: 0, existing: 0, failed: 0 };
const failures = new Map<string, number>();
const detail = () => `created ${counts.created} existing ${counts.existing} failed ${counts.failed}`;

console.error(`seeding demo and perf_demo0..perf_demo${users - 1} (password "${values.password}") on ${values.target}`);
const seconds = await pool(
  `seeding ${values.target}`,
  names,
  concurrency,
  async (username) => {
    try {
      await unary(api.login, api.login.AddUser, { username, password: values.password }, { deadlineMs: 30_000 });
      counts.created++;
    } catch (error) {
      const name = statusName(error);
      if (name === 'ALREADY_EXISTS') counts.existing++;
      else {
        counts.failed++;
        failures.set(name, (failures.get(name) ?? 0) + 1);
      }
    }
  },
  detail,
);
api.close();
console.log(
  JSON.stringify({
    target: values.target,
    accounts: names.length,
    ...counts,
    seconds: Number(seconds.toFixed(1)),
    failures: Object.fromEntries(failures),
  }),
);
if (counts.failed > 0) {
  console.error(`${counts.failed} accounts failed: ${[...failures].map(([s, n]) => `${s}×${n}`).join(', ')}`);
  process.exit(1);
}
