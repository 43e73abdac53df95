/**
 * infrastructure/envoy.yaml, which no Envoy runs in CI: valid against Envoy's
 * own v3 API (and the check can fail: typos, wrong @type, enums, durations),
 * and true to the design: every route's cluster exists, the router filter is
 * last, the upstream speaks HTTP/2 and is found by the compose service name,
 * Subscribe streams have no route or idle timeout, the ports the original
 * clients and browsers use, admin on loopback.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from '../infrastructure/local/processes.js';
import { checkEnvoyConfig } from './support/envoy-schema.js';

// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, walked by the assertions
type Doc = any;
const read = (file: string): Doc => parse(readFileSync(path.join(ROOT, 'infrastructure', file), 'utf8'));
const config = read('envoy.yaml');
const managers = (doc: Doc): Doc[] =>
  doc.static_resources.listeners.map(
    (l: Doc) => l.filter_chains[0].filters.find((f: Doc) => f.name.endsWith('http_connection_manager')).typed_config,
  );
const routesOf = (hcm: Doc): Doc[] => hcm.route_config.virtual_hosts.flatMap((v: Doc) => v.routes);

test('envoy.yaml is valid against the Envoy v3 API', () => {
  assert.deepEqual(checkEnvoyConfig(config), []);
});

test('the schema check catches a misspelt field, a wrong @type, a bad enum and a bad duration', () => {
  const mutate = (change: (doc: Doc) => void) => {
    const doc = structuredClone(config);
    change(doc);
    return checkEnvoyConfig(doc).join('\n');
  };
  assert.match(
    mutate((d) => {
      d.static_resources.clusters[0].conect_timeout = '1s';
    }),
    /has no field "conect_timeout"/,
  );
  assert.match(
    mutate((d) => {
      managers(d)[0]['@type'] = 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManagr';
    }),
    /is not a known Envoy message/,
  );
  assert.match(
    mutate((d) => {
      d.static_resources.clusters[0].lb_policy = 'ROUND_ROBBIN';
    }),
    /"ROUND_ROBBIN" is not a value of envoy.config.cluster.v3.Cluster.LbPolicy/,
  );
  assert.match(
    mutate((d) => {
      routesOf(managers(d)[0])[0].route.timeout = '0';
    }),
    /expected a duration/,
  );
  assert.match(
    mutate((d) => {
      managers(d)[2].http_filters[1].typed_config.allow_origin = '*';
    }),
    /Cors has no field "allow_origin"/,
  );
});

test('listeners: gRPC on 50051 and 50052, gRPC-Web on 8080; admin on loopback', () => {
  const ports = config.static_resources.listeners.map((l: Doc) => l.address.socket_address.port_value);
  assert.deepEqual(ports, [50051, 50052, 8080]);
  assert.equal(config.admin.address.socket_address.address, '127.0.0.1');
});

test('every route goes to a defined cluster, and each filter chain ends with the router', () => {
  const clusters = new Set(config.static_resources.clusters.map((c: Doc) => c.name));
  for (const hcm of managers(config)) {
    for (const route of routesOf(hcm)) assert.ok(clusters.has(route.route.cluster), `unknown cluster ${route.route.cluster}`);
    assert.equal(hcm.http_filters.at(-1).name, 'envoy.filters.http.router');
  }
  const web = managers(config)[2].http_filters.map((f: Doc) => f.name);
  assert.deepEqual(web, ['envoy.filters.http.grpc_web', 'envoy.filters.http.cors', 'envoy.filters.http.router']);
});

test('Subscribe streams survive Envoy: no route timeout, no idle timeout, matched before the catch-all', () => {
  for (const hcm of managers(config)) {
    const routes = routesOf(hcm);
    const subscribe = routes.findIndex((r: Doc) => r.match.path === '/gateway.GatewayService/Subscribe');
    assert.ok(subscribe >= 0 && subscribe < routes.findIndex((r: Doc) => r.match.prefix === '/'));
    assert.equal(routes[subscribe].route.timeout, '0s');
    assert.equal(routes[subscribe].route.idle_timeout, '0s');
    assert.equal(routes[subscribe].route.retry_policy, undefined, 'a stream is never replayed');
  }
});

test('the gateway cluster: compose service name by DNS, HTTP/2 with bounded streams per connection, room for every user, gRPC health checks, outlier ejection', () => {
  const [cluster] = config.static_resources.clusters;
  assert.equal(cluster.type, 'STRICT_DNS');
  const address = cluster.load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address;
  const compose = read('docker-compose.yml');
  assert.ok(compose.services[address.address], `no compose service "${address.address}"`);
  assert.equal(compose.services[address.address].ports, undefined, 'replicas publish no host port (--scale)');
  assert.equal(compose.services[address.address].container_name, undefined);
  assert.equal(address.port_value, 50051);
  const http = cluster.typed_extension_protocol_options['envoy.extensions.upstreams.http.v3.HttpProtocolOptions'];
  assert.ok(http.explicit_http_config.http2_protocol_options);
  // Below the 1,000 resets in a burst after which a replica on Node 20 closes the connection (README).
  assert.ok(http.explicit_http_config.http2_protocol_options.max_concurrent_streams <= 1000);
  // Above Envoy's default of 1,024 requests in flight: each user holds a Subscribe stream.
  assert.ok(cluster.circuit_breakers.thresholds[0].max_requests >= 10_000);
  assert.deepEqual(cluster.health_checks[0].grpc_health_check, {});
  assert.ok(cluster.outlier_detection.consecutive_5xx > 0);
});

test("8080: both public services' gRPC-Web calls reach the gRPC replicas; everything else is the page from their web port", () => {
  const routes = routesOf(managers(config)[2]);
  const clusterFor = (path: string) =>
    routes.find((r: Doc) => (r.match.path ? r.match.path === path : path.startsWith(r.match.prefix)))?.route.cluster;
  for (const path of ['/auth.LoginService/Login', '/gateway.GatewayService/SendMessage', '/gateway.GatewayService/Subscribe'])
    assert.equal(clusterFor(path), 'gateway', path);
  for (const path of ['/', '/index.html', '/app.js']) assert.equal(clusterFor(path), 'gateway_web', path);

  const web = config.static_resources.clusters.find((c: Doc) => c.name === 'gateway_web');
  const address = web.load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address;
  const gateway = read('docker-compose.yml').services[address.address];
  assert.equal(String(gateway.environment.WEB_PORT), String(address.port_value), 'the replicas serve the page where Envoy looks');
  assert.equal(web.typed_extension_protocol_options, undefined, 'the page is plain HTTP/1.1');
});
