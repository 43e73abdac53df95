/**
 * The serverless path on this machine, no containers:
 *
 *   npm run dev                          # embedded DynamoDB (data/dev-dynamodb), functions under
 *                                        # serverless-offline, one gateway on 127.0.0.1:50051
 *                                        # (the chat page on http://127.0.0.1:8080/, `--web-port`);
 *                                        # edits to functions/ are rebuilt and picked up per call
 *   npm run stack -- --replicas 3        # the same with 3 gateways on 50051, 50052, 50053
 *   npm run stack -- --replicas 3 --dynamodb http://127.0.0.1:8000   # an existing DynamoDB
 *
 * Clients spread calls over the replicas with grpc-js round_robin, e.g.
 *   npm run client -- --target ipv4:127.0.0.1:50051,127.0.0.1:50052,127.0.0.1:50053
 * Ctrl-C stops everything it started.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signingKeyFor } from '../infrastructure/local/dev-key.js';
import { startFunctionsStack } from '../infrastructure/local/functions-stack.js';
import { ROOT } from '../infrastructure/local/processes.js';
import { log } from '../lib/log.js';

const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    replicas: { type: 'string', default: '1' },
    'base-port': { type: 'string', default: '50051' },
    dynamodb: { type: 'string' },
    memory: { type: 'boolean', default: false },
    'web-port': { type: 'string', default: '8080' },
  },
});
const webPort = values['web-port'] === 'off' ? undefined : Number(values['web-port']);
const replicas = Number(values.replicas);
const basePort = Number(values['base-port']);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16 || !Number.isInteger(basePort) || Number.isNaN(webPort)) {
  console.error('usage: stack.ts [--dev] [--replicas 1..16] [--base-port 50051] [--dynamodb URL] [--memory] [--web-port 8080|off]');
  process.exit(2);
}

const dataDir = path.join(ROOT, 'data');
// The page the first gateway serves, then the functions: built once (and rebuilt in dev mode) so serverless-offline runs the current code.
if (webPort !== undefined) {
  const page = spawn(process.execPath, ['--import', 'tsx', 'web/build.ts'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if ((await new Promise((resolve) => page.on('exit', resolve))) !== 0) process.exit(1);
}
const build = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', ...(values.dev ? ['--watch'] : [])], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  build.stdout?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    if (/watching|KiB/.test(chunk.toString())) resolve();
  });
  build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build failed (${code})`))));
});

const signingKey = signingKeyFor(process.env.JWT_PRIVATE_KEY, values.memory ? undefined : path.join(dataDir, 'dev-keys'));
const stack = await startFunctionsStack({
  replicas,
  basePort,
  dynamoEndpoint: values.dynamodb,
  dataDir: values.memory ? undefined : path.join(dataDir, 'dev-dynamodb'),
  signingKey,
  reloadHandler: values.dev,
  webPort,
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
}).catch((error: Error) => {
  log.error('stack failed to start', { detail: error.message });
  build.kill();
  process.exit(1);
});

const addresses = stack.gateways.map((g) => g.address);
const web = /"web":"(http[^"]+)"/.exec(stack.gateways[0]?.log() ?? '')?.[1];
log.ready('functions stack ready', {
  web,
  dynamodb: stack.dynamoEndpoint,
  lambda: stack.lambdaEndpoint,
  gateways: addresses.join(' '),
  target: addresses.length > 1 ? `ipv4:${addresses.join(',')}` : addresses[0],
});
// Pass the children's own log lines through, so one terminal shows the whole stack.
for (const server of [stack.offline, ...stack.gateways]) {
  server.child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  server.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  server.exited.then(({ code, signal }) => !stopping && log.warn('a stack process exited', { pid: server.child.pid, code, signal }));
}

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) process.exit(130);
  stopping = true;
  log.info('stopping the stack', { signal });
  build.kill();
  await stack.stop();
  log.info('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
