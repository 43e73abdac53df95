/**
 * A Lambda instance's single-item reads made together go as one request
 * (functions/storage/gets-together.ts), against a real DynamoDB API: each
 * caller gets what its own GetItem would have, counted as the requests sent.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { storageUsage } from '../functions/storage/dynamo.js';
import { readItemsTogether } from '../functions/storage/gets-together.js';
import { storageSince } from '../lib/usage.js';
import { startTestDynamo, type TestDynamo } from './support/dynamo.js';

let db: TestDynamo;
let client: DynamoDBClient;

before(async () => {
  db = await startTestDynamo();
  client = db.newClient();
  readItemsTogether(client);
  for (let i = 0; i < 150; i++)
    await db.client.send(new PutItemCommand({ TableName: db.names.users, Item: { username: { S: `u${i}` }, n: { N: String(i) } } }));
  await db.client.send(
    new PutItemCommand({ TableName: db.names.members, Item: { room_id: { S: 'r1' }, person_name: { S: 'ann' }, joined: { N: '1' } } }),
  );
});
after(async () => {
  client.destroy();
  await db.close();
});

const user = (name: string) =>
  client.send(new GetItemCommand({ TableName: db.names.users, Key: { username: { S: name } }, ConsistentRead: true }));
const member = (room: string, person: string) =>
  client.send(
    new GetItemCommand({ TableName: db.names.members, Key: { person_name: { S: person }, room_id: { S: room } }, ConsistentRead: true }),
  );

/** The storage requests `work` made. */
async function counted<T>(work: () => Promise<T>): Promise<{ result: T; requests: Record<string, number> }> {
  const before = storageUsage();
  const result = await work();
  return { result, requests: storageSince(storageUsage(), before).requests };
}

test('reads made together: one BatchGetItem per table, each caller answered with its own item, a repeat and a miss included', async () => {
  const { result, requests } = await counted(() =>
    Promise.all([user('u3'), user('u7'), user('nobody'), user('u3'), member('r1', 'ann'), member('r1', 'bob'), member('r2', 'ann')]),
  );
  assert.deepEqual(
    result.map((r) => r.Item?.username?.S ?? r.Item?.person_name?.S),
    ['u3', 'u7', undefined, 'u3', 'ann', undefined, undefined],
  );
  assert.equal(result[1]?.Item?.n?.N, '7');
  assert.deepEqual(requests, { BatchGetItem: 2 });
});

test('reads with a projection that leaves the keys out: each answered with what it projected, as its GetItem would be', async () => {
  const projected = (name: string) =>
    client.send(
      new GetItemCommand({ TableName: db.names.users, Key: { username: { S: name } }, ConsistentRead: true, ProjectionExpression: 'n' }),
    );
  const { result, requests } = await counted(() => Promise.all([projected('u5'), projected('u6'), projected('nobody')]));
  assert.deepEqual(
    result.map((r) => r.Item),
    [{ n: { N: '5' } }, { n: { N: '6' } }, undefined],
  );
  assert.deepEqual(requests, { BatchGetItem: 1 });
});

test('a lone read goes as the GetItem it is, with its consumed capacity', async () => {
  const { result, requests } = await counted(() => user('u9'));
  assert.equal(result.Item?.n?.N, '9');
  assert.deepEqual(requests, { GetItem: 1 });
  assert.ok((result.ConsumedCapacity?.CapacityUnits ?? 0) > 0);
});

test('more than 100 distinct keys: BatchGetItems of at most 100, every read answered', async () => {
  const names = Array.from({ length: 150 }, (_, i) => `u${i}`);
  const { result, requests } = await counted(() => Promise.all(names.map(user)));
  assert.deepEqual(
    result.map((r) => r.Item?.username?.S),
    names,
  );
  assert.deepEqual(requests, { BatchGetItem: 2 });
});

test('reads that cannot share a request (another consistency) go apart; a failed batch fails each of its reads', async () => {
  const eventual = () => client.send(new GetItemCommand({ TableName: db.names.users, Key: { username: { S: 'u1' } } }));
  const { result, requests } = await counted(() => Promise.all([user('u2'), user('u4'), eventual()]));
  assert.deepEqual(
    result.map((r) => r.Item?.username?.S),
    ['u2', 'u4', 'u1'],
  );
  assert.deepEqual(requests, { BatchGetItem: 1, GetItem: 1 });
  const missingTable = (name: string) =>
    client.send(new GetItemCommand({ TableName: `${db.prefix}absent`, Key: { username: { S: name } }, ConsistentRead: true }));
  const outcomes = await Promise.allSettled([missingTable('a'), missingTable('b')]);
  assert.deepEqual(
    outcomes.map((o) => o.status === 'rejected' && (o.reason as Error).name),
    ['ResourceNotFoundException', 'ResourceNotFoundException'],
  );
});
