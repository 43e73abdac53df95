/**
 * The monolith's binding of the public API: the functions' operations called
 * in-process, messages sequenced by one group-committing writer, and live
 * delivery through an in-process bus.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Backend } from '../api/backend.js';
import { REPLAY_PAGE } from '../functions/chat/logic.js';
import { createSequencer, type Sequencer } from '../functions/chat/sequencer.js';
import { openSubscription } from '../functions/chat/subscription.js';
import { createRuntime } from '../functions/runtime.js';
import type { FunctionsConfig } from '../functions/shared/config.js';
import * as validate from '../functions/shared/validate.js';
import { createRoomBus, type RoomBus } from './room-bus.js';

export interface MonolithBackend {
  backend: Backend;
  bus: RoomBus;
  sequencer: Sequencer;
}

export function createMonolithBackend(config: FunctionsConfig, client: DynamoDBClient, jwtSecret: string): MonolithBackend {
  const bus = createRoomBus();
  let sequencer: Sequencer | undefined;
  const runtime = createRuntime({
    config,
    client,
    jwtSecret,
    // The only writer of its tables: cached answers stay right, since every change passes here.
    roomCacheMs: 24 * 3600_000,
    sessionCacheMs: 24 * 3600_000,
    appender: (table) => {
      sequencer = createSequencer({ table, onCommitted: (room, messages) => bus.publish(room.roomId, messages) });
      return sequencer.append;
    },
    onRoomDeleted: (room) => {
      sequencer?.forget(room.roomId);
      bus.closeRoom(room.roomId);
    },
  });
  const seq = sequencer as unknown as Sequencer;

  const backend: Backend = {
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
            const committed = await seq.committedSeq(room);
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
  return { backend, bus, sequencer: seq };
}
