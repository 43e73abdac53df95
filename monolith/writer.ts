/**
 * The message writer: the sequencer (sequencer.ts) where MESSAGE_WRITER says.
 * On the main thread (the default) its calls are plain calls: no hop each way
 * per send and no copy across, which measured cheaper at every load here and
 * faster under heavy load; its keys sit on gRPC's heap. On a thread of its own, this is the main
 * thread's side: the same calls as messages, and commits come back in order,
 * before the replies they belong to, so live delivery still precedes the
 * sender's ack; its keys and their collections stay off gRPC's heap, for a
 * large IDEMPOTENCY_KEYS.
 */
import { Worker } from 'node:worker_threads';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { chatmsg } from '../contracts/types.js';
import type { Appended, Draft } from '../functions/chat/append.js';
import type { RoomRecord } from '../functions/chatroom/rooms-table.js';
import { fromWire, type WireError } from '../lib/errors.js';
import type { LatencyCounts } from '../lib/latency.js';
import { noStorage, type StorageUsage } from '../lib/usage.js';
import { createSequencer, type SequencerOptions } from './sequencer.js';

export interface WriterSetup {
  endpoint?: string;
  region: string;
  tableName: string;
  /** The sequencer's bounds and pace, as configured (see sequencer.ts). */
  limits: Required<Pick<SequencerOptions, 'maxIds' | 'maxPrints' | 'paceMs' | 'maxRooms'>>;
}

export type WriterRequest =
  | { type: 'append'; id: number; room: RoomRecord; draft: Draft; opts: { mayRepeat: boolean } }
  | { type: 'committedSeq'; id: number; room: RoomRecord }
  | { type: 'drain'; id: number }
  | { type: 'stats'; id: number }
  | { type: 'usage'; id: number }
  | { type: 'forget'; roomId: string };

type WriterEvent =
  | { type: 'committed'; roomId: string; messages: chatmsg.ChatMessage[] }
  | { type: 'reply'; id: number; value?: unknown; error?: WireError };

export type WriterStats = {
  flushes: number;
  messages: number;
  largestFlush: number;
  /** Idempotency keys held whole in memory. */
  keys: number;
  /** Fingerprints of keys held. */
  prints: number;
  /** Rooms whose state it holds. */
  rooms: number;
};

// Distributes Omit over the union, so each request keeps its own fields.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * @param onFailure told when the thread dies: the server cannot accept messages
 *   without it, and a restart rebuilds its state from the table.
 */
export async function startWriter(
  setup: WriterSetup,
  onCommitted: (roomId: string, messages: chatmsg.ChatMessage[]) => void,
  onFailure: (error: Error) => void,
) {
  const worker = new Worker(new URL('./writer-thread.mjs', import.meta.url), { workerData: setup });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;

  worker.on('message', (event: WriterEvent) => {
    if (event.type === 'committed') return onCommitted(event.roomId, event.messages);
    const waiter = pending.get(event.id);
    pending.delete(event.id);
    if (!event.error) return waiter?.resolve(event.value);
    waiter?.reject(fromWire(event.error));
  });
  let closing = false;
  const fail = (error: Error) => {
    if (failure) return;
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    if (!closing) onFailure(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`message writer thread exited (${code})`)));

  function request<T>(message: WithoutId<Exclude<WriterRequest, { type: 'forget' }>>): Promise<T> {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  }

  // The first request also proves the thread started (its module loaded, its client built).
  await request<WriterStats>({ type: 'stats' });

  return {
    append: (room: RoomRecord, draft: Draft, opts: { mayRepeat: boolean }) => request<Appended>({ type: 'append', room, draft, opts }),
    committedSeq: (room: RoomRecord) => request<number>({ type: 'committedSeq', room }),
    forget: (roomId: string) => worker.postMessage({ type: 'forget', roomId } satisfies WriterRequest),
    stats: () => request<WriterStats>({ type: 'stats' }),
    /** The writer thread's storage requests, its kernel thread id, and its timings (queue wait, flushes). */
    usage: () => request<{ storage: StorageUsage; thread?: number; latency: Record<string, LatencyCounts> }>({ type: 'usage' }),
    /** Commits what is queued, stops the thread, and returns the final counts. */
    async close(): Promise<WriterStats> {
      const stats = await request<WriterStats>({ type: 'drain' });
      closing = true;
      await worker.terminate();
      return stats;
    },
  };
}

export type Writer = Awaited<ReturnType<typeof startWriter>>;

/**
 * The same writer on the main thread, with the server's own client (its
 * requests count, and tell the storage watch, with the rest): no thread hop
 * each way, and no copy of each message across threads.
 */
export function startInProcessWriter(
  client: DynamoDBClient,
  setup: WriterSetup,
  onCommitted: (roomId: string, messages: chatmsg.ChatMessage[]) => void,
): Writer {
  const sequencer = createSequencer({
    table: { client, tableName: setup.tableName },
    ...setup.limits,
    onCommitted: (room, messages) => onCommitted(room.roomId, messages),
  });
  return {
    append: sequencer.append,
    committedSeq: sequencer.committedSeq,
    forget: sequencer.forget,
    stats: async () => sequencer.stats(),
    // Its storage requests and timings are the main thread's, counted there.
    usage: async () => ({ storage: noStorage(), latency: {} }),
    async close() {
      await sequencer.drain();
      return sequencer.stats();
    },
  };
}
