/**
 * Typed gRPC clients of the public API (LoginService, GatewayService), for the
 * terminal client, the seeding script, the benchmark and the tests.
 */
import * as grpc from '@grpc/grpc-js';
import type { LoginServiceClient } from '../contracts/generated/auth/LoginService.js';
import type { GatewayServiceClient } from '../contracts/generated/gateway/GatewayService.js';
import { loadContracts } from '../contracts/index.js';

export interface ApiClients {
  login: LoginServiceClient;
  gateway: GatewayServiceClient;
  close(): void;
}

/**
 * Both clients on one channel to `target`: `host:port`, or several replicas as
 * `ipv4:host:port,host:port,…`, which calls spread over with round_robin.
 */
export function connect(target: string, channelOptions: grpc.ChannelOptions = {}): ApiClients {
  const { grpcObject } = loadContracts();
  const options = target.includes(',')
    ? { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }), ...channelOptions }
    : channelOptions;
  const login = new grpcObject.auth.LoginService(target, grpc.credentials.createInsecure(), options);
  const gateway = new grpcObject.gateway.GatewayService(target, grpc.credentials.createInsecure(), {
    ...options,
    channelOverride: login.getChannel(),
  });
  return {
    login,
    gateway,
    close() {
      login.close();
    },
  };
}

type Callback<R> = (error: grpc.ServiceError | null, reply?: R) => void;
type FullCall<Req, R> = (request: Req, metadata: grpc.Metadata, options: grpc.CallOptions, callback: Callback<R>) => unknown;

/**
 * Calls a unary method; resolves with the reply, rejects with the ServiceError.
 * `method` is typed by its shortest overload, the one TypeScript infers from.
 */
export function unary<Req, R>(
  client: grpc.Client,
  method: (request: Req, callback: Callback<R>) => unknown,
  request: Req,
  options: { metadata?: grpc.Metadata; deadlineMs?: number } = {},
): Promise<R> {
  const callOptions: grpc.CallOptions = options.deadlineMs ? { deadline: Date.now() + options.deadlineMs } : {};
  return new Promise((resolve, reject) => {
    (method as unknown as FullCall<Req, R>).call(client, request, options.metadata ?? new grpc.Metadata(), callOptions, (error, reply) =>
      error ? reject(error) : resolve(reply as R),
    );
  });
}

/** The status name of a failed call ("ALREADY_EXISTS"), or "OK". */
export function statusName(error: unknown): string {
  const code = (error as grpc.ServiceError | undefined)?.code;
  return code === undefined ? 'OK' : (grpc.status[code] ?? String(code));
}
