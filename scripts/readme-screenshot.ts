/**
 * Makes web/screenshot.png for the README: two people chatting in the page at
 * phone width, side by side. Starts the monolith as `npm start` does (its
 * store in memory), drives Debian's Chromium, stops everything.
 *
 *   npm run build:web && node --import tsx scripts/readme-screenshot.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, spawnMonolith } from '../infrastructure/local/processes.js';
import { launchBrowser } from '../test/support/browser-chat.js';

const PHONE = { width: 390, height: 640 };
const out = path.join(ROOT, 'web', 'screenshot.png');

const monolith = await spawnMonolith({ DYNAMODB_EMBEDDED: 'memory', CHAT_ENV: 'development', SCRYPT_LOG_N: '10', WEB_PORT: '0' });
const url = /"web":"(http[^"]+)"/.exec(monolith.log())?.[1] ?? '';
const browser = await launchBrowser();
try {
  const open = async (username: string) => {
    const page = await (await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2 })).newPage();
    await page.goto(url);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', 'password1');
    await page.click('button[value=register]');
    await page.waitForSelector('#lobby:not([hidden])');
    return page;
  };
  const [ann, bob] = [await open('ann'), await open('bob')];
  await ann.fill('#create-form input[name=room]', 'lounge');
  await ann.press('#create-form input[name=room]', 'Enter');
  await bob.click('#refresh-rooms');
  await bob.click('#rooms li[data-room="lounge"] button.open');
  const lines: [Page, string][] = [
    [ann, 'Hi Bob! Did the load run finish?'],
    [bob, 'Yes: 1,000 users, nothing lost.'],
    [ann, 'And the functions path?'],
    [bob, 'Same checks, slower sends. Numbers are in data/load.'],
    [ann, 'Great, I will look after lunch.'],
  ];
  for (const [page, text] of lines) {
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
  }
  for (const page of [ann, bob])
    await page
      .locator('#messages li[data-seq]')
      .nth(lines.length - 1)
      .waitFor();
  const shots = await Promise.all([ann, bob].map((page) => page.screenshot()));
  const canvas = await (await browser.newContext({ viewport: { width: 2 * PHONE.width + 48, height: PHONE.height + 32 } })).newPage();
  await canvas.setContent(
    `<body style="margin:0;padding:16px;display:flex;gap:16px;background:#c9ced8">${shots
      .map((png) => `<img width="${PHONE.width}" src="data:image/png;base64,${png.toString('base64')}">`)
      .join('')}</body>`,
  );
  await canvas.screenshot({ path: out });
  console.log(`${path.relative(ROOT, out)} written (${(readFileSync(out).length / 1024).toFixed(0)} KiB)`);
} finally {
  await browser.close();
  await monolith.stop();
}
