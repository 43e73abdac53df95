// Runs dynalite (a DynamoDB API server in pure Node) on its own thread, so its
// work lands on the second core instead of the gRPC event loop.
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const { path, port, host } = workerData;
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (error) => parentPort.postMessage({ type: 'error', message: error.message }));
server.listen(port, host, () => parentPort.postMessage({ type: 'ready', port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'close') server.close(() => parentPort.postMessage({ type: 'closed' }));
});
