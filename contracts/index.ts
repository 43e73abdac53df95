/**
 * The wire contract, loaded once from `contracts/proto/` and typed by the
 * generated declarations in `contracts/generated/` (`npm run contracts`).
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { PROTO_DIR, PROTO_FILES } from './files.js';
import type { ProtoGrpcType as AuthProto } from './generated/auth.js';
import type { ProtoGrpcType as ChatProto } from './generated/chat.js';
import type { ProtoGrpcType as ChatroomProto } from './generated/chatroom.js';
import type { ProtoGrpcType as GatewayProto } from './generated/gateway.js';

export { PROTO_DIR, PROTO_FILES };

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
