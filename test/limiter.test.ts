/** The semaphore behind the gateway's per-function invokes and the login logic's hashing admission. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limiter } from '../lib/limiter.js';

test('hands out its slots, then queues in arrival order', async () => {
  const limit = limiter(2);
  assert.equal(await limit.acquire(), true);
  assert.equal(await limit.acquire(), true);
  const order: number[] = [];
  const third = limit.acquire().then(() => order.push(3));
  const fourth = limit.acquire().then(() => order.push(4));
  assert.equal(limit.waiting(), 2);
  limit.release();
  await third;
  assert.deepEqual(order, [3]);
  limit.release();
  await fourth;
  assert.deepEqual(order, [3, 4]);
  assert.equal(limit.waiting(), 0);
});

test('turns work away at once when the queue is full', async () => {
  const limit = limiter(1, 1);
  assert.equal(await limit.acquire(), true);
  const queued = limit.acquire();
  assert.equal(await limit.acquire(), false, 'the second waiter is refused, not queued');
  limit.release();
  assert.equal(await queued, true);
});

test('a waiter whose signal aborts leaves the queue', async () => {
  const limit = limiter(1);
  await limit.acquire();
  const controller = new AbortController();
  const gaveUp = limit.acquire(controller.signal);
  controller.abort(new Error('deadline'));
  await assert.rejects(gaveUp, /deadline/);
  assert.equal(limit.waiting(), 0);
  limit.release();
  assert.equal(await limit.acquire(), true, 'the slot went back, not to the aborted waiter');
});
