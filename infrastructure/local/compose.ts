/**
 * Docker Compose from the load runner and the container tests: a project of
 * the repository's compose files on a real engine (.ci/docker-engine.sh
 * installs one where there is none). Every command is bounded in time and
 * throws with its output when it fails.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './processes.js';

const run = promisify(execFile);

export interface ComposeProject {
  /** `docker compose -f … -p … <args>`; resolves with stdout. */
  compose(args: string[], timeoutMs?: number): Promise<string>;
  /** The host address (127.0.0.1:port) published for a service's port; `index` picks a replica (1-based). */
  published(service: string, port: number, index?: number): Promise<string>;
  /** Container ids of a service's running replicas. */
  containers(service: string): Promise<string[]>;
  /** Host pids of every process in the project's running containers (to watch their CPU). */
  pids(): Promise<number[]>;
  down(): Promise<void>;
}

export function composeProject(name: string, files: string[], env: Record<string, string> = {}): ComposeProject {
  const base = [...files.flatMap((file) => ['-f', path.join(ROOT, 'infrastructure', file)]), '-p', name];
  const compose = async (args: string[], timeoutMs = 600_000) => {
    try {
      const { stdout } = await run('docker', ['compose', ...base, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`docker compose ${args.join(' ')} failed: ${message}\n${stdout}\n${stderr}`.slice(0, 20_000));
    }
  };
  return {
    compose,
    async published(service, port, index = 1) {
      const address = (await compose(['port', '--index', String(index), service, String(port)])).trim();
      return address.replace(/^0\.0\.0\.0:/, '127.0.0.1:');
    },
    async containers(service) {
      return (await compose(['ps', '-q', service])).split('\n').filter(Boolean);
    },
    async pids() {
      const ids = (await compose(['ps', '-q'])).split('\n').filter(Boolean);
      const tops = await Promise.all(ids.map((id) => docker(['top', id, '-eo', 'pid'])));
      return tops.flatMap((top) =>
        top
          .split('\n')
          .slice(1)
          .map(Number)
          .filter((pid) => pid > 0),
      );
    },
    async down() {
      await compose(['down', '-v', '--remove-orphans'], 120_000);
    },
  };
}

/** `docker <args>` (inspect, kill, logs), bounded. */
export async function docker(args: string[], timeoutMs = 60_000): Promise<string> {
  const { stdout, stderr } = await run('docker', args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return stdout + stderr;
}
