/**
 * The public contract over gRPC-Web, from the descriptors generated from
 * contracts/proto: the same services every other client calls, on the page's
 * own origin (the monolith's web port, or Envoy's gRPC-Web listener). The
 * credential rides in `authorization: Bearer` and lives in sessionStorage: as
 * long as the tab, across reloads, never in another tab or after it closes.
 */
import { createClient, type Interceptor } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';
import { LoginService } from '../../contracts/generated/es/auth_pb.js';
import { GatewayService } from '../../contracts/generated/es/gateway_pb.js';
import { retryAfterMs, retryable } from './errors.js';

export interface Session {
  username: string;
  credential: string;
}

const SESSION_KEY = 'chat.session';

export const session = {
  get(): Session | undefined {
    try {
      return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(value: Session | undefined): void {
    if (value) sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
    else sessionStorage.removeItem(SESSION_KEY);
  },
};

const withCredential: Interceptor = (next) => (request) => {
  const credential = session.get()?.credential;
  if (credential) request.header.set('authorization', `Bearer ${credential}`);
  return next(request);
};

const transport = createGrpcWebTransport({ baseUrl: location.origin, interceptors: [withCredential] });
export const login = createClient(LoginService, transport);
export const chat = createClient(GatewayService, transport);

/** A fresh id for a send, reused by every retry of it (crypto.randomUUID needs a secure context; this does not). */
export function newMsgId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Exponential backoff with full jitter, capped; the server's retry-after-ms wins when it gave one. */
export function backoffMs(attempt: number, error?: unknown): number {
  const asked = error === undefined ? undefined : retryAfterMs(error);
  return asked ?? Math.random() * Math.min(10_000, 250 * 2 ** attempt);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails for good, or `tries` are spent; `onRetry` hears each wait. */
export async function withRetries<T>(attempt: () => Promise<T>, tries: number, onRetry?: (error: unknown) => void): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error) || n + 1 >= tries) throw error;
      onRetry?.(error);
      await sleep(backoffMs(n, error));
    }
  }
}
