/**
 * What a batch of sends costs the chat function when its rooms are new to the
 * instance, against one to rooms it has cached (not a test): the chat's
 * Lambda entry, in this process, invoked the way a gateway invokes it (64
 * sends, one per room), against dynalite in a child process. The first is
 * what every instance pays at a chat's start, when every room is new to it at
 * once; printed per batch: duration, this thread's CPU, storage requests.
 *
 *   npm run bench:first-batch
 */
import { fork } from 'node:child_process';
import type { Context } from 'aws-lambda';
import dynalite from 'dynalite';
import { machine } from '../client/machine.js';
import type { BatchEvent, InvokeResult } from '../functions/lambda/envelope.js';

const BATCH = 64;
const ROUNDS = 3;

if (process.argv[2] === 'serve') {
  const store = dynalite({ createTableMs: 0 });
  store.listen(0, '127.0.0.1', () => process.send?.((store.address() as { port: number }).port));
} else {
  const child = fork(new URL(import.meta.url).pathname, ['serve'], { execArgv: process.execArgv });
  const port = await new Promise<number>((resolve) => child.once('message', (p) => resolve(p as number)));
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}`,
    TABLE_PREFIX: 'bench-',
    ROOMS_PER_USER: String(BATCH * (ROUNDS + 1)),
    LOG_LEVEL: 'error',
  });
  const { createDynamoClient } = await import('../functions/storage/dynamo.js');
  const { ensureTables } = await import('../functions/storage/tables.js');
  await ensureTables(createDynamoClient({ dynamo: { endpoint: process.env.DYNAMODB_ENDPOINT, region: 'us-east-1' } }), 'bench-');
  const chat = (await import('../functions/chat/handler.js')).handler as unknown as (e: BatchEvent, c: Context) => Promise<InvokeResult>;
  const chatroom = (await import('../functions/chatroom/handler.js')).handler as unknown as typeof chat;
  const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
  const caller = { username: 'bench', sessionId: 'bench', expiresAt: Math.floor(Date.now() / 1000) + 3600 };
  const room = (i: number) => `bench-room-${i}`;

  console.log(`machine: ${JSON.stringify(machine())}`);
  // The rooms, made and entered through the chatroom function (not timed).
  for (let i = 0; i < BATCH * (ROUNDS + 1); i++)
    for (const operation of ['CreateRoom', 'EnterRoom'])
      await chatroom({ calls: [{ operation, caller, request: { room_name: room(i) } }] }, context);
  await chat({ calls: [] }, context); // the instance is built (its cold start is not what this measures)

  let sent = 0;
  async function batch(label: string, firstRoom: number): Promise<number> {
    const calls = Array.from({ length: BATCH }, (_, i) => ({
      operation: 'SendMessage',
      caller,
      request: { room_name: room(firstRoom + i), text: 'hello', msg_id: `m${sent++}` },
    }));
    const answer = await chat({ calls }, context);
    const failed = 'results' in answer ? answer.results.filter((r) => !r.ok).length : BATCH;
    if (failed > 0) throw new Error(`${failed} of ${BATCH} sends failed`);
    const { ms, cpuMs, storage } = answer.cost ?? { ms: 0, cpuMs: 0, storage: { requests: {} } };
    console.log(`${label}: ${ms.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms, storage ${JSON.stringify(storage.requests)}`);
    return cpuMs;
  }
  await batch(`round 0, ${BATCH} sends to the rooms the cached batches use`, 0);
  // New rooms and cached ones in turn, so that both see the same JIT and machine as the rounds go.
  const cpu = { fresh: 0, cached: 0 };
  for (let round = 1; round <= ROUNDS; round++) {
    cpu.fresh += await batch(`round ${round}, ${BATCH} sends to rooms new to the instance`, round * BATCH);
    cpu.cached += await batch(`round ${round}, ${BATCH} sends to rooms it has cached  `, 0);
  }
  console.log(
    `mean CPU per batch of ${BATCH}: ${(cpu.fresh / ROUNDS).toFixed(0)} ms to rooms new to the instance, ${(cpu.cached / ROUNDS).toFixed(0)} ms to cached ones`,
  );
  child.kill();
}
