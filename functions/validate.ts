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

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
// Letters and digits of any script, marks, `_ . -`, single spaces inside: no control, format
// (zero-width, bidi) or other invisible characters, which make look-alike names.
const ROOM_NAME = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}_.-]| (?=[\p{L}\p{M}\p{N}_.-]))*$/u;
const MSG_ID = /^[A-Za-z0-9_.:-]+$/;
// C0 and C1 controls other than tab and newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// What shows nothing: white space, format characters (zero-width, bidi controls), controls.
const INVISIBLE = /[\s\p{Cf}\p{Cc}]/gu;

function required(field: string, value: string): string {
  if (value === '') throw new InvalidArgumentError(`${field} is required`);
  return value;
}

export function username(value: string): string {
  required('username', value);
  if (value.length > LIMITS.usernameMax) throw new InvalidArgumentError(`username is longer than ${LIMITS.usernameMax} characters`);
  if (!USERNAME.test(value)) {
    throw new InvalidArgumentError("username may hold only letters, digits, '_', '.', '-' and must start with a letter or digit");
  }
  return value;
}

/** A room name as shown (NFC): letters of any script, digits, `_ . -` and single inner spaces. */
export function roomName(value: string): string {
  const name = required('room_name', value).normalize('NFC');
  if ([...name].length > LIMITS.roomNameMax) throw new InvalidArgumentError(`room_name is longer than ${LIMITS.roomNameMax} characters`);
  if (!ROOM_NAME.test(name)) {
    throw new InvalidArgumentError(
      "room_name may hold letters, digits, '_', '.', '-' and single spaces between them, and must start with a letter or digit",
    );
  }
  return name;
}

/**
 * The form that decides whether two names are the same account or room:
 * compatibility-normalised and lower-cased, so "Ann" and "ann", or "Ｌｏｂｂｙ"
 * and "lobby", cannot be two. Names are shown as typed; storage keys use this.
 */
export const canonicalName = (value: string): string => value.normalize('NFKC').toLowerCase();

/** True when two names are the same account (or room). */
export const sameName = (a: string, b: string): boolean => canonicalName(a) === canonicalName(b);

export function password(value: string): string {
  required('password', value);
  if (value.length < LIMITS.passwordMin) throw new InvalidArgumentError(`password is shorter than ${LIMITS.passwordMin} characters`);
  if (value.length > LIMITS.passwordMax) throw new InvalidArgumentError(`password is longer than ${LIMITS.passwordMax} characters`);
  return value;
}

export function text(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('text is required');
  if (CONTROL.test(value)) throw new InvalidArgumentError('text may not hold control characters other than tab and newline');
  if (value.replace(INVISIBLE, '') === '') throw new InvalidArgumentError('text holds only invisible characters');
  // What a protobuf string decodes invalid UTF-8 to: the bytes were not text.
  if (value.includes('\uFFFD')) throw new InvalidArgumentError('text is not valid UTF-8 (it holds U+FFFD)');
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
  if (value === '' || sameName(value, caller)) return caller;
  throw new PermissionDeniedError(`you are ${caller} and cannot act as ${value}`);
}
