// The containers' HEALTHCHECK: asks the standard gRPC health service
// (grpc.health.v1.Health/Check) of the server in this container and exits 0
// only on SERVING. Plain JavaScript, so a probe costs one node start, not a
// TypeScript load. Usage: node infrastructure/health-probe.mjs [host:port] [service]
import * as grpc from '@grpc/grpc-js';

const [address = `127.0.0.1:${process.env.PORT ?? 50051}`, service = ''] = process.argv.slice(2);
const SERVING = 1;

// HealthCheckRequest { string service = 1; } and HealthCheckResponse { ServingStatus status = 1; },
// written by hand: two fields do not need a proto loader.
const encode = (name) => {
  const bytes = Buffer.from(name);
  return bytes.length === 0 ? Buffer.alloc(0) : Buffer.concat([Buffer.from([0x0a, bytes.length]), bytes]);
};
const decode = (buffer) => ({ status: buffer[0] === 0x08 ? buffer[1] : 0 });

const client = new grpc.Client(address, grpc.credentials.createInsecure());
client.makeUnaryRequest(
  '/grpc.health.v1.Health/Check',
  encode,
  decode,
  service,
  new grpc.Metadata(),
  { deadline: Date.now() + 3_000 },
  (error, reply) => {
    client.close();
    if (error) {
      console.error(`health ${address}: ${error.details || error.message}`);
      process.exit(1);
    }
    console.log(`health ${address}: ${reply.status === SERVING ? 'SERVING' : `status ${reply.status}`}`);
    process.exit(reply.status === SERVING ? 0 : 1);
  },
);
