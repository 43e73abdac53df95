/**
 * Checks an Envoy configuration against Envoy's own v3 API (the protos that
 * ship inside @grpc/grpc-js-xds), since no Envoy binary runs here: every key
 * must be a field of its message, every `typed_config` `@type` must name a
 * loaded message and its body is checked as that message, enums must name a
 * value, durations must read like `5s`, scalars must have their type.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import protobuf from 'protobufjs';

const packageDir = (name: string) => path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const DEPS = path.join(packageDir('@grpc/grpc-js-xds'), 'deps');
/** Where imports are found; protobufjs itself ships google/protobuf/descriptor.proto. */
const INCLUDES = [
  ...['envoy-api', 'xds', 'googleapis', 'protoc-gen-validate'].map((dir) => path.join(DEPS, dir)),
  packageDir('protobufjs'),
];
/** Bootstrap, plus every extension whose `@type` a config of this project may name. */
const FILES = [
  'envoy/config/bootstrap/v3/bootstrap.proto',
  'envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto',
  'envoy/extensions/filters/http/router/v3/router.proto',
  'envoy/extensions/filters/http/grpc_web/v3/grpc_web.proto',
  'envoy/extensions/filters/http/cors/v3/cors.proto',
  'envoy/extensions/upstreams/http/v3/http_protocol_options.proto',
];

let root: protobuf.Root | undefined;
function envoyApi(): protobuf.Root {
  if (root) return root;
  const loaded = new protobuf.Root();
  loaded.resolvePath = (origin, target) => {
    for (const dir of INCLUDES) {
      const file = path.join(dir, target);
      if (existsSync(file)) return file;
    }
    return protobuf.util.path.resolve(origin, target);
  };
  loaded.loadSync(FILES, { keepCase: true, alternateCommentMode: false });
  loaded.resolveAll();
  root = loaded;
  return loaded;
}

const WRAPPERS = new Set([
  'DoubleValue',
  'FloatValue',
  'Int64Value',
  'UInt64Value',
  'Int32Value',
  'UInt32Value',
  'BoolValue',
  'StringValue',
  'BytesValue',
]);
const DURATION = /^-?\d+(\.\d{1,9})?s$/;

/** Problems found in `config` read as `typeName` (default: the bootstrap), each with its path. */
export function checkEnvoyConfig(config: unknown, typeName = 'envoy.config.bootstrap.v3.Bootstrap'): string[] {
  const api = envoyApi();
  const problems: string[] = [];

  function scalar(type: string, value: unknown, at: string): void {
    const ok =
      type === 'string' || type === 'bytes'
        ? typeof value === 'string'
        : type === 'bool'
          ? typeof value === 'boolean'
          : typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
    if (!ok) problems.push(`${at}: expected ${type}, got ${JSON.stringify(value)}`);
  }

  function message(type: protobuf.Type, value: unknown, at: string): void {
    const name = type.fullName.slice(1);
    if (name === 'google.protobuf.Duration') {
      if (typeof value !== 'string' || !DURATION.test(value))
        problems.push(`${at}: expected a duration like "5s", got ${JSON.stringify(value)}`);
      return;
    }
    if (name === 'google.protobuf.Struct' || name === 'google.protobuf.Value') return;
    if (name.startsWith('google.protobuf.') && WRAPPERS.has(type.name)) {
      const inner = typeof value === 'object' && value !== null && 'value' in value ? (value as { value: unknown }).value : value;
      scalar(type.fields.value?.type ?? 'string', inner, at);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${at}: expected a ${name} object`);
      return;
    }
    if (name === 'google.protobuf.Any') {
      const { '@type': url, ...body } = value as Record<string, unknown>;
      const target = typeof url === 'string' ? url.slice(url.lastIndexOf('/') + 1) : '';
      const resolved = target ? api.lookup(target) : null;
      if (!(resolved instanceof protobuf.Type)) {
        problems.push(`${at}: @type ${JSON.stringify(url)} is not a known Envoy message`);
        return;
      }
      message(resolved, body, `${at}<${target}>`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const field = type.fields[key] ?? Object.values(type.fields).find((f) => f.options?.json_name === key);
      if (!field) {
        problems.push(`${at}.${key}: ${name} has no field "${key}"`);
        continue;
      }
      if (field instanceof protobuf.MapField) {
        for (const [k, v] of Object.entries((item ?? {}) as object)) element(field, v, `${at}.${key}[${k}]`);
      } else if (field.repeated) {
        if (!Array.isArray(item)) problems.push(`${at}.${key}: expected a list`);
        else for (const [i, v] of item.entries()) element(field, v, `${at}.${key}[${i}]`);
      } else element(field, item, `${at}.${key}`);
    }
  }

  function element(field: protobuf.Field, value: unknown, at: string): void {
    const type = field.resolvedType;
    if (type instanceof protobuf.Enum) {
      if (!(typeof value === 'string' ? value in type.values : Object.values(type.values).includes(value as number)))
        problems.push(`${at}: ${JSON.stringify(value)} is not a value of ${type.fullName.slice(1)}`);
    } else if (type instanceof protobuf.Type) message(type, value, at);
    else scalar(field.type, value, at);
  }

  message(api.lookupType(typeName), config, '');
  return problems;
}
