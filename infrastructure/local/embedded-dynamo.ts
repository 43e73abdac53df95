/**
 * The embedded DynamoDB of `npm start`: dynalite on a worker thread, listening
 * on loopback only, persisting in LevelDB under a directory (or in memory).
 */
import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** @param dir LevelDB directory, or undefined for an in-memory store */
export async function startEmbeddedDynamo(dir: string | undefined, port = 0): Promise<EmbeddedDynamo> {
  if (dir) mkdirSync(dir, { recursive: true });
  const worker = new Worker(new URL('./embedded-dynamo-worker.mjs', import.meta.url), {
    workerData: { path: dir, port, host: '127.0.0.1' },
  });
  const ready = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedded DynamoDB stopped (exit ${code})`)));
    worker.on('message', (message) => {
      if (message.type === 'ready') resolve(message.port);
      if (message.type === 'error') {
        const busy = /lock/i.test(message.message) ? ` (is another server using ${dir}?)` : '';
        reject(new Error(`embedded DynamoDB failed: ${message.message}${busy}`));
      }
    });
  });
  worker.removeAllListeners('exit');
  return {
    endpoint: `http://127.0.0.1:${ready}`,
    async close() {
      const closed = new Promise<void>((resolve) => {
        worker.on('message', (message) => message.type === 'closed' && resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
}
