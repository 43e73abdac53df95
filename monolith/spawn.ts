/**
 * The monolith as a child process (`node monolith/main.ts`), started and
 * waited for until its readiness line: for the benchmark and for tests that
 * kill it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface MonolithProcess {
  address: string;
  child: ChildProcess;
  /** Everything it wrote to stderr (its JSON log). */
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the monolith on 127.0.0.1 (port 0 unless PORT is given) with `env` over the current environment. */
export async function spawnMonolith(env: Record<string, string>, timeoutMs = 30_000): Promise<MonolithProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'monolith/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`monolith did not start:\n${output}`)), timeoutMs);
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
