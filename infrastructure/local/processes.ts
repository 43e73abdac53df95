/**
 * Starting the project's servers as child processes and waiting for their
 * readiness line: the monolith (benchmark, crash test), gateway replicas and
 * serverless-offline (the functions stack).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildServer {
  /** What the readiness pattern captured (an address). */
  address: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr. */
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns `args` (after the node binary) and resolves once `ready` matches its output; group 1 is the address. */
export async function spawnServer(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 30_000): Promise<ChildServer> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? '');
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then(() => reject(new Error(`${args.join(' ')} exited before it was ready:\n${output}`)));
  });
  return {
    address,
    child,
    exited,
    log: () => output,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

// No gRPC-Web port unless asked (WEB_PORT): the tools that spawn servers speak gRPC.
const SERVER_ENV = { HOST: '127.0.0.1', PORT: '0', WEB_PORT: 'off', LOG_FORMAT: 'json', LOG_LEVEL: 'info' };

/** The monolith on 127.0.0.1 (port 0 unless PORT is given), `env` over the current environment. */
export const spawnMonolith = (env: Record<string, string>) =>
  spawnServer(['--import', 'tsx', 'monolith/main.ts'], { ...SERVER_ENV, ...env }, /"msg":"monolith ready","grpc":"([^"]+)"/);

/** A gateway replica on 127.0.0.1 (port 0 unless PORT is given); never with the signing key, whatever this process holds. */
export const spawnGateway = (env: Record<string, string>) =>
  spawnServer(
    ['--import', 'tsx', 'gateway/main.ts'],
    { ...SERVER_ENV, ...env, JWT_PRIVATE_KEY: '' },
    /"msg":"gateway ready","grpc":"([^"]+)"/,
  );

/** serverless-offline serving the built functions' Lambda API on `lambdaPort` (stage dev unless told). */
export const spawnOffline = (
  lambdaPort: number,
  httpPort: number,
  env: Record<string, string>,
  { stage = 'dev', reloadHandler = false } = {},
) =>
  spawnServer(
    ['node_modules/serverless/bin/serverless.js', 'offline', 'start', '--stage', stage, ...(reloadHandler ? ['--reloadHandler'] : [])],
    { ...env, LAMBDA_PORT: String(lambdaPort), OFFLINE_HTTP_PORT: String(httpPort), SLS_TELEMETRY_DISABLED: '1' },
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    60_000,
  );

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
