import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type * as grpc from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { bearer, call, statusOf, subscribe } from './support/clients.js';
import { serverWithUsers } from './support/fixture.js';
import { MEMBERSHIP_BOUND_MS } from './support/server.js';

const fx = serverWithUsers('ann', 'bob');

const as = (credential: string) => ({ auth: { credential } });
const g = () => fx.c.gateway;
type Reply = { ok: boolean; message: string; server_seq: number; server_ts_ms: number; msg_id: string };
type History = { messages: { server_seq: number; text: string; person_name: string; msg_id: string }[] };

async function room(name: string, ...members: string[]) {
  await call(g(), g().CreateRoom, { ...as(fx.token.ann), room_name: name });
  for (const member of members) await call(g(), g().EnterRoom, { ...as(member), room_name: name });
}
const send = (credential: string, room_name: string, text: string, extra: Record<string, unknown> = {}) =>
  call(g(), g().SendMessage, { ...as(credential), room_name, text, ...extra }) as Promise<Reply>;
const history = (room_name: string, extra: Record<string, unknown> = {}) =>
  call(g(), g().GetHistory, { ...as(fx.token.ann), room_name, ...extra }) as Promise<History>;

describe('SendMessage', () => {
  test('numbers messages 1, 2, 3 per room', async () => {
    await room('seq-a', fx.token.ann);
    await room('seq-b', fx.token.ann);
    const replies = [
      await send(fx.token.ann, 'seq-a', 'one'),
      await send(fx.token.ann, 'seq-a', 'two'),
      await send(fx.token.ann, 'seq-b', 'other'),
      await send(fx.token.ann, 'seq-a', 'three'),
    ];
    assert.deepEqual(
      replies.map((r) => r.server_seq),
      [1, 2, 1, 3],
    );
    for (const reply of replies) {
      assert.equal(reply.ok, true);
      assert.ok(reply.msg_id.length > 0, 'the server names the message');
      assert.ok(Math.abs(reply.server_ts_ms - Date.now()) < 60_000);
    }
  });

  test('concurrent sends get distinct, gapless numbers', async () => {
    await room('burst', fx.token.ann, fx.token.bob);
    const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => send(i % 2 ? fx.token.ann : fx.token.bob, 'burst', `m${i}`)));
    assert.deepEqual(
      replies.map((r) => r.server_seq).sort((a, b) => a - b),
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
  });

  test('a retry with the same msg_id stores one message and answers the same seq', async () => {
    await room('retry', fx.token.ann);
    const first = await send(fx.token.ann, 'retry', 'hello', { msg_id: 'client-1', client_ts_ms: 1234 });
    const concurrent = await Promise.all([1, 2, 3].map(() => send(fx.token.ann, 'retry', 'hello', { msg_id: 'client-1' })));
    for (const again of concurrent) {
      assert.equal(again.server_seq, first.server_seq);
      assert.equal(again.server_ts_ms, first.server_ts_ms);
      assert.equal(again.message, 'already stored');
    }
    await send(fx.token.ann, 'retry', 'next', { msg_id: 'client-2' });
    const { messages } = await history('retry');
    assert.deepEqual(
      messages.map((m) => [m.server_seq, m.msg_id]),
      [
        [1, 'client-1'],
        [2, 'client-2'],
      ],
    );
  });

  test('refuses non-members, impostors, bad input and missing rooms', async () => {
    await room('strict', fx.token.ann);
    assert.equal(await statusOf(send(fx.token.bob, 'strict', 'hi')), status.PERMISSION_DENIED, 'not entered');
    assert.equal(await statusOf(send(fx.token.ann, 'strict', 'hi', { person_name: 'bob' })), status.PERMISSION_DENIED, 'as bob');
    assert.equal((await send(fx.token.ann, 'strict', 'hi', { person_name: 'ann' })).ok, true, 'own name is fine');
    assert.equal(await statusOf(send(fx.token.ann, 'strict', '')), status.INVALID_ARGUMENT);
    assert.equal(await statusOf(send(fx.token.ann, 'strict', '   ')), status.INVALID_ARGUMENT);
    assert.equal(await statusOf(send(fx.token.ann, 'strict', 'x'.repeat(4097))), status.INVALID_ARGUMENT);
    assert.equal(await statusOf(send(fx.token.ann, 'strict', 'ok', { msg_id: 'bad id!' })), status.INVALID_ARGUMENT);
    assert.equal(await statusOf(send(fx.token.ann, 'strict', 'ok', { msg_id: 'm'.repeat(65) })), status.INVALID_ARGUMENT);
    assert.equal(await statusOf(send(fx.token.ann, 'strict', 'ok', { client_ts_ms: -5 })), status.INVALID_ARGUMENT);
    assert.equal(await statusOf(send(fx.token.ann, 'no-such-room', 'hi')), status.NOT_FOUND);
    assert.equal(await statusOf(call(g(), g().SendMessage, { room_name: 'strict', text: 'hi' })), status.UNAUTHENTICATED);
    assert.equal(((await call(g(), g().SendMessage, { room_name: 'strict', text: 'bearer' }, bearer(fx.token.ann))) as Reply).ok, true);
  });

  test('after LeaveRoom a member can no longer post (at once in the monolith, after the documented bound on the functions path)', async () => {
    await room('exit', fx.token.ann, fx.token.bob);
    await send(fx.token.bob, 'exit', 'bye');
    await call(g(), g().LeaveRoom, { ...as(fx.token.bob), room_name: 'exit' });
    await sleep(MEMBERSHIP_BOUND_MS);
    assert.equal(await statusOf(send(fx.token.bob, 'exit', 'still here?')), status.PERMISSION_DENIED);
  });

  test('a room deleted right after a post refuses the next post at once; made again, it starts empty', async () => {
    await room('brief', fx.token.ann);
    await send(fx.token.ann, 'brief', 'hello');
    await call(g(), g().DeleteRoom, { ...as(fx.token.ann), room_name: 'brief' });
    assert.equal(await statusOf(send(fx.token.ann, 'brief', 'anyone?')), status.NOT_FOUND);
    await room('brief', fx.token.ann);
    assert.equal((await send(fx.token.ann, 'brief', 'again')).server_seq, 1);
    assert.deepEqual(
      (await history('brief')).messages.map((m) => m.text),
      ['again'],
    );
  });
});

describe('GetHistory', () => {
  test('newest N oldest first, default 20, at most 200, paging back with before_seq', async () => {
    await room('long', fx.token.ann);
    for (let i = 1; i <= 230; i++) await send(fx.token.ann, 'long', `t${i}`);
    const seqs = (h: History) => h.messages.map((m) => m.server_seq);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    assert.deepEqual(seqs(await history('long')), range(211, 230));
    assert.deepEqual(seqs(await history('long', { limit: 5 })), range(226, 230));
    assert.deepEqual(seqs(await history('long', { limit: 1000 })), range(31, 230));
    assert.deepEqual(seqs(await history('long', { limit: 5, before_seq: 226 })), range(221, 225));
    assert.deepEqual(seqs(await history('long', { limit: 5, before_seq: 3 })), [1, 2]);
    assert.equal((await history('long', { limit: 1 })).messages[0]?.text, 't230');
    assert.equal(await statusOf(history('long', { limit: -1 })), status.INVALID_ARGUMENT);
    assert.equal(await statusOf(history('nowhere')), status.NOT_FOUND);
  });
});

describe('Subscribe', () => {
  test('delivers live to every subscriber of the room, in order', async () => {
    await room('live', fx.token.ann, fx.token.bob);
    const a = subscribe(fx.c, { ...as(fx.token.ann), room_name: 'live' });
    const b = subscribe(fx.c, { room_name: 'live' }, bearer(fx.token.bob));
    // Headers say the subscription is live: nothing sent after them can be missed.
    await Promise.all([a.live, b.live]);
    for (let i = 0; i < 10; i++) await send(i % 2 ? fx.token.ann : fx.token.bob, 'live', `n${i}`);
    for (const s of [a, b]) {
      const got = await s.waitFor(10);
      assert.deepEqual(
        got.map((m) => m.server_seq),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
      assert.deepEqual(
        got.map((m) => m.text),
        Array.from({ length: 10 }, (_, i) => `n${i}`),
      );
      assert.equal(got[1]?.person_name, 'ann');
      assert.equal(got[0]?.room_name, 'live');
    }
    a.cancel();
    b.cancel();
    assert.equal(await a.ended, status.CANCELLED);
  });

  test('headers name the server, as every reply does', async () => {
    await room('named', fx.token.ann);
    const s = subscribe(fx.c, { ...as(fx.token.ann), room_name: 'named' });
    const servedBy = (await s.live).get('x-served-by')[0];
    assert.ok(typeof servedBy === 'string' && servedBy.length > 0, 'x-served-by on the stream');
    s.cancel();
    const unaryHeaders = await new Promise<grpc.Metadata>((resolve) => {
      const pending = g().ListRooms({ ...as(fx.token.ann), limit: 1 }, () => undefined);
      pending.on('metadata', resolve);
    });
    assert.deepEqual(unaryHeaders.get('x-served-by'), [servedBy]);
  });

  test('after_seq replays what is stored, then goes live, with no gap or duplicate', async () => {
    await room('resume', fx.token.ann);
    for (let i = 1; i <= 30; i++) await send(fx.token.ann, 'resume', `r${i}`);
    const s = subscribe(fx.c, { ...as(fx.token.ann), room_name: 'resume', after_seq: 12 });
    // Sends race the replay: each must show up exactly once.
    const sending = Promise.all(Array.from({ length: 40 }, (_, i) => send(fx.token.ann, 'resume', `live${i}`)));
    await sending;
    await s.waitFor(70 - 12);
    await sleep(100); // nothing more may come
    assert.deepEqual(
      s.messages.map((m) => m.server_seq),
      Array.from({ length: 58 }, (_, i) => 13 + i),
    );
    s.cancel();
  });

  test('after_seq 0 replays the whole room; without it only live messages come', async () => {
    await room('whole', fx.token.ann);
    await send(fx.token.ann, 'whole', 'old');
    const all = subscribe(fx.c, { ...as(fx.token.ann), room_name: 'whole', after_seq: 0 });
    const liveOnly = subscribe(fx.c, { ...as(fx.token.ann), room_name: 'whole' });
    await all.waitFor(1);
    await liveOnly.live;
    await send(fx.token.ann, 'whole', 'new');
    assert.deepEqual(
      (await all.waitFor(2)).map((m) => m.text),
      ['old', 'new'],
    );
    assert.deepEqual(
      (await liveOnly.waitFor(1)).map((m) => m.text),
      ['new'],
    );
    all.cancel();
    liveOnly.cancel();
  });

  test('ends cleanly when the room is deleted; cancelled streams are released', async () => {
    await room('doomed', fx.token.ann);
    const before = (await fx.server.stats()).subscribers;
    const s = subscribe(fx.c, { ...as(fx.token.ann), room_name: 'doomed' });
    const gone = subscribe(fx.c, { ...as(fx.token.ann), room_name: 'doomed' });
    await Promise.all([s.live, gone.live]);
    assert.equal((await fx.server.stats()).subscribers, before + 2);
    gone.cancel();
    await gone.ended;
    await sleep(50);
    assert.equal((await fx.server.stats()).subscribers, before + 1);
    await call(g(), g().DeleteRoom, { ...as(fx.token.ann), room_name: 'doomed' });
    assert.equal(await s.ended, status.OK);
    assert.equal((await fx.server.stats()).subscribers, before);
  });

  test('refuses missing rooms, impostors and anonymous callers', async () => {
    await room('guarded', fx.token.ann);
    assert.equal(await subscribe(fx.c, { ...as(fx.token.ann), room_name: 'nope' }).ended, status.NOT_FOUND);
    assert.equal(await subscribe(fx.c, { ...as(fx.token.ann), room_name: 'guarded', person_name: 'bob' }).ended, status.PERMISSION_DENIED);
    assert.equal(await subscribe(fx.c, { room_name: 'guarded' }).ended, status.UNAUTHENTICATED);
    assert.equal(await subscribe(fx.c, { ...as(fx.token.ann), room_name: 'guarded', after_seq: -1 }).ended, status.INVALID_ARGUMENT);
  });
});
