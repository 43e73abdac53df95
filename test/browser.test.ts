/**
 * The chat page in a real browser against the monolith started as `npm start`
 * starts it (monolith/main.ts, embedded store, its gRPC-Web port).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type ChildServer, spawnMonolith } from '../infrastructure/local/processes.js';
import { chatInBrowsers } from './support/browser-chat.js';
import { TEST_JWT_SECRET } from './support/env.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'browser-'));
let monolith: ChildServer;
let url = '';

before(async () => {
  monolith = await spawnMonolith({ DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, SCRYPT_LOG_N: '10', WEB_PORT: '0' });
  url = /"web":"(http[^"]+)"/.exec(monolith.log())?.[1] ?? '';
  assert.ok(url, `no web URL in the readiness line:\n${monolith.log()}`);
});
after(async () => {
  await monolith?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('two people chat in the page: live, in order, through a reload; a wrong password says so', async () => {
  const outcome = await chatInBrowsers(url, process.env.SCREENSHOT_DIR);
  assert.equal(outcome.lines.length, 7);
  assert.equal(outcome.badPasswordSentence, 'Wrong username or password.');
});
