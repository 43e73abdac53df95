import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { bearer, call, statusOf } from './support/clients.js';
import { serverWithUsers } from './support/fixture.js';

const fx = serverWithUsers('ann', 'bob');

const as = (credential: string) => ({ auth: { credential } });
const g = () => fx.c.gateway;

describe('CreateRoom', () => {
  test('creates once; a repeat is ALREADY_EXISTS', async () => {
    assert.deepEqual(await call(g(), g().CreateRoom, { ...as(fx.token.ann), room_name: 'lobby' }), { ok: true, message: 'created' });
    assert.equal(await statusOf(call(g(), g().CreateRoom, { ...as(fx.token.bob), room_name: 'lobby' })), status.ALREADY_EXISTS);
  });

  test('takes the credential from bearer metadata too', async () => {
    assert.deepEqual(await call(g(), g().CreateRoom, { room_name: 'by-bearer' }, bearer(fx.token.ann)), { ok: true, message: 'created' });
  });

  test('bad names are INVALID_ARGUMENT, no credential is UNAUTHENTICATED', async () => {
    for (const room_name of ['', ' lead', 'two  spaces', 'x'.repeat(65), 'semi;colon']) {
      assert.equal(await statusOf(call(g(), g().CreateRoom, { ...as(fx.token.ann), room_name })), status.INVALID_ARGUMENT, room_name);
    }
    assert.equal(await statusOf(call(g(), g().CreateRoom, { room_name: 'anon' })), status.UNAUTHENTICATED);
    assert.equal(await statusOf(call(g(), g().CreateRoom, { ...as('garbage'), room_name: 'anon' })), status.UNAUTHENTICATED);
  });
});

describe('EnterRoom / LeaveRoom / GetPeople', () => {
  test('members come and go', async () => {
    await call(g(), g().CreateRoom, { ...as(fx.token.ann), room_name: 'hall' });
    assert.deepEqual(await call(g(), g().EnterRoom, { ...as(fx.token.ann), room_name: 'hall' }), { ok: true, message: 'entered' });
    assert.deepEqual(await call(g(), g().EnterRoom, { ...as(fx.token.bob), room_name: 'hall', person_name: 'bob' }), {
      ok: true,
      message: 'entered',
    });
    assert.equal(await statusOf(call(g(), g().EnterRoom, { ...as(fx.token.bob), room_name: 'hall' })), status.ALREADY_EXISTS);
    assert.deepEqual(await call(g(), g().GetPeople, { ...as(fx.token.bob), room_name: 'hall' }), { people: ['ann', 'bob'] });
    assert.deepEqual(await call(g(), g().LeaveRoom, { ...as(fx.token.bob), room_name: 'hall' }), { ok: true, message: 'left' });
    assert.equal(await statusOf(call(g(), g().LeaveRoom, { ...as(fx.token.bob), room_name: 'hall' })), status.NOT_FOUND);
    assert.deepEqual(await call(g(), g().GetPeople, { ...as(fx.token.bob), room_name: 'hall' }), { people: ['ann'] });
  });

  test('acting as someone else is PERMISSION_DENIED; a missing room is NOT_FOUND', async () => {
    await call(g(), g().CreateRoom, { ...as(fx.token.ann), room_name: 'den' });
    assert.equal(
      await statusOf(call(g(), g().EnterRoom, { ...as(fx.token.bob), room_name: 'den', person_name: 'ann' })),
      status.PERMISSION_DENIED,
    );
    assert.equal(
      await statusOf(call(g(), g().LeaveRoom, { ...as(fx.token.bob), room_name: 'den', person_name: 'ann' })),
      status.PERMISSION_DENIED,
    );
    assert.equal(await statusOf(call(g(), g().EnterRoom, { ...as(fx.token.bob), room_name: 'nowhere' })), status.NOT_FOUND);
    assert.equal(await statusOf(call(g(), g().GetPeople, { ...as(fx.token.bob), room_name: 'nowhere' })), status.NOT_FOUND);
    assert.equal(await statusOf(call(g(), g().GetPeople, { room_name: 'den' })), status.UNAUTHENTICATED);
  });
});

describe('DeleteRoom', () => {
  test('only the owner deletes; the name can then be created afresh', async () => {
    await call(g(), g().CreateRoom, { ...as(fx.token.ann), room_name: 'tmp' });
    await call(g(), g().EnterRoom, { ...as(fx.token.bob), room_name: 'tmp' });
    assert.equal(await statusOf(call(g(), g().DeleteRoom, { ...as(fx.token.bob), room_name: 'tmp' })), status.PERMISSION_DENIED);
    assert.deepEqual(await call(g(), g().DeleteRoom, { ...as(fx.token.ann), room_name: 'tmp' }), { ok: true, message: 'deleted' });
    assert.equal(await statusOf(call(g(), g().DeleteRoom, { ...as(fx.token.ann), room_name: 'tmp' })), status.NOT_FOUND);
    assert.equal(await statusOf(call(g(), g().GetPeople, { ...as(fx.token.ann), room_name: 'tmp' })), status.NOT_FOUND);
    await call(g(), g().CreateRoom, { ...as(fx.token.bob), room_name: 'tmp' });
    assert.deepEqual(await call(g(), g().GetPeople, { ...as(fx.token.bob), room_name: 'tmp' }), { people: [] }, 'old members are gone');
  });
});

describe('ListRooms', () => {
  test('pages through every room', async () => {
    const names = ['pa', 'pb', 'pc', 'pd', 'pe'];
    for (const room_name of names) await call(g(), g().CreateRoom, { ...as(fx.token.ann), room_name });
    const seen: string[] = [];
    let after_room_name = '';
    for (let page = 0; page < 20; page++) {
      const reply = (await call(g(), g().ListRooms, { ...as(fx.token.bob), limit: 2, after_room_name })) as {
        rooms: { room_name: string; owner: string }[];
      };
      assert.ok(reply.rooms.length <= 2);
      if (reply.rooms.length === 0) break;
      seen.push(...reply.rooms.map((r) => r.room_name));
      after_room_name = reply.rooms.at(-1)?.room_name ?? '';
    }
    for (const name of names) assert.ok(seen.includes(name), name);
    assert.equal(new Set(seen).size, seen.length, 'no room twice');
    assert.equal(await statusOf(call(g(), g().ListRooms, { ...as(fx.token.bob), limit: -1 })), status.INVALID_ARGUMENT);
  });
});
