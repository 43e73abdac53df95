/**
 * The wire contract, loaded once from `contracts/proto/` and typed by the
 * generated declarations in `contracts/generated/` (`npm run contracts`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import type { ProtoGrpcType as AuthProto } from './generated/auth.js';
import type { ProtoGrpcType as ChatProto } from './generated/chat.js';
import type { ProtoGrpcType as ChatroomProto } from './generated/chatroom.js';
import type { ProtoGrpcType as GatewayProto } from './generated/gateway.js';

export const PROTO_DIR = fileURLToPath(new URL('./proto/', import.meta.url));
export const PROTO_FILES = ['auth.proto', 'chatroom.proto', 'chat.proto', 'gateway.proto'];

/** Must match the flags of `npm run contracts`, or the generated types lie. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

export type Contracts = AuthProto & ChatroomProto & ChatProto & GatewayProto;

let cached: { definition: protoLoader.PackageDefinition; grpcObject: Contracts } | undefined;

/** The package definition (for reflection) and the typed gRPC object of all four files. */
export function loadContracts() {
  if (!cached) {
    const definition = protoLoader.loadSync(PROTO_FILES, LOADER_OPTIONS);
    cached = { definition, grpcObject: grpc.loadPackageDefinition(definition) as unknown as Contracts };
  }
  return cached;
}

let root: protobuf.Root | undefined;

/**
 * A JSON request (possibly partial, as a hand-written Lambda event may be) in
 * the decoded shape gRPC handlers see: unknown fields dropped, every field
 * present with its default, int64 as number. Throws on a value of the wrong type.
 */
export function normalizeMessage<T>(typeName: string, value: unknown): T {
  if (!root) {
    root = new protobuf.Root();
    root.resolvePath = (_origin, target) => path.join(PROTO_DIR, target);
    root.loadSync(PROTO_FILES, { keepCase: true });
  }
  const type = root.lookupType(typeName);
  const problem = type.verify((value ?? {}) as Record<string, unknown>);
  if (problem) throw new TypeError(problem);
  const object = type.fromObject((value ?? {}) as Record<string, unknown>);
  return type.toObject(object, { longs: Number, enums: String, defaults: true, oneofs: true }) as T;
}
