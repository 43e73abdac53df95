// Runs dynalite (a DynamoDB API server in pure Node) on its own thread, so its
// work lands on the second core instead of the gRPC event loop.
import { readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const { path, port, host } = workerData;
// LevelDB fails by throwing from inside dynalite (a locked or broken store): tell the
// main thread what happened, then end this thread, which the main thread watches.
process.on('uncaughtException', (error) => {
  parentPort.postMessage({ type: 'error', message: error.message });
  process.exit(1);
});
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (error) => parentPort.postMessage({ type: 'error', message: error.message }));
server.listen(port, host, async () => {
  const { port: bound } = server.address();
  // LevelDB opens on first use: use it now, so a store another process holds fails here, at start.
  await fetch(`http://${host}:${bound}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      'x-amz-date': '20200101T000000Z',
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: '{}',
  });
  parentPort.postMessage({ type: 'ready', port: bound, thread: kernelThreadId() });
});
// Its kernel thread id, so a benchmark can read this thread's CPU time apart from its process's (Linux only).
function kernelThreadId() {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/task/')[1]);
  } catch {
    return undefined;
  }
}
parentPort.on('message', (message) => {
  if (message === 'close') server.close(() => parentPort.postMessage({ type: 'closed' }));
});
