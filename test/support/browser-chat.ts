/**
 * Two people chatting through the chat page in a real browser: Debian's
 * Chromium driven by playwright-core (its own browser download cannot work on
 * these machines; CHROMIUM_PATH overrides /usr/bin/chromium). Used against the
 * monolith as `npm start` runs it and against its container.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Flags measured here: without the background-networking ones Chromium keeps calling out and being refused. */
const FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: FLAGS });
}

/** The delivered lines a page shows, in order: [seq, person, text]. */
export async function shownLines(page: Page): Promise<[number, string, string][]> {
  return page.$$eval('#messages li[data-seq]', (items) =>
    items.map((item) => [
      Number(item.getAttribute('data-seq')),
      item.querySelector('.who')?.textContent ?? '',
      item.querySelector('.text')?.textContent ?? '',
    ]),
  );
}

/** Waits until a page shows exactly `count` delivered lines (no more: a duplicate would fail here). */
async function waitForLines(page: Page, count: number): Promise<[number, string, string][]> {
  await page
    .locator('#messages li[data-seq]')
    .nth(count - 1)
    .waitFor({ timeout: 15_000 });
  const lines = await shownLines(page);
  assert.equal(lines.length, count, `expected ${count} lines, the page shows ${JSON.stringify(lines)}`);
  return lines;
}

async function register(context: BrowserContext, url: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('#signin-form input[name=username]', username);
  await page.fill('#signin-form input[name=password]', 'password1');
  await page.click('#signin-form button[value=register]');
  await page.waitForSelector('#lobby:not([hidden])');
  assert.equal(await page.textContent('#me'), username);
  return page;
}

async function say(page: Page, text: string): Promise<void> {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

export interface ChatOutcome {
  /** What both pages showed at the end, in order. */
  lines: [number, string, string][];
  /** The sentence the sign-in form showed for a wrong password. */
  badPasswordSentence: string;
}

/**
 * Two contexts register; one creates a room, both enter; they talk, each
 * seeing the other's lines live in order; one reloads mid-conversation and
 * sees the history without gap or duplicate while the other goes on; a wrong
 * password shows its sentence. Screenshots go to `screenshotDir` when given.
 */
export async function chatInBrowsers(url: string, screenshotDir?: string): Promise<ChatOutcome> {
  const id = randomBytes(3).toString('hex');
  const [ann, bob, room] = [`ann_${id}`, `bob_${id}`, `lounge_${id}`];
  const browser = await launchBrowser();
  try {
    const [annContext, bobContext] = [await browser.newContext(), await browser.newContext()];
    const [a, b] = [await register(annContext, url, ann), await register(bobContext, url, bob)];

    await a.fill('#create-form input[name=room]', room);
    await a.press('#create-form input[name=room]', 'Enter');
    await a.waitForSelector('#room:not([hidden])');
    await b.click('#refresh-rooms');
    await b.click(`#rooms li[data-room="${room}"] button.open`);
    await b.waitForSelector('#room:not([hidden])');
    await b.locator('#people li', { hasText: ann }).waitFor({ state: 'attached' });

    const script: [Page, string][] = [
      [a, 'hello bob'],
      [b, 'hi ann'],
      [a, 'how are you?'],
      [b, 'fine, thanks'],
    ];
    for (const [page, text] of script) await say(page, text);
    let expected = 4;
    const [seenByA, seenByB] = [await waitForLines(a, expected), await waitForLines(b, expected)];
    assert.deepEqual(seenByA, seenByB, 'both see the same lines in the same order');
    assert.deepEqual(
      seenByA.map(([seq]) => seq),
      [1, 2, 3, 4],
    );
    assert.deepEqual(
      seenByA.filter(([, who]) => who === ann).map(([, , text]) => text),
      ['hello bob', 'how are you?'],
      "ann's lines in the order she sent them",
    );
    if (screenshotDir) await b.screenshot({ path: `${screenshotDir}/chat-bob.png` });

    // Bob reloads while Ann goes on talking: the page comes back to the room with every line once.
    const reloaded = b.reload();
    await say(a, 'still there?');
    await say(a, 'bob?');
    await reloaded;
    await b.waitForSelector('#room:not([hidden])');
    expected += 2;
    await say(b, 'back again');
    expected += 1;
    const [finalA, finalB] = [await waitForLines(a, expected), await waitForLines(b, expected)];
    assert.deepEqual(finalB, finalA, 'after the reload: the same lines, no gap, no duplicate');
    assert.deepEqual(
      finalA.map(([seq]) => seq),
      Array.from({ length: expected }, (_, i) => i + 1),
    );
    if (screenshotDir) await a.screenshot({ path: `${screenshotDir}/chat-ann.png` });

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(url);
    await stranger.fill('#signin-form input[name=username]', ann);
    await stranger.fill('#signin-form input[name=password]', 'not-her-password');
    await stranger.click('#signin-form button[value=login]');
    await stranger.locator('#signin-error', { hasText: /./ }).waitFor();
    return { lines: finalA, badPasswordSentence: (await stranger.textContent('#signin-error')) ?? '' };
  } finally {
    await browser.close();
  }
}
