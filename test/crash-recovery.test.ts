/**
 * SIGKILL the monolith in the middle of a stream of sends, start it again on
 * the same data: every acknowledged message is in the history exactly once,
 * under the seq it was acknowledged with, and server_seq has no gap. Then a
 * graceful SIGTERM: streams end with UNAVAILABLE and the process exits 0.
 * Once with the message writer on its own thread, once on the main one.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { spawnMonolith } from '../infrastructure/local/processes.js';
import { call, connect, signUp, subscribe } from './support/clients.js';
import { TEST_SIGNING_KEY } from './support/env.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'chat-crash-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

type Reply = { server_seq: number };

for (const [writer, where] of [
  ['thread', 'its own thread'],
  ['main', 'the main thread'],
] as const)
  test(`acknowledged messages survive SIGKILL exactly once, with no gap (message writer on ${where})`, async () => {
    // Against an external DynamoDB (DynamoDB Local in CI) the tables must survive the restart: one prefix for both servers.
    const env = {
      DATA_DIR: path.join(dataDir, writer),
      JWT_PRIVATE_KEY: TEST_SIGNING_KEY,
      SCRYPT_LOG_N: '10',
      TABLE_PREFIX: `crash${randomBytes(3).toString('hex')}-`,
      MESSAGE_WRITER: writer,
    };
    await crashAndRestart(env);
  });

async function crashAndRestart(env: Record<string, string>): Promise<void> {
  const first = await spawnMonolith(env);
  let c = connect(first.address);
  const token = await signUp(c, 'crash');
  const auth = { credential: token };
  await call(c.gateway, c.gateway.CreateRoom, { auth, room_name: 'crashy' });
  await call(c.gateway, c.gateway.EnterRoom, { auth, room_name: 'crashy' });

  const acked = new Map<string, number>();
  const attempted: string[] = [];
  let killed = false;
  const sender = async (worker: number) => {
    for (let i = 0; i < 400 && !killed; i++) {
      const msg_id = `w${worker}-${i}`;
      attempted.push(msg_id);
      try {
        const reply = (await call(c.gateway, c.gateway.SendMessage, { auth, room_name: 'crashy', text: msg_id, msg_id })) as Reply;
        acked.set(msg_id, reply.server_seq);
      } catch {
        return; // the server is gone
      }
    }
  };
  const senders = Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(sender));
  for (let waited = 0; acked.size < 150; waited += 5) {
    assert.ok(waited < 20_000, `only ${acked.size} sends acknowledged in 20 s`);
    await sleep(5);
  }
  first.child.kill('SIGKILL');
  killed = true;
  assert.equal((await first.exited).signal, 'SIGKILL');
  await senders;
  c.close();

  const second = await spawnMonolith(env);
  c = connect(second.address);
  // The client retries everything it sent, acknowledged or not, with the same msg_ids.
  for (const msg_id of attempted) {
    const reply = (await call(c.gateway, c.gateway.SendMessage, { auth, room_name: 'crashy', text: msg_id, msg_id })) as Reply;
    if (acked.has(msg_id)) assert.equal(reply.server_seq, acked.get(msg_id), `${msg_id} keeps its seq`);
  }
  const seen = new Map<number, string>();
  for (let before_seq = 0; ; ) {
    const { messages } = (await call(c.gateway, c.gateway.GetHistory, { auth, room_name: 'crashy', limit: 200, before_seq })) as {
      messages: { server_seq: number; msg_id: string }[];
    };
    for (const m of messages) seen.set(m.server_seq, m.msg_id);
    if (messages.length < 200) break;
    before_seq = messages[0]?.server_seq ?? 0;
  }
  const seqs = [...seen.keys()].sort((a, b) => a - b);
  assert.deepEqual(
    seqs,
    Array.from({ length: seqs.length }, (_, i) => i + 1),
    'no gap',
  );
  const ids = [...seen.values()];
  assert.equal(new Set(ids).size, ids.length, 'no duplicate');
  assert.equal(ids.length, new Set(attempted).size, 'every attempted message is stored once');
  for (const [msg_id, seq] of acked) assert.equal(seen.get(seq), msg_id, `${msg_id} at ${seq}`);

  // Graceful stop: the open stream ends with UNAVAILABLE, the process with 0.
  const s = subscribe(c, { auth, room_name: 'crashy' });
  await sleep(200);
  second.child.kill('SIGTERM');
  assert.equal(await s.ended, status.UNAVAILABLE);
  assert.deepEqual(await second.exited, { code: 0, signal: null });
  assert.match(second.log(), /"msg":"stopped"/);
  c.close();
}
