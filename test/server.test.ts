/** The monolith's standard services: gRPC health (with its status on shutdown) and reflection. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { startTestServer } from './support/server.js';

const HealthClient = grpc.makeGenericClientConstructor(healthService, 'Health');

function check(client: grpc.Client, service: string): Promise<string> {
  return new Promise((resolve, reject) =>
    (client as unknown as { check: (req: object, cb: (e: grpc.ServiceError | null, r: { status: string }) => void) => void }).check(
      { service },
      (error, reply) => (error ? reject(error) : resolve(reply.status)),
    ),
  );
}

test('health answers SERVING for the server and each public service', async () => {
  const monolith = await startTestServer();
  const client = new HealthClient(monolith.address, grpc.credentials.createInsecure());
  for (const service of ['', 'auth.LoginService', 'gateway.GatewayService']) assert.equal(await check(client, service), 'SERVING');
  await assert.rejects(check(client, 'no.Such'), (error: grpc.ServiceError) => error.code === grpc.status.NOT_FOUND);
  client.close();
  await monolith.stop();
});

test('reflection lists the public services', async () => {
  const monolith = await startTestServer();
  const { ReflectionService } = await import('@grpc/reflection');
  assert.ok(ReflectionService, 'reflection is installed');
  // The v1alpha reflection stream, driven by hand: ask for the service list.
  const definition = (await import('@grpc/proto-loader')).loadSync('grpc/reflection/v1alpha/reflection.proto', {
    includeDirs: [new URL('../node_modules/@grpc/reflection/build/proto/', import.meta.url).pathname],
    keepCase: true,
  });
  const pkg = grpc.loadPackageDefinition(definition) as unknown as {
    grpc: { reflection: { v1alpha: { ServerReflection: new (a: string, c: grpc.ChannelCredentials) => grpc.Client } } };
  };
  const client = new pkg.grpc.reflection.v1alpha.ServerReflection(monolith.address, grpc.credentials.createInsecure());
  const stream = (
    client as unknown as {
      ServerReflectionInfo: () => grpc.ClientDuplexStream<object, { list_services_response: { service: { name: string }[] } }>;
    }
  ).ServerReflectionInfo();
  const reply = await new Promise<{ list_services_response: { service: { name: string }[] } }>((resolve, reject) => {
    stream.on('data', resolve);
    stream.on('error', reject);
    stream.write({ list_services: '' });
  });
  stream.end();
  const names = reply.list_services_response.service.map((s) => s.name);
  for (const name of ['auth.LoginService', 'gateway.GatewayService']) assert.ok(names.includes(name), `${name} in ${names}`);
  client.close();
  await monolith.stop();
});
