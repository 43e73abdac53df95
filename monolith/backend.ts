/**
 * The monolith's binding of the public API: the functions' operations called
 * in-process, messages sequenced by one group-committing writer (on its own
 * thread), and live delivery through an in-process bus.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Backend } from '../api/backend.js';
import { REPLAY_PAGE } from '../functions/chat/logic.js';
import { openSubscription } from '../functions/chat/subscription.js';
import { createRuntime } from '../functions/runtime.js';
import type { FunctionsConfig } from '../functions/shared/config.js';
import * as validate from '../functions/shared/validate.js';
import type { RoomBus } from './room-bus.js';
import type { Writer } from './writer.js';

export function createMonolithBackend(
  config: FunctionsConfig,
  client: DynamoDBClient,
  jwtSecret: string,
  writer: Writer,
  bus: RoomBus,
): Backend {
  const runtime = createRuntime({
    config,
    client,
    jwtSecret,
    // The only writer of its tables: cached answers stay right, since every change passes here.
    roomCacheMs: 24 * 3600_000,
    sessionCacheMs: 24 * 3600_000,
    appender: () => writer.append,
    onRoomDeleted: (room) => {
      writer.forget(room.roomId);
      bus.closeRoom(room.roomId);
    },
  });

  return {
    ...runtime.operations,
    async subscribe(caller, request, sink) {
      const roomName = validate.roomName(request.room_name);
      validate.personName(caller.username, request.person_name);
      const after = request.after_seq === undefined ? undefined : validate.sequence('after_seq', request.after_seq);
      const room = await runtime.directory.requireRoom(roomName);
      return openSubscription(
        {
          feed: bus.feed,
          pageSize: REPLAY_PAGE,
          // Only committed messages: above that a write may still fail and its seqs be reused.
          async replayPage(roomId, afterSeq) {
            const committed = await writer.committedSeq(room);
            const page = await runtime.chat.replayPage(roomId, afterSeq);
            return page.filter((m) => m.server_seq <= committed);
          },
        },
        room.roomId,
        after,
        sink,
      );
    },
  };
}
