/**
 * Single-item reads made together go to the store as one request. A Lambda
 * instance runs a batch's calls at once (functions/lambda/entry.ts), and in a
 * batch to rooms it has not seen yet every call reads its room: 64 GetItems,
 * each ~0.5 ms of the SDK's CPU here, where one BatchGetItem does. The reads
 * issued in one turn of the event loop are gathered; a lone one goes as the
 * GetItem it is, two or more as BatchGetItem (up to 100 distinct keys each,
 * the same consistency and projection), and what the store leaves unprocessed
 * is asked again. Every caller gets exactly the answer its GetItem would have.
 */
import type { AttributeValue, DynamoDBClient, GetItemCommandInput } from '@aws-sdk/client-dynamodb';
import { BATCH_GET_KEYS, batchGetAll } from './dynamo.js';

type Item = Record<string, AttributeValue>;
type Output = { Item?: Item; $metadata: object };

interface Read {
  key: Item;
  resolve(output: Output): void;
  reject(error: unknown): void;
}

/** A key as text, attribute order aside: how an answer is matched to the reads that asked for it. */
const keyText = (key: Item, names: string[]): string => JSON.stringify(names.map((name) => key[name]));

/** Gathers the GetItems `client` sends in one turn of the event loop (see above). */
export function readItemsTogether(client: DynamoDBClient): void {
  // Reads waiting for the end of this turn, by what one BatchGetItem must share: table, consistency, projection.
  const waiting = new Map<string, { input: GetItemCommandInput; reads: Read[] }>();

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as GetItemCommandInput;
      if (context.commandName !== 'GetItemCommand' || input.ExpressionAttributeNames || !input.Key) return next(args);
      const group = JSON.stringify([input.TableName, input.ConsistentRead ?? false, input.ProjectionExpression ?? '']);
      const output = await new Promise<Output>((resolve, reject) => {
        const read = { key: input.Key as Item, resolve, reject };
        const gathering = waiting.get(group);
        if (gathering) return void gathering.reads.push(read);
        waiting.set(group, { input, reads: [read] });
        setImmediate(() => {
          const { reads } = waiting.get(group) ?? { reads: [] };
          waiting.delete(group);
          // Alone: the GetItem as it was.
          if (reads.length === 1) next(args).then((result) => resolve(result.output as Output), reject);
          else void readAll(client, input, reads);
        });
      });
      return { output } as Awaited<ReturnType<typeof next>>;
    },
    // Before the meter (storage/dynamo.ts), so that it counts the requests sent, not the reads gathered.
    { step: 'initialize', name: 'readItemsTogether', priority: 'high' },
  );
}

/** Answers every read from BatchGetItems of at most 100 distinct keys; a failure fails the reads it carried. */
async function readAll(client: DynamoDBClient, input: GetItemCommandInput, reads: Read[]): Promise<void> {
  const names = Object.keys(input.Key as Item).sort();
  const byKey = new Map<string, { key: Item; reads: Read[] }>();
  for (const read of reads) {
    const text = keyText(read.key, names);
    const same = byKey.get(text) ?? { key: read.key, reads: [] };
    same.reads.push(read);
    byKey.set(text, same);
  }
  // Answers are matched to reads by their keys, so a projection must bring the keys back; those it did not ask for are dropped again.
  const projected = input.ProjectionExpression?.split(',').map((name) => name.trim());
  const added = projected ? names.filter((name) => !projected.includes(name)) : [];
  const projection = projected && [...projected, ...added].join(', ');
  const answer = (item: Item | undefined): Item | undefined =>
    item && added.length ? Object.fromEntries(Object.entries(item).filter(([name]) => !added.includes(name))) : item;
  const distinct = [...byKey.entries()];
  for (let at = 0; at < distinct.length; at += BATCH_GET_KEYS) {
    const chunk = distinct.slice(at, at + BATCH_GET_KEYS);
    try {
      const items = await batchGetAll(
        client,
        input.TableName as string,
        chunk.map(([, same]) => same.key),
        { consistent: input.ConsistentRead, projection },
      );
      const found = new Map(items.map((item) => [keyText(item, names), item]));
      for (const [text, same] of chunk) for (const read of same.reads) read.resolve({ $metadata: {}, Item: answer(found.get(text)) });
    } catch (error) {
      for (const [, same] of chunk) for (const read of same.reads) read.reject(error);
    }
  }
}
