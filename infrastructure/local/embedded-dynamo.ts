/**
 * The embedded DynamoDB of `npm start`: dynalite on a worker thread, listening
 * on loopback only, persisting in LevelDB under a directory (or in memory).
 * LevelDB locks its directory, so one process per directory: a second one
 * fails at start, naming the directory.
 */
import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface EmbeddedDynamo {
  endpoint: string;
  /** The store thread's kernel thread id (Linux), for its CPU time. */
  threadId?: number;
  close(): Promise<void>;
}

/**
 * @param dir LevelDB directory, or undefined for an in-memory store
 * @param onFailure told if the store stops after it was ready (its thread died): nothing can be stored any more
 */
export async function startEmbeddedDynamo(dir: string | undefined, port = 0, onFailure?: (error: Error) => void): Promise<EmbeddedDynamo> {
  if (dir) mkdirSync(dir, { recursive: true });
  const worker = new Worker(new URL('./embedded-dynamo-worker.mjs', import.meta.url), {
    workerData: { path: dir, port, host: '127.0.0.1' },
  });
  let lastError = '';
  let closing = false;
  const ready = await new Promise<{ port: number; thread?: number }>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => {
      const held = dir ? ` (is another server using ${dir}?)` : '';
      reject(new Error(`embedded DynamoDB failed to start: ${lastError || `exit ${code}`}${held}`));
    });
    worker.on('message', (message) => {
      if (message.type === 'ready') resolve(message);
      if (message.type === 'error') lastError = message.message;
    });
  });
  worker.removeAllListeners('exit');
  worker.on('exit', (code) => {
    if (!closing) onFailure?.(new Error(`embedded DynamoDB stopped: ${lastError || `exit ${code}`}`));
  });
  return {
    endpoint: `http://127.0.0.1:${ready.port}`,
    threadId: ready.thread,
    async close() {
      closing = true;
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
