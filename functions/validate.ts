/**
 * Input limits, checked once at the edge of each function. The numbers are the
 * ones documented in the README ("Limits"); change both together.
 */
import { InvalidArgumentError, PermissionDeniedError } from '../lib/errors.js';

export const LIMITS = {
  usernameMax: 32,
  passwordMin: 4, // `demo` must work: the load accounts and the original clients use it
  passwordMax: 128,
  roomNameMax: 64,
  textMaxBytes: 4096,
  msgIdMax: 64,
  historyDefault: 20,
  historyMax: 200,
  listRoomsDefault: 100,
  listRoomsMax: 1000,
} as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const MSG_ID = /^[A-Za-z0-9_.:-]+$/;

function required(field: string, value: string): string {
  if (value === '') throw new InvalidArgumentError(`${field} is required`);
  return value;
}

function name(field: string, value: string, max: number): string {
  required(field, value);
  if (value.length > max) throw new InvalidArgumentError(`${field} is longer than ${max} characters`);
  if (!NAME.test(value)) {
    throw new InvalidArgumentError(`${field} may hold only letters, digits, '_', '.', '-' and must start with a letter or digit`);
  }
  return value;
}

export const username = (value: string) => name('username', value, LIMITS.usernameMax);
export const roomName = (value: string) => name('room_name', value, LIMITS.roomNameMax);

export function password(value: string): string {
  required('password', value);
  if (value.length < LIMITS.passwordMin) throw new InvalidArgumentError(`password is shorter than ${LIMITS.passwordMin} characters`);
  if (value.length > LIMITS.passwordMax) throw new InvalidArgumentError(`password is longer than ${LIMITS.passwordMax} characters`);
  return value;
}

export function text(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('text is required');
  if (Buffer.byteLength(value, 'utf8') > LIMITS.textMaxBytes) {
    throw new InvalidArgumentError(`text is larger than ${LIMITS.textMaxBytes} bytes`);
  }
  return value;
}

/** Optional idempotency key; empty means the server makes one. */
export function msgId(value: string): string {
  if (value === '') return value;
  if (value.length > LIMITS.msgIdMax) throw new InvalidArgumentError(`msg_id is longer than ${LIMITS.msgIdMax} characters`);
  if (!MSG_ID.test(value)) throw new InvalidArgumentError("msg_id may hold only letters, digits, '_', '.', ':', '-'");
  return value;
}

/** A page size: 0 means the default, larger than the maximum is clamped. */
export function pageSize(field: string, value: number, fallback: number, max: number): number {
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError(`${field} must be a non-negative integer`);
  return value === 0 ? fallback : Math.min(value, max);
}

export function sequence(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidArgumentError(`${field} must be a non-negative integer`);
  return value;
}

export function timestamp(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidArgumentError(`${field} must be a non-negative integer`);
  return value;
}

/** `person_name` is the caller's own name: empty means the caller, anyone else is refused. */
export function personName(caller: string, value: string): string {
  if (value === '' || value === caller) return caller;
  throw new PermissionDeniedError(`you are ${caller} and cannot act as ${value}`);
}
