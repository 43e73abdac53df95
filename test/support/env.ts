/**
 * Test settings, applied before anything reads configuration: a signing key
 * made for this run (so tests can forge and expire tokens), a cheap scrypt
 * cost (the production cost is measured by the benchmark, not paid by every
 * test), and quiet logs.
 */
import { generateSigningKey } from '../../functions/login/keys.js';

const pair = generateSigningKey();
/** The login function's private key (PEM) in every test server; its public half is what gateways get. */
export const TEST_SIGNING_KEY = pair.privateKeyPem;
export const TEST_PUBLIC_KEY = pair.publicKeyPem;

process.env.JWT_PRIVATE_KEY = TEST_SIGNING_KEY;
delete process.env.JWT_SECRET;
process.env.SCRYPT_LOG_N ??= '10';
process.env.LOG_LEVEL ??= 'error';
process.env.LOG_FORMAT ??= 'json';
process.env.CHAT_ENV = 'production';
// Per-user limits out of the way of tests that send fast; abuse.test.ts sets its own.
export const USER_LIMIT_NAMES = ['SENDS_PER_SECOND', 'SEND_BURST', 'STREAMS_PER_USER', 'ROOMS_PER_USER', 'LOGINS_IN_FLIGHT_PER_USER'];
for (const name of USER_LIMIT_NAMES) process.env[name] ??= name === 'LOGINS_IN_FLIGHT_PER_USER' ? '1000' : '100000';
