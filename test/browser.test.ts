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
import { chatInBrowsers, launchBrowser } from './support/browser-chat.js';
import { TEST_SIGNING_KEY } from './support/env.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'browser-'));
let monolith: ChildServer;
let url = '';

before(async () => {
  monolith = await spawnMonolith({ DATA_DIR: dataDir, JWT_PRIVATE_KEY: TEST_SIGNING_KEY, SCRYPT_LOG_N: '10', WEB_PORT: '0' });
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

test('at phone width, with the keyboard alone: register, create a room, send; one pane at a time', async () => {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 700 } })).newPage();
    await page.goto(url);
    // Where the keyboard is: the page's CSP forbids evaluating test code in it, so ask with :focus.
    const hasFocus = (selector: string) => page.locator(`${selector}:focus`).waitFor({ timeout: 5_000 });
    await hasFocus('#signin-form input[name=username]');
    await page.keyboard.type('keys_only');
    await page.keyboard.press('Tab');
    await page.keyboard.type('password1');
    await page.keyboard.press('Tab'); // Log in
    await page.keyboard.press('Tab'); // Register
    await hasFocus('#signin-form button[value=register]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#lobby:not([hidden])');
    // Tab through the header to the new-room field, in a few presses.
    const roomField = page.locator('#create-form input[name=room]:focus');
    for (let presses = 0; presses < 8 && (await roomField.count()) === 0; presses++) await page.keyboard.press('Tab');
    await hasFocus('#create-form input[name=room]');
    await page.keyboard.type('by_keys');
    await page.keyboard.press('Enter');
    await hasFocus('#text'); // entering a room puts the cursor in the message field
    assert.equal(await page.isVisible('#lobby'), false, 'the room list steps aside at phone width');
    await page.keyboard.type('typed, not clicked');
    await page.keyboard.press('Enter');
    await page.locator('#messages li[data-seq="1"]').waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('#lobby'), true, 'Escape goes back to the rooms');
  } finally {
    await browser.close();
  }
});
