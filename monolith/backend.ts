/**
 * The monolith's binding of the public API: the functions' operations called
 * in-process, messages sequenced by one group-committing writer (on its own
 * thread), and live delivery through an in-process bus.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Backend } from '../api/backend.js';
import { subscribeToRoom } from '../functions/chat/subscription.js';
import type { FunctionsConfig } from '../functions/config.js';
import { createRuntime } from '../functions/runtime.js';
import { tableNames } from '../functions/storage/tables.js';
import type { RoomBus } from './room-bus.js';
import type { Writer } from './writer.js';

export function createMonolithBackend(
  config: FunctionsConfig,
  client: DynamoDBClient,
  signingKey: string,
  writer: Writer,
  bus: RoomBus,
): Backend {
  const runtime = createRuntime({
    config,
    client,
    signingKey,
    // The only writer of its tables: cached answers stay right, since every change passes here.
    roomCache: { cacheMs: 24 * 3600_000, absentCacheMs: 24 * 3600_000 },
    sessionCacheMs: 24 * 3600_000,
    appender: () => writer.append,
    onRoomDeleted: (room) => {
      writer.forget(room.roomId);
      bus.closeRoom(room.roomId);
    },
  });

  const messages = { client, tableName: tableNames(config.tablePrefix).messages };
  return {
    ...runtime.operations,
    subscribe: (caller, request, sink) =>
      subscribeToRoom(
        {
          directory: runtime.directory,
          messages,
          feed: bus.feed,
          // Above the last commit a write may still fail and its seqs be reused.
          visibleUpTo: (room) => writer.committedSeq(room),
          // The writer reads a room's recent ids before its first message there: read them now, not when a
          // chat's first burst of messages to hundreds of rooms waits behind those reads (the 5,000-user chat's
          // first flushes waited up to 1 s on 500 of them). A failed read is read again at the first message.
          followed: (room) => void writer.committedSeq(room).catch(() => undefined),
        },
        caller.username,
        request,
        sink,
      ),
  };
}
