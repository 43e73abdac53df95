/**
 * What an adversarial user found through the public API (issue: hardening),
 * one test per finding; run on the monolith here and on the functions path by
 * functions-path/abuse.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { bearer, call, signUp, statusOf } from './support/clients.js';
import { serverWithUsers } from './support/fixture.js';

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
