/**
 * What one loopback hop costs when the other side has been idle, against the
 * same hop back to back (not a test): an HTTP round trip from this process to
 * a server in a child process, as the AWS SDK makes to dynalite and a gateway
 * to serverless-offline, timed and its client CPU counted, first back to back,
 * then with 20 and 100 ms of idleness before each. On the machines this
 * project is measured on, a hop after an idle gap costs several times more
 * CPU and latency than back to back: what makes a quiet server slower per
 * message than a busy one (the one-room chat at 10 users, the functions path
 * at 20 sends/s).
 *
 *   npm run bench:idle-hop
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { machine } from '../client/machine.js';

const ROUNDS: { gapMs: number; requests: number }[] = [
  { gapMs: 0, requests: 2_000 },
  { gapMs: 20, requests: 100 },
  { gapMs: 100, requests: 50 },
];

if (process.argv[2] === 'serve') {
  const server = http.createServer((req, res) => req.resume().on('end', () => res.end('{}')));
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as { port: number }).port));
} else {
  const child = fork(new URL(import.meta.url).pathname, ['serve'], { execArgv: process.execArgv });
  const port = await new Promise<number>((resolve) => child.once('message', (p) => resolve(p as number)));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ TableName: 'chat-dev-rooms', Key: { room_name: { S: 'x'.repeat(32) } } });
  const roundTrip = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      http
        .request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent }, (res) =>
          res.resume().on('end', () => resolve(performance.now() - started)),
        )
        .on('error', reject)
        .end(body);
    });
  console.log(`machine: ${JSON.stringify(machine())}`);
  await roundTrip(); // the connection is made before anything is timed
  for (const { gapMs, requests } of ROUNDS) {
    const cpuBefore = process.cpuUsage();
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      if (gapMs) await sleep(gapMs);
      times.push(await roundTrip());
    }
    const cpu = process.cpuUsage(cpuBefore);
    times.sort((a, b) => a - b);
    const median = times[times.length >> 1] ?? 0;
    const cpuMs = (cpu.user + cpu.system) / 1000 / requests;
    console.log(
      `idle ${String(gapMs).padStart(3)} ms before each: round trip p50 ${median.toFixed(2)} ms, client CPU ${cpuMs.toFixed(3)} ms per request (n=${requests})`,
    );
  }
  child.kill();
}
