/**
 * `docker compose config` of every compose file, alone and with CI's
 * override: they parse, and say what the README says they do.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeProject } from '../../infrastructure/local/compose.js';

// biome-ignore lint/suspicious/noExplicitAny: compose's JSON model, walked by the assertions
type Model = any;
const config = async (files: string[], env: Record<string, string> = {}): Promise<Model> =>
  JSON.parse(await composeProject('chat-config', files, env).compose(['config', '--format', 'json'], 60_000));

test('the monolith file: named volume, published port, development signing key unless JWT_PRIVATE_KEY is given', async () => {
  const model = await config(['docker-compose.monolith.yml']);
  const monolith = model.services.monolith;
  assert.equal(monolith.build.target, 'monolith');
  assert.deepEqual(
    monolith.volumes.map((v: Model) => [v.type, v.source, v.target]),
    [['volume', 'store', '/data']],
  );
  assert.deepEqual(
    monolith.ports.map((p: Model) => [p.host_ip, p.published, p.target]),
    [
      ['127.0.0.1', '50051', 50051],
      ['127.0.0.1', '8080', 8080],
    ],
  );
  assert.equal(monolith.environment.CHAT_ENV, 'development');
  assert.equal(monolith.environment.JWT_PRIVATE_KEY, '');
  assert.deepEqual(Object.keys(model.services).sort(), ['monolith'], 'seed and load only with their profiles');

  const production = await config(['docker-compose.monolith.yml'], { CHAT_ENV: 'production', JWT_PRIVATE_KEY: 'a-key' });
  assert.equal(production.services.monolith.environment.JWT_PRIVATE_KEY, 'a-key');
});

test('the services file: LocalStack 4.14.0, a deploy step, scalable gateways, Envoy as the entry point', async () => {
  const model = await config(['docker-compose.yml']);
  const { localstack, deploy, gateway, envoy } = model.services;
  assert.equal(localstack.image, 'localstack/localstack:4.14.0');
  assert.ok(
    localstack.volumes.some((v: Model) => v.source === '/var/run/docker.sock'),
    'its Lambda needs the Docker socket',
  );
  assert.equal(deploy.depends_on.localstack.condition, 'service_healthy');
  assert.deepEqual(deploy.command, ['sh', 'localstack/deploy.sh']);
  assert.equal(gateway.depends_on.deploy.condition, 'service_completed_successfully');
  assert.equal(gateway.ports, undefined);
  const mounts = (service: Model) => service.volumes.map((v: Model) => `${v.source}:${v.target}${v.read_only ? ':ro' : ''}`);
  assert.deepEqual(mounts(gateway), ['public-key:/keys/public:ro'], 'a gateway sees only the public key');
  assert.deepEqual(mounts(deploy), ['signing-key:/keys/private', 'public-key:/keys/public']);
  assert.equal(gateway.environment.JWT_PRIVATE_KEY, undefined);
  assert.equal(gateway.container_name, undefined);
  assert.equal(gateway.environment.FUNCTION_PREFIX, 'chat-local-');
  assert.equal(gateway.environment.WEB_PORT, '8080', "the page's files for Envoy's 8080");
  assert.deepEqual(
    envoy.ports.map((p: Model) => Number(p.published)),
    [50051, 50052, 8080],
  );
  assert.equal(envoy.depends_on.gateway.condition, 'service_healthy');
});

test("with CI's override: only LocalStack (a stand-in) and Envoy (left out) change", async () => {
  const [base, ci] = await Promise.all([config(['docker-compose.yml']), config(['docker-compose.yml', 'docker-compose.ci.yml'])]);
  assert.deepEqual(ci.services.localstack.command, ['node', '--import', 'tsx', 'localstack/stand-in.ts']);
  assert.deepEqual(
    ci.services.localstack.volumes.map((v: Model) => v.source),
    ['signing-key', 'public-key'],
    'no Docker socket; the signing key as the deploy step has it',
  );
  assert.equal(ci.services.envoy, undefined, 'envoy is left out (its profile is never started)');
  assert.deepEqual(
    ci.services.gateway.ports.map((p: Model) => [p.host_ip, p.published ?? '', p.target]),
    [
      ['127.0.0.1', '', 50051],
      ['127.0.0.1', '', 8080],
    ],
  );
  const { ports: _ports, ...gatewayRest } = ci.services.gateway;
  assert.deepEqual(gatewayRest, base.services.gateway, 'the gateway is otherwise the same');
});
