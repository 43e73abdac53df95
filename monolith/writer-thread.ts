/**
 * The message writer thread (MESSAGE_WRITER=thread; the default is the main thread): the
 * sequencer, its DynamoDB client and its idempotency keys live here, so the
 * gRPC event loop spends nothing on the SDK and its garbage collections do not
 * walk the keys. The price is a hop here and back per send, and each message
 * copied across (see `writer.ts`). The main thread talks to it through `writer.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDynamoClient, storageUsage } from '../functions/storage/dynamo.js';
import { toWire } from '../lib/errors.js';
import { latencyCounts } from '../lib/latency.js';
import { threadId } from '../lib/usage.js';
import { createSequencer } from './sequencer.js';
import type { WriterRequest, WriterSetup } from './writer.js';

const port = parentPort;
if (!port) throw new Error('writer-thread must run as a worker thread');
const setup = workerData as WriterSetup;
const client = createDynamoClient({ dynamo: { endpoint: setup.endpoint, region: setup.region } });
const sequencer = createSequencer({
  table: { client, tableName: setup.tableName },
  ...setup.limits,
  onCommitted: (room, messages) => port.postMessage({ type: 'committed', roomId: room.roomId, messages }),
});

const answer = (id: number, work: Promise<unknown>) =>
  work.then(
    (value) => port.postMessage({ type: 'reply', id, value }),
    // Domain errors keep their kind across the thread boundary; anything else is a fault.
    (error) => port.postMessage({ type: 'reply', id, error: toWire(error) }),
  );

port.on('message', (request: WriterRequest) => {
  switch (request.type) {
    case 'append':
      return answer(request.id, sequencer.append(request.room, request.draft, request.opts));
    case 'committedSeq':
      return answer(request.id, sequencer.committedSeq(request.room));
    case 'drain':
      return answer(
        request.id,
        sequencer.drain().then(() => sequencer.stats()),
      );
    case 'stats':
      return answer(request.id, Promise.resolve(sequencer.stats()));
    case 'usage':
      return answer(request.id, Promise.resolve({ storage: storageUsage(), thread: threadId(), latency: latencyCounts() }));
    case 'forget':
      return sequencer.forget(request.roomId);
  }
});
