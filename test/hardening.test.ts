/**
 * What an adversarial user found (issue: hardening), one test per finding, on
 * the monolith; the functions path's share is in functions-path/hardening.test.ts.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ROOT, spawnMonolith } from '../infrastructure/local/processes.js';
import { TEST_JWT_SECRET } from './support/env.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chat-hardening-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('a second monolith on the same DATA_DIR exits non-zero, naming the directory', async () => {
  // The embedded store (not DynamoDB Local, even when the suite runs on it) is what holds the directory.
  const env = { DATA_DIR: tempDir(), JWT_SECRET: TEST_JWT_SECRET, DYNAMODB_ENDPOINT: '', SCRYPT_LOG_N: '10' };
  const first = await spawnMonolith(env);
  try {
    const second = spawn(process.execPath, ['--import', 'tsx', 'monolith/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    second.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    assert.equal(code, 1, output);
    assert.ok(output.includes(`is another server using ${path.join(env.DATA_DIR, 'dynamodb')}?`), output);
  } finally {
    await first.stop();
  }
});
