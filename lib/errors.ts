/**
 * The one error taxonomy of the functions. Logic throws these; each transport
 * (gRPC, the Lambda envelope) maps them once. Anything else is a real fault and
 * reaches clients only as a generic INTERNAL.
 */
export type ErrorKind =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidArgumentError extends DomainError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = 'missing, invalid or expired credential') {
    super('UNAUTHENTICATED', message);
  }
}
export class PermissionDeniedError extends DomainError {
  constructor(message: string) {
    super('PERMISSION_DENIED', message);
  }
}
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}
export class AlreadyExistsError extends DomainError {
  constructor(message: string) {
    super('ALREADY_EXISTS', message);
  }
}
export class ResourceExhaustedError extends DomainError {
  constructor(message: string) {
    super('RESOURCE_EXHAUSTED', message);
  }
}
/** Too much from one user: try again after `retryAfterMs` (sent to clients as the `retry-after-ms` trailer). */
export class RateLimitedError extends ResourceExhaustedError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(`${message}; retry in ${retryAfterMs} ms`);
  }
}
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super('UNAVAILABLE', message);
  }
}
export class DeadlineExceededError extends DomainError {
  constructor(message: string) {
    super('DEADLINE_EXCEEDED', message);
  }
}

/**
 * An error as it crosses a process or thread boundary (the Lambda envelope, the
 * gateway's invoker, the monolith's writer thread): a domain error keeps its
 * kind; anything else travels as INTERNAL.
 */
export interface WireError {
  kind: ErrorKind | 'INTERNAL';
  message: string;
}

export function toWire(error: unknown): WireError {
  if (error instanceof DomainError) return { kind: error.kind, message: error.message };
  return { kind: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** The error `toWire` described: a domain error of its kind, else a plain Error (a fault). */
export function fromWire(wire: WireError): Error {
  return wire.kind === 'INTERNAL' ? new Error(wire.message) : new DomainError(wire.kind, wire.message);
}
