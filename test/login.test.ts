import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import jwt from 'jsonwebtoken';
import type { RunningServer } from '../api/grpc-server.js';
import { generateSigningKey } from '../functions/login/keys.js';
import { bearer, type Clients, call, connect, signUp, statusOf } from './support/clients.js';
import { TEST_PUBLIC_KEY, TEST_SIGNING_KEY } from './support/env.js';
import { startTestServer } from './support/server.js';

let monolith: RunningServer;
let c: Clients;

before(async () => {
  monolith = await startTestServer();
  c = connect(monolith.address);
});
after(async () => {
  c.close();
  await monolith.stop();
});

const login = (username: string, password: string) => call(c.login, c.login.Login, { username, password });
const validate = (credential: string) => call(c.login, c.login.Validate, { credential });

describe('AddUser', () => {
  test('registers a new user once', async () => {
    assert.deepEqual(await call(c.login, c.login.AddUser, { username: 'ann', password: 'pw-ann-1' }), { ok: true });
    assert.equal(await statusOf(call(c.login, c.login.AddUser, { username: 'ann', password: 'other-pw' })), status.ALREADY_EXISTS);
  });

  test('refuses malformed names and passwords', async () => {
    for (const [username, password] of <[string, string][]>[
      ['', 'password'],
      ['has space', 'password'],
      ['x'.repeat(33), 'password'],
      ['-leading', 'password'],
      ['okname', ''],
      ['okname', 'abc'],
      ['okname', 'p'.repeat(129)],
    ]) {
      assert.equal(
        await statusOf(call(c.login, c.login.AddUser, { username, password })),
        status.INVALID_ARGUMENT,
        `${username}/${password.length}`,
      );
    }
  });
});

describe('Login', () => {
  test('answers a credential with its expiry', async () => {
    await call(c.login, c.login.AddUser, { username: 'bea', password: 'pw-bea-1' });
    const reply = (await login('bea', 'pw-bea-1')) as { credential: string; expires_at_iso: string; username: string };
    assert.equal(reply.username, 'bea');
    const expires = Date.parse(reply.expires_at_iso);
    assert.ok(expires > Date.now() + 3_000_000, 'expiry is in the future');
    assert.deepEqual(await validate(reply.credential), { valid: true, username: 'bea', expires_at_iso: reply.expires_at_iso });
  });

  test('wrong password and unknown user are both UNAUTHENTICATED', async () => {
    await call(c.login, c.login.AddUser, { username: 'cid', password: 'pw-cid-1' });
    assert.equal(await statusOf(login('cid', 'wrong-pw')), status.UNAUTHENTICATED);
    assert.equal(await statusOf(login('nobody', 'pw-cid-1')), status.UNAUTHENTICATED);
    assert.equal(await statusOf(login('cid', '')), status.INVALID_ARGUMENT);
  });
});

describe('Validate', () => {
  test('forged, expired, malformed, alg=none and public-key-as-HMAC tokens are not valid', async () => {
    const token = await signUp(c, 'dan');
    const { sid } = jwt.decode(token) as { sid: string };
    const claims = { sub: 'dan', sid, exp: Math.floor(Date.now() / 1000) + 600 };
    const options = { issuer: 'chat-functions' };
    const forged = jwt.sign(claims, generateSigningKey().privateKeyPem, { ...options, algorithm: 'ES256' });
    const expired = jwt.sign({ ...claims, exp: claims.exp - 610 }, TEST_SIGNING_KEY, { ...options, algorithm: 'ES256' });
    const none = jwt.sign(claims, '', { ...options, algorithm: 'none' });
    // What a holder of the public key alone (a gateway) could try: HS256 keyed with the public key's PEM.
    const hmacWithPublicKey = jwt.sign(claims, TEST_PUBLIC_KEY, {
      ...options,
      algorithm: 'HS256',
      allowInsecureKeySizes: true,
    } as jwt.SignOptions);
    for (const credential of [forged, expired, none, hmacWithPublicKey, 'not-a-token', `${token}x`]) {
      assert.deepEqual(await validate(credential), { valid: false, username: '', expires_at_iso: '' });
    }
    assert.equal(await statusOf(validate('')), status.INVALID_ARGUMENT);
  });
});

describe('WhoIsLoggedIn', () => {
  test('lists sessions by id, never a usable token, and needs a credential', async () => {
    const token = await signUp(c, 'eve');
    const reply = (await call(c.login, c.login.WhoIsLoggedIn, {}, bearer(token))) as {
      sessions: { username: string; credential: string }[];
    };
    const mine = reply.sessions.filter((s) => s.username === 'eve');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.credential, (jwt.decode(token) as { sid: string }).sid);
    for (const session of reply.sessions) assert.ok(!session.credential.includes('.'), 'no JWT in the reply');
    assert.equal(await statusOf(call(c.login, c.login.WhoIsLoggedIn, {})), status.UNAUTHENTICATED);
  });
});

describe('Logout', () => {
  test('ends the session: the credential stops working', async () => {
    const token = await signUp(c, 'fay');
    assert.deepEqual(await call(c.login, c.login.Logout, { credential: token }), { ok: true });
    assert.equal(((await validate(token)) as { valid: boolean }).valid, false);
    assert.equal(
      await statusOf(call(c.gateway, c.gateway.CreateRoom, { auth: { credential: token }, room_name: 'r-fay' })),
      status.UNAUTHENTICATED,
    );
  });
});

describe('RemoveUser', () => {
  test('a user removes only themselves, and their sessions end', async () => {
    const gus = await signUp(c, 'gus');
    await signUp(c, 'hal');
    assert.equal(await statusOf(call(c.login, c.login.RemoveUser, { username: 'hal' }, bearer(gus))), status.PERMISSION_DENIED);
    assert.equal(await statusOf(call(c.login, c.login.RemoveUser, { username: 'gus' })), status.UNAUTHENTICATED);
    assert.deepEqual(await call(c.login, c.login.RemoveUser, { username: 'gus' }, bearer(gus)), { ok: true });
    assert.equal(((await validate(gus)) as { valid: boolean }).valid, false);
    assert.equal(await statusOf(login('gus', 'password1')), status.UNAUTHENTICATED);
    assert.deepEqual(await call(c.login, c.login.Login, { username: 'hal', password: 'password1' }).then(() => 'ok'), 'ok');
  });
});
