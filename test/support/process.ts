/** The monolith as a real child process (`node monolith/main.ts`), for tests that kill it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_JWT_SECRET } from './env.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface MonolithProcess {
  address: string;
  child: ChildProcess;
  /** Everything it wrote to stderr (its log). */
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnMonolith(env: Record<string, string>): Promise<MonolithProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'monolith/main.ts'], {
    cwd: root,
    env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`monolith did not start:\n${output}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"msg":"monolith ready","grpc":"([^"]+)"/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    exited.then(() => reject(new Error(`monolith exited before it was ready:\n${output}`)));
  });
  return { address, child, exited, log: () => output };
}
