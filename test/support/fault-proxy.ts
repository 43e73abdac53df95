/**
 * A TCP proxy on loopback in front of a real server, for fault injection:
 * `pass` forwards, `refuse` drops every connection, `hang` accepts and never
 * answers (new connections and open ones alike), `garbage` answers every
 * request with a 200 whose body is not what the client can read. What it
 * stands for cannot be produced on purpose with the real parts alone: a
 * network that fails or stalls, a server that answers nonsense.
 */
import { createConnection, createServer, type Socket } from 'node:net';

export type FaultMode = 'pass' | 'refuse' | 'hang' | 'garbage';

const GARBAGE = 'HTTP/1.1 200 OK\r\ncontent-type: application/x-amz-json-1.0\r\ncontent-length: 9\r\n\r\nnot json!';

export async function startFaultProxy(targetPort: number) {
  let mode: FaultMode = 'pass';
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'refuse') return client.destroy();
    if (mode === 'hang') return; // read nothing, answer nothing
    if (mode === 'garbage') {
      client.on('data', () => client.write(GARBAGE));
      return;
    }
    const upstream = createConnection(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Switches mode and cuts open connections, so pooled keep-alive sockets see the fault too. */
    set(next: FaultMode) {
      mode = next;
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
