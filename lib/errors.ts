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

/** Rebuilds a domain error from its transported form (the Lambda envelope). */
export function domainError(kind: ErrorKind, message: string): DomainError {
  return new DomainError(kind, message);
}
