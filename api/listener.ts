/**
 * The server's own TCP listener in front of grpc-js, which takes each
 * accepted socket through its connection injector. It bounds what a client
 * can hold without ever making a call, which grpc-js's options cannot:
 *
 * - a connection that has not sent the HTTP/2 preface within `handshakeMs` is
 *   closed (without this, sockets that never speak stay open forever);
 * - at most `maxConnections` are open; beyond that a new one is closed at once.
 *
 * Idle and aged connections, keepalive and streams per connection are grpc-js's
 * own server options (see connectionLimits in grpc-server.ts).
 */
import net from 'node:net';
import * as grpc from '@grpc/grpc-js';

/** The client's first bytes on an HTTP/2 connection: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n". */
const PREFACE_BYTES = 24;

export interface ListenerLimits {
  handshakeMs: number;
  maxConnections: number;
}

export interface Listener {
  port: number;
  /** Stops accepting; open connections are grpc-js's to end. */
  close(): void;
}

export async function listen(server: grpc.Server, host: string, port: number, limits: ListenerLimits): Promise<Listener> {
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const sockets = net.createServer((socket) => {
    const deadline = setTimeout(() => {
      if (socket.bytesRead < PREFACE_BYTES) socket.destroy();
    }, limits.handshakeMs);
    deadline.unref();
    socket.once('close', () => clearTimeout(deadline));
    injector.injectConnection(socket);
  });
  sockets.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    sockets.once('error', (error) => reject(new Error(`cannot listen on ${host}:${port}: ${error.message}`)));
    sockets.listen(port, host, () => resolve());
  });
  return { port: (sockets.address() as net.AddressInfo).port, close: () => void sockets.close() };
}
