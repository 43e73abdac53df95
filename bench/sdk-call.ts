/**
 * What one DynamoDB call costs its caller in CPU, through this project's
 * client (functions/storage/dynamo.ts), with the SDK resolving each command's
 * middleware once (`cacheMiddleware`, as the client is made) against resolving
 * it on every call (the SDK's default), in alternating rounds (not a test).
 * The store is a loopback server in a child process answering every call with
 * the same room head, so the CPU counted here is the SDK's and Node's HTTP
 * client's alone: the part of a storage request that every gateway, function
 * and writer pays.
 *
 *   npm run bench:sdk-call
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { machine } from '../client/machine.js';
import { createDynamoClient } from '../functions/storage/dynamo.js';

const CALLS = 3_000;
const ROUNDS = 5;

if (process.argv[2] === 'serve') {
  const head = {
    Item: { room_name: { S: 'lobby' }, room_id: { S: 'r'.repeat(36) }, last_seq: { N: '41' }, last_message: { S: 'm'.repeat(250) } },
    ConsumedCapacity: { TableName: 'chat-dev-rooms', CapacityUnits: 1 },
  };
  const body = JSON.stringify(head);
  const server = http.createServer((req, res) =>
    req.resume().on('end', () => res.setHeader('content-type', 'application/x-amz-json-1.0').end(body)),
  );
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as { port: number }).port));
} else {
  const child = fork(new URL(import.meta.url).pathname, ['serve'], { execArgv: process.execArgv });
  const port = await new Promise<number>((resolve) => child.once('message', (p) => resolve(p as number)));
  const newClient = () => createDynamoClient({ dynamo: { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1' } });
  const cached = newClient();
  // The same client as the SDK makes it by default: every call resolves its command's middleware again.
  const uncached = newClient();
  (uncached.config as { cacheMiddleware?: boolean }).cacheMiddleware = false;
  const get = (client: DynamoDBClient) =>
    client.send(new GetItemCommand({ TableName: 'chat-dev-rooms', Key: { room_name: { S: 'lobby' } }, ConsistentRead: true }));

  console.log(`machine: ${JSON.stringify(machine())}`);
  for (const client of [cached, uncached]) for (let i = 0; i < 2_000; i++) await get(client); // warm: JIT, connection
  const cpu: Record<string, number[]> = { 'resolved once': [], 'resolved per call': [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, client] of [
      ['resolved per call', uncached],
      ['resolved once', cached],
    ] as const) {
      const before = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) await get(client);
      const used = process.cpuUsage(before);
      const perCall = (used.user + used.system) / CALLS;
      cpu[name]?.push(perCall);
      console.log(`round ${round}/${ROUNDS}, middleware ${name}: ${perCall.toFixed(0)} µs of CPU per GetItem (${CALLS} calls)`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  const [once, each] = [median(cpu['resolved once'] ?? []), median(cpu['resolved per call'] ?? [])];
  console.log(
    `summary: ${once.toFixed(0)} against ${each.toFixed(0)} µs per call (medians): ${((1 - once / each) * 100).toFixed(0)} % less`,
  );
  cached.destroy();
  uncached.destroy();
  child.kill();
}
