/**
 * The terminal client, as two people would use it: two real client processes
 * (stdin piped), one server. Each registers, both join a room, and each sees
 * the other's line.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningServer } from '../api/grpc-server.js';
import { ROOT } from '../infrastructure/local/processes.js';
import { startTestServer } from './support/server.js';

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

function client(): { child: ChildProcess; output: () => string; type: (line: string) => void; waitFor: (text: RegExp) => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'client/cli.ts', '--target', server.address], { cwd: ROOT, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return {
    child,
    output: () => output,
    type: (line) => child.stdin?.write(`${line}\n`),
    async waitFor(text) {
      for (let i = 0; i < 200 && !text.test(output); i++) await sleep(25);
      assert.match(output, text);
    },
  };
}

test('two people in two terminals can chat', async () => {
  const ann = client();
  const bob = client();
  await ann.waitFor(/chat client/);
  await bob.waitFor(/chat client/);
  ann.type('/register ann');
  ann.type('pass-ann');
  await ann.waitFor(/logged in as ann/);
  bob.type('/register bob');
  bob.type('pass-bob');
  await bob.waitFor(/logged in as bob/);
  ann.type('/create tea');
  await ann.waitFor(/created tea/);
  ann.type('/join tea');
  await ann.waitFor(/— tea —/);
  bob.type('/join tea');
  await bob.waitFor(/— tea —/);
  await sleep(200);
  ann.type('hello bob');
  await bob.waitFor(/#1 ann: hello bob/);
  bob.type('hi ann');
  await ann.waitFor(/#2 bob: hi ann/);
  bob.type('/people');
  await bob.waitFor(/in tea: ann, bob/);
  ann.type('/nonsense');
  await ann.waitFor(/unknown command \/nonsense/);
  assert.ok(!ann.output().includes('pass-ann'), 'the password is not echoed');
  for (const c of [ann, bob]) {
    c.type('/quit');
    await new Promise((resolve) => c.child.once('exit', resolve));
  }
});
