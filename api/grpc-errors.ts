/**
 * The one error mapping of the gRPC transport: domain errors become their
 * status with their message; anything else is a real fault, logged here and
 * answered INTERNAL with a message that leaks nothing.
 */
import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { DomainError, type ErrorKind, RateLimitedError } from '../lib/errors.js';
import { describeError, log } from '../lib/log.js';

const STATUS: Record<ErrorKind, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  UNAVAILABLE: status.UNAVAILABLE,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
};

export type StatusError = Partial<ServiceError> & { code: status; details: string; metadata?: Metadata };

export function toStatusError(error: unknown, rpc: string): StatusError {
  if (error instanceof RateLimitedError) {
    const metadata = new Metadata();
    metadata.set('retry-after-ms', String(error.retryAfterMs));
    return { code: STATUS[error.kind], details: error.message, metadata };
  }
  if (error instanceof DomainError) return { code: STATUS[error.kind], details: error.message };
  log.error('rpc failed', { rpc, ...describeError(error) });
  return { code: status.INTERNAL, details: 'internal error' };
}
