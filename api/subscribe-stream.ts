/**
 * One Subscribe stream, owned from start to end (in the style of
 * grpc-health-check's watch streams): it opens the subscription, writes what
 * the subscription delivers while the client keeps up, ends the stream when
 * the room is gone, fails it with a status, and stops the subscription when
 * the client cancels. Whoever ends it first wins: nothing is written after,
 * and a subscription that opens late is stopped at once. The transport is a
 * StreamPort: a grpc-js call, or a gRPC-Web response.
 */
import type { chatmsg } from '../contracts/types.js';
import type { SubscriptionSink } from '../functions/chat/subscription.js';
import { ResourceExhaustedError } from '../lib/errors.js';

/** Messages a subscriber may have queued before it is cut off as too slow. */
export const MAX_QUEUED_PER_SUBSCRIBER = 10_000;

/** What a transport gives a Subscribe stream. */
export interface StreamPort {
  /** Messages written that the client has not taken yet. */
  queued(): number;
  write(message: chatmsg.ChatMessage): void;
  /** The subscription is live: send the response headers now, so the client knows. */
  live(): void;
  /** Ends the stream with OK after what is queued. */
  end(): void;
  /** Ends the stream with the error's status after what is queued (the transport's one error mapping). */
  fail(error: unknown): void;
  /** Told once if the client goes away. */
  onCancel(listener: () => void): void;
}

export class SubscribeStream implements SubscriptionSink {
  /** True once the stream is over, however it ended. */
  over = false;
  private cancel?: () => void;

  /** @param onOver told once when the stream is over, however it ended. */
  constructor(
    private readonly port: StreamPort,
    private readonly onOver: (stream: SubscribeStream) => void,
  ) {
    port.onCancel(() => this.finish());
  }

  /** Opens the subscription; once it is live, the stream's headers tell the client so. */
  start(open: (sink: SubscriptionSink) => Promise<() => void>): void {
    open(this).then((stop) => {
      if (this.over) return stop();
      this.cancel = stop;
      this.port.live();
    }, this.fail);
  }

  send(message: chatmsg.ChatMessage): void {
    if (this.over) return;
    if (this.port.queued() >= MAX_QUEUED_PER_SUBSCRIBER) {
      this.fail(new ResourceExhaustedError('subscriber is too slow; resubscribe with after_seq'));
      return;
    }
    this.port.write(message);
  }

  /** The room is gone: end the stream after what is queued. */
  end(): void {
    if (this.over) return;
    this.finish();
    this.port.end();
  }

  /** Ends the stream with the error's status (after what is queued). */
  fail = (error: unknown): void => {
    if (this.over) return;
    this.finish();
    this.port.fail(error);
  };

  private finish(): void {
    if (this.over) return;
    this.over = true;
    this.cancel?.();
    this.onOver(this);
  }
}
