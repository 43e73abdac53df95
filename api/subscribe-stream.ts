/**
 * One Subscribe stream, owned from start to end (in the style of
 * grpc-health-check's watch streams): it opens the subscription, writes what
 * the subscription delivers while the client keeps up, ends the stream when
 * the room is gone, fails it with a status, and stops the subscription when
 * the client cancels. Whoever ends it first wins: nothing is written after,
 * and a subscription that opens late is stopped at once.
 */
import * as grpc from '@grpc/grpc-js';
import type { ChatMessage } from '../contracts/generated/gateway/ChatMessage.js';
import type { gateway } from '../contracts/types.js';
import type { SubscriptionSink } from '../functions/chat/subscription.js';
import { ResourceExhaustedError } from '../lib/errors.js';
import { toStatusError } from './grpc-errors.js';

/** Messages a subscriber may have queued before it is cut off as too slow. */
export const MAX_QUEUED_PER_SUBSCRIBER = 10_000;

export type SubscribeCall = grpc.ServerWritableStream<gateway.SubscribeRequest, ChatMessage>;

export class SubscribeStream implements SubscriptionSink {
  /** True once the stream is over, however it ended. */
  over = false;
  private cancel?: () => void;

  /** @param onOver told once when the stream is over, however it ended. */
  constructor(
    private readonly call: SubscribeCall,
    private readonly onOver: (stream: SubscribeStream) => void,
  ) {
    call.on('cancelled', () => this.finish());
  }

  /** Opens the subscription; once it is live, the stream's headers tell the client so. */
  start(open: (sink: SubscriptionSink) => Promise<() => void>): void {
    open(this).then((stop) => {
      if (this.over) return stop();
      this.cancel = stop;
      // Headers now tell the client it is subscribed: whatever is sent from here on reaches it.
      this.call.sendMetadata(new grpc.Metadata());
    }, this.fail);
  }

  send(message: ChatMessage): void {
    if (this.over) return;
    if (this.call.writableLength >= MAX_QUEUED_PER_SUBSCRIBER) {
      this.fail(new ResourceExhaustedError('subscriber is too slow; resubscribe with after_seq'));
      return;
    }
    this.call.write(message);
  }

  /** The room is gone: end the stream after what is queued. */
  end(): void {
    if (this.over) return;
    this.finish();
    this.call.end();
  }

  /** Ends the stream with the error's status (after what is queued). */
  fail = (error: unknown): void => {
    if (this.over) return;
    this.finish();
    this.call.emit('error', toStatusError(error, 'Subscribe'));
  };

  private finish(): void {
    if (this.over) return;
    this.over = true;
    this.cancel?.();
    this.onOver(this);
  }
}
