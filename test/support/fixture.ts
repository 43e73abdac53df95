/**
 * The usual set-up of a test file: a server (see server.ts), a client connected
 * to it, and users signed up by name; made before the file's tests, torn down after.
 */
import { after, before } from 'node:test';
import type { RunningServer } from '../../api/grpc-server.js';
import { type Clients, connect, signUp } from './clients.js';
import { startTestServer } from './server.js';

export function serverWithUsers<const Name extends string>(...names: Name[]) {
  const fx = { token: {} } as { server: RunningServer; c: Clients; token: Record<Name, string> };
  before(async () => {
    fx.server = await startTestServer();
    fx.c = connect(fx.server.address);
    for (const name of names) fx.token[name] = await signUp(fx.c, name);
  });
  after(async () => {
    fx.c.close();
    await fx.server.stop();
  });
  return fx;
}
