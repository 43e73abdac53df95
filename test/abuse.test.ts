/**
 * What an adversarial user found through the public API (issue: hardening),
 * one test per finding; run on the monolith here and on the functions path by
 * functions-path/abuse.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-node';
import { status } from '@grpc/grpc-js';
import { GatewayService } from '../contracts/generated/es/gateway_pb.js';
import { bearer, call, signUp, statusOf, subscribe } from './support/clients.js';
import { serverWithUsers } from './support/fixture.js';

// Small limits for this file's server (read when it starts, after support/env.ts set generous ones).
Object.assign(process.env, {
  ROOMS_PER_USER: '5',
  SENDS_PER_SECOND: '5',
  SEND_BURST: '20',
  STREAMS_PER_USER: '2',
  LOGINS_IN_FLIGHT_PER_USER: '1',
});

const fx = serverWithUsers('Ann', 'mallory', 'carol');
const g = () => fx.c.gateway;
const l = () => fx.c.login;
type Reply = { ok: boolean; message: string; server_seq: number; msg_id: string };
type History = { messages: { server_seq: number; text: string; person_name: string; room_name: string }[] };

async function room(name: string, owner: string, ...members: string[]) {
  await call(g(), g().CreateRoom, { room_name: name }, bearer(owner));
  for (const member of [owner, ...members]) await call(g(), g().EnterRoom, { room_name: name }, bearer(member));
}
const send = (token: string, room_name: string, text: string, msg_id = '') =>
  call(g(), g().SendMessage, { room_name, text, msg_id }, bearer(token)) as Promise<Reply>;

describe('idempotency keys are per sender', () => {
  test("another sender's msg_id is not a repeat: both messages are stored", async () => {
    await room('ids', fx.token.Ann, fx.token.mallory);
    const first = await send(fx.token.mallory, 'ids', 'from mallory', 'msg-1');
    const second = await send(fx.token.Ann, 'ids', 'from ann', 'msg-1');
    assert.equal(second.message, 'stored');
    assert.notEqual(second.server_seq, first.server_seq);
    const { messages } = (await call(g(), g().GetHistory, { room_name: 'ids' }, bearer(fx.token.Ann))) as History;
    assert.deepEqual(
      messages.map((m) => [m.person_name, m.text]),
      [
        ['mallory', 'from mallory'],
        ['Ann', 'from ann'],
      ],
    );
  });

  test('a repeat with the same text is answered with the first seq; with another text it is ALREADY_EXISTS', async () => {
    await room('retries', fx.token.Ann);
    const first = await send(fx.token.Ann, 'retries', 'hello', 'r-1');
    const again = await send(fx.token.Ann, 'retries', 'hello', 'r-1');
    assert.deepEqual([again.message, again.server_seq], ['already stored', first.server_seq]);
    const conflict = await send(fx.token.Ann, 'retries', 'something else', 'r-1').catch((error) => error);
    assert.equal(conflict.code, status.ALREADY_EXISTS);
    assert.match(conflict.details, /msg_id r-1 was already used for another message/);
  });
});

describe('names', () => {
  test('one account per name whatever its case; the name is shown as registered', async () => {
    assert.equal(await statusOf(call(l(), l().AddUser, { username: 'ann', password: 'password1' })), status.ALREADY_EXISTS);
    assert.equal(await statusOf(call(l(), l().AddUser, { username: 'ANN', password: 'password1' })), status.ALREADY_EXISTS);
    const login = (await call(l(), l().Login, { username: 'aNN', password: 'password1' })) as { username: string };
    assert.equal(login.username, 'Ann');
  });

  test('one room per name whatever its case; inner spaces and other scripts are allowed, invisible characters not', async () => {
    await room('Area 51', fx.token.Ann);
    assert.equal(await statusOf(call(g(), g().CreateRoom, { room_name: 'area 51' }, bearer(fx.token.carol))), status.ALREADY_EXISTS);
    assert.equal(await statusOf(call(g(), g().CreateRoom, { room_name: 'ＡＲＥＡ 51' }, bearer(fx.token.carol))), status.ALREADY_EXISTS);
    await call(g(), g().EnterRoom, { room_name: 'AREA 51' }, bearer(fx.token.carol));
    const reply = await send(fx.token.carol, 'area 51', 'here');
    assert.equal(reply.ok, true);
    const { messages } = (await call(g(), g().GetHistory, { room_name: 'Area 51' }, bearer(fx.token.carol))) as History;
    assert.equal(messages[0]?.room_name, 'Area 51');
    await call(g(), g().CreateRoom, { room_name: 'Café Ünïcode 東京' }, bearer(fx.token.carol));
    for (const room_name of ['zero\u200Bwidth', 'bidi\u202Eevil', 'tab\there', 'trailing ', 'nul\u0000']) {
      assert.equal(await statusOf(call(g(), g().CreateRoom, { room_name }, bearer(fx.token.carol))), status.INVALID_ARGUMENT, room_name);
    }
  });

  test('text: no control characters but tab and newline, not only invisible ones, no U+FFFD', async () => {
    await room('texts', fx.token.Ann);
    assert.equal((await send(fx.token.Ann, 'texts', 'line one\n\tline two')).ok, true);
    for (const text of ['\u200B\u200C\u200D', '\u202E\u2066', 'nul\u0000inside', 'bell\u0007', 'broken \uFFFD bytes', '\u00A0\u2028']) {
      assert.equal(await statusOf(send(fx.token.Ann, 'texts', text)), status.INVALID_ARGUMENT, JSON.stringify(text));
    }
  });

  test('an oversized password is refused before it is hashed', async () => {
    const started = performance.now();
    const refused = await call(l(), l().Login, { username: 'Ann', password: 'x'.repeat(1 << 20) }).catch((error) => error);
    assert.equal(refused.code, status.INVALID_ARGUMENT);
    assert.match(refused.details, /password is longer than 128 characters/);
    assert.ok(performance.now() - started < 5_000);
  });
});

describe('a removed account', () => {
  test('leaves its name to no one: its rooms cannot be taken over', async () => {
    const dave = await signUp(fx.c, 'dave');
    await room('daves-room', dave);
    await call(l(), l().RemoveUser, { username: 'dave' }, bearer(dave));
    const taken = await call(l(), l().AddUser, { username: 'Dave', password: 'password1' }).catch((error) => error);
    assert.equal(taken.code, status.ALREADY_EXISTS);
    assert.match(taken.details, /belonged to a removed account/);
    assert.equal(await statusOf(call(l(), l().Login, { username: 'dave', password: 'password1' })), status.UNAUTHENTICATED);
    assert.equal(
      await statusOf(call(g(), g().DeleteRoom, { room_name: 'daves-room' }, bearer(fx.token.mallory))),
      status.PERMISSION_DENIED,
    );
  });
});

describe('per-user limits', () => {
  test('rooms owned: past the quota RESOURCE_EXHAUSTED, until one is deleted', async () => {
    const owner = await signUp(fx.c, 'owner');
    for (const n of [1, 2, 3, 4, 5]) await call(g(), g().CreateRoom, { room_name: `owned-${n}` }, bearer(owner));
    const refused = await call(g(), g().CreateRoom, { room_name: 'owned-6' }, bearer(owner)).catch((error) => error);
    assert.equal(refused.code, status.RESOURCE_EXHAUSTED);
    assert.match(refused.details, /you own 5 rooms already/);
    await call(g(), g().DeleteRoom, { room_name: 'owned-2' }, bearer(owner));
    await call(g(), g().CreateRoom, { room_name: 'owned-6' }, bearer(owner));
    const { rooms } = (await call(g(), g().ListRooms, { limit: 1000 }, bearer(owner))) as { rooms: { room_name: string }[] };
    assert.ok(
      rooms.every((r) => r.room_name !== ''),
      'the room counts are not rooms',
    );
  });

  test('sends: a token bucket per user, RESOURCE_EXHAUSTED with a retry hint; others unaffected', async () => {
    const rater = await signUp(fx.c, 'rater');
    await room('rated', rater, fx.token.carol);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(rater, 'rated', `burst ${i}`).then(
          () => 'ok',
          (error) => error,
        ),
      ),
    );
    const refused = outcomes.filter((o) => o !== 'ok');
    assert.ok(refused.length >= 5, `${refused.length} of 30 refused`);
    assert.equal(refused[0].code, status.RESOURCE_EXHAUSTED);
    const retryAfter = Number(refused[0].metadata.get('retry-after-ms')[0]);
    assert.ok(retryAfter > 0 && retryAfter <= 1_000, `retry-after-ms ${retryAfter}`);
    assert.equal((await send(fx.token.carol, 'rated', 'a bystander')).ok, true);
    await new Promise((resolve) => setTimeout(resolve, retryAfter));
    assert.equal((await send(rater, 'rated', 'after the hint')).ok, true);
  });

  test('the send budget is one per user across transports, and gRPC-Web gets the retry hint too', async () => {
    const both = await signUp(fx.c, 'both_ways');
    await room('both-ways', both);
    const web = createGrpcWebTransport({ baseUrl: fx.server.webUrl as string, httpVersion: '1.1' });
    const viaWeb = createClient(GatewayService, web);
    const overWeb = (i: number) =>
      viaWeb.sendMessage({ roomName: 'both-ways', text: `web ${i}` }, { headers: { authorization: `Bearer ${both}` } });
    // The burst (20) is spent over gRPC; the next sends over gRPC-Web find the bucket empty.
    const overGrpc = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => send(both, 'both-ways', `grpc ${i}`)));
    assert.ok(overGrpc.filter((o) => o.status === 'fulfilled').length >= 15);
    const refused = await Promise.all(Array.from({ length: 10 }, (_, i) => overWeb(i).then(() => undefined, ConnectError.from)));
    const first = refused.find((error) => error !== undefined);
    assert.equal(first?.code, Code.ResourceExhausted);
    assert.ok(Number(first?.metadata.get('retry-after-ms')) > 0, 'retry-after-ms reaches the browser');
  });

  test('open streams per user: past the limit RESOURCE_EXHAUSTED, until one closes', async () => {
    const watcher = await signUp(fx.c, 'watcher');
    await room('watched', watcher);
    const first = subscribe(fx.c, { room_name: 'watched' }, bearer(watcher));
    const second = subscribe(fx.c, { room_name: 'watched' }, bearer(watcher));
    await Promise.all([first.live, second.live]);
    const third = subscribe(fx.c, { room_name: 'watched' }, bearer(watcher));
    assert.equal(await third.ended, status.RESOURCE_EXHAUSTED);
    first.cancel();
    // The server learns of the cancel a moment after the client: try again until it has (bounded).
    let fourth = subscribe(fx.c, { room_name: 'watched' }, bearer(watcher));
    for (let tries = 0; (await Promise.race([fourth.live.then(() => 'live'), fourth.ended])) !== 'live' && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      fourth = subscribe(fx.c, { room_name: 'watched' }, bearer(watcher));
    }
    await fourth.live;
    second.cancel();
    fourth.cancel();
  });

  test('logins in flight per user: past the limit RESOURCE_EXHAUSTED at once', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(l(), l().Login, { username: 'carol', password: 'password1' }).then(
          () => 'ok',
          (error) => error.code,
        ),
      ),
    );
    assert.ok(outcomes.includes('ok'));
    assert.ok(outcomes.includes(status.RESOURCE_EXHAUSTED), outcomes.join(' '));
  });
});
