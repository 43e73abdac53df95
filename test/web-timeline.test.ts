/**
 * The page's timeline (web/src/timeline.ts): whatever mix of history pages,
 * live messages, resumed streams and this tab's own replies brings a line, it
 * is shown once, in server_seq order, and a pending send ends when its own
 * delivery arrives.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Delivered, Timeline } from '../web/src/timeline.js';

const line = (seq: number, person = 'ann', msgId = `m${seq}`): Delivered => ({ seq, person, text: `line ${seq}`, msgId, serverTsMs: seq });

test('lines from pages, live and resumed streams are kept once, in order, each placed before the right neighbour', () => {
  const timeline = new Timeline();
  const placed = [5, 6, 7].map((seq) => timeline.deliver(line(seq)));
  assert.deepEqual(
    placed.map((p) => (p.kind === 'delivered' ? p.before : 'dup')),
    [undefined, undefined, undefined],
  );
  // An older page arrives after the live lines: each goes before the first newer one.
  assert.deepEqual(timeline.deliver(line(3)), { kind: 'delivered', line: line(3), before: 5 });
  assert.deepEqual(timeline.deliver(line(4)), { kind: 'delivered', line: line(4), before: 5 });
  // A resumed stream repeats what was shown: nothing moves.
  for (const seq of [4, 5, 6, 7]) assert.deepEqual(timeline.deliver(line(seq)), { kind: 'duplicate' });
  assert.deepEqual(
    timeline.lines().map((l) => l.seq),
    [3, 4, 5, 6, 7],
  );
  assert.deepEqual([timeline.oldest, timeline.newest, timeline.size], [3, 7, 5]);
});

test("a pending send ends with its own delivery, not with another sender's line that reuses its msg_id", () => {
  const timeline = new Timeline();
  timeline.pending.set('abc', { msgId: 'abc', person: 'ann', text: 'hello' });
  timeline.deliver(line(1, 'bob', 'abc'));
  assert.ok(timeline.pending.has('abc'), "bob's msg_id is his own");
  timeline.deliver(line(2, 'ann', 'abc'));
  assert.equal(timeline.pending.size, 0);
});
