/**
 * Requests arriving as JSON (Lambda events) brought to the shape gRPC handlers
 * see, with protobufjs alone, so the Lambda bundles carry no gRPC library.
 */
import path from 'node:path';
import protobuf from 'protobufjs';
import { PROTO_DIR, PROTO_FILES } from './files.js';

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
