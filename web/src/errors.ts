/**
 * Every status a call can end with, as a sentence a person understands. The
 * server's own messages are already written for people (they name the room,
 * the limit, the field); the sentence says what happened and what to do.
 */
import { Code, ConnectError } from '@connectrpc/connect';

/** What the page was doing, where a status means something particular there. */
export type Doing = 'login' | 'register' | 'other';

const capitalised = (text: string) => (text ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text);

export function sentence(error: unknown, doing: Doing = 'other'): string {
  const e = ConnectError.from(error);
  const detail = capitalised(e.rawMessage);
  switch (e.code) {
    case Code.InvalidArgument:
      return `${detail}.`;
    case Code.Unauthenticated:
      return doing === 'login' ? 'Wrong username or password.' : 'Your session has ended. Please log in again.';
    case Code.PermissionDenied:
      return `You are not allowed to do that: ${e.rawMessage}.`;
    case Code.NotFound:
      return `${detail}.`;
    case Code.AlreadyExists:
      return doing === 'register' ? 'That username is taken. Pick another one.' : `${detail}.`;
    case Code.ResourceExhausted:
      return `Slow down: ${e.rawMessage}.`;
    case Code.Unavailable:
      return 'The server is busy or restarting. Try again in a moment.';
    case Code.DeadlineExceeded:
      return 'The server took too long to answer. Try again.';
    case Code.Canceled:
      return 'The request was cancelled.';
    case Code.Unknown:
      // fetch failing (no network, server gone) lands here too.
      return 'Cannot reach the chat server. Check your connection.';
    default:
      return 'Something went wrong on the server. Try again later.';
  }
}

/** Worth trying again with the same request: the server may not have seen it, or will take it later. */
export function retryable(error: unknown): boolean {
  const { code } = ConnectError.from(error);
  return code === Code.Unavailable || code === Code.DeadlineExceeded || code === Code.Unknown || code === Code.ResourceExhausted;
}

/** How long the server asked us to wait (its `retry-after-ms` trailer), if it did. */
export function retryAfterMs(error: unknown): number | undefined {
  const value = Number(ConnectError.from(error).metadata.get('retry-after-ms'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
