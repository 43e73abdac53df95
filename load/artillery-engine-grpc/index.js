/**
 * Artillery engine for the chat's gRPC contract (contracts/proto/). Artillery
 * loads it as `artillery-engine-grpc` (a local `file:` package). Plain
 * CommonJS, because Artillery requires engines from its own workers.
 *
 * Steps (besides Artillery's `think`, `loop`, `log`, `function`):
 *   - call:      { rpc: 'gateway.GatewayService/SendMessage', request: {…}, capture: { reply_field: var },
 *                  accept: ['ALREADY_EXISTS'], bearer: '{{ token }}' }
 *                request values are templated; `client_ts_ms: now` and `msg_id: auto` are filled in.
 *   - subscribe: { request: {…} } opens a Subscribe stream that lives until the VU ends.
 *
 * Metrics (aggregated by Artillery):
 *   histogram grpc.response_time.<Method>   ms from the call's start to its reply (not from scenario start)
 *   counter   grpc.requests, grpc.responses, grpc.codes.<STATUS>, grpc.errors.<Method>.<STATUS>
 *   histogram grpc.delivery_time            ms from a message's client_ts_ms (same machine clock) to its arrival
 *   counter   grpc.delivery.received, grpc.delivery.gaps, grpc.delivery.duplicates
 *
 * Config (`config.grpc`): channel: worker (one connection per target per Artillery worker, default) or user
 * (one per virtual user); deadlineMs (default 10000).
 */
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_DIR = path.join(__dirname, '..', '..', 'contracts', 'proto');
const FILES = ['auth.proto', 'chatroom.proto', 'chat.proto', 'gateway.proto'];

let contracts;
function loadContracts() {
  if (!contracts) {
    const definition = protoLoader.loadSync(FILES, {
      includeDirs: [PROTO_DIR],
      keepCase: true,
      longs: Number,
      defaults: true,
      oneofs: true,
    });
    contracts = grpc.loadPackageDefinition(definition);
  }
  return contracts;
}

/** `pkg.Service/Method` → the client constructor and method name. */
function resolveRpc(rpc) {
  const match = /^([\w.]+)\.(\w+)\/(\w+)$/.exec(rpc ?? '');
  if (!match) throw new Error(`rpc must look like package.Service/Method, got "${rpc}"`);
  const [, pkg, service, method] = match;
  const Client = pkg.split('.').reduce((o, k) => o?.[k], loadContracts())?.[service];
  if (typeof Client !== 'function') throw new Error(`no service ${pkg}.${service} in contracts/proto`);
  if (typeof Client.prototype[method] !== 'function') throw new Error(`no method ${method} in ${pkg}.${service}`);
  return { Client, service: `${pkg}.${service}`, method };
}

function channelOptions(target) {
  return target.includes(',') ? { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }) } : {};
}

class GrpcEngine {
  constructor(script, ee, helpers) {
    this.script = script;
    this.ee = ee;
    this.helpers = helpers;
    this.target = script.config.target;
    if (!this.target) throw new Error('config.target (host:port) is required by the grpc engine');
    const options = script.config.grpc ?? {};
    this.channelMode = options.channel ?? 'worker';
    if (!['worker', 'user'].includes(this.channelMode)) throw new Error('config.grpc.channel must be worker or user');
    this.deadlineMs = Number(options.deadlineMs ?? 10_000);
    this.shared = new Map(); // service → client, for channel: worker
  }

  client(context, service, Client) {
    const pool = this.channelMode === 'worker' ? this.shared : context._grpcClients;
    let client = pool.get(service);
    if (!client) {
      // Clients of one pool share a channel: pass the first one's channel to the others.
      const first = pool.values().next().value;
      client = new Client(this.target, grpc.credentials.createInsecure(), {
        ...channelOptions(this.target),
        ...(first ? { channelOverride: first.getChannel() } : {}),
      });
      pool.set(service, client);
    }
    return client;
  }

  createScenario(spec, ee) {
    const steps = spec.flow.map((step) => this.step(step, ee));
    return (initialContext, done) => {
      ee.emit('started');
      const context = Object.assign(initialContext, { _grpcClients: new Map(), _grpcStreams: [] });
      const finish = (error) => {
        for (const stream of context._grpcStreams) stream.cancel();
        if (this.channelMode === 'user') for (const client of context._grpcClients.values()) client.close();
        done(error, context);
      };
      let index = 0;
      const next = (error) => {
        if (error || index === steps.length) return finish(error);
        steps[index++](context, (err) => next(err));
      };
      next();
    };
  }

  step(spec, ee) {
    if (spec.loop) {
      const steps = spec.loop.map((s) => this.step(s, ee));
      return this.helpers.createLoopWithCount(spec.count ?? -1, steps, {});
    }
    if (spec.think) return this.helpers.createThink(spec, this.script.config.defaults?.think ?? {});
    if (spec.log)
      return (context, callback) => {
        console.log(this.helpers.template(spec.log, context));
        callback(null, context);
      };
    if (spec.function) {
      return (context, callback) => {
        const fn = this.script.config.processor?.[spec.function];
        if (!fn) return callback(new Error(`no function ${spec.function} in the processor`), context);
        fn(context, ee, () => callback(null, context));
      };
    }
    if (spec.call) return this.callStep(spec.call, ee);
    if (spec.subscribe) return this.subscribeStep(spec.subscribe, ee);
    throw new Error(`unknown step: ${JSON.stringify(spec)}`);
  }

  request(template, context) {
    const request = this.helpers.template(template ?? {}, context);
    if (request.client_ts_ms === 'now') request.client_ts_ms = Date.now();
    if (request.msg_id === 'auto') request.msg_id = randomUUID();
    return request;
  }

  metadata(bearer, context) {
    const metadata = new grpc.Metadata();
    if (bearer) metadata.set('authorization', `Bearer ${this.helpers.template(bearer, context)}`);
    return metadata;
  }

  callStep(spec, ee) {
    const { Client, service, method } = resolveRpc(spec.rpc);
    const accepted = new Set(['OK', ...(spec.accept ?? [])]);
    return (context, callback) => {
      const client = this.client(context, service, Client);
      const request = this.request(spec.request, context);
      ee.emit('counter', 'grpc.requests', 1);
      const started = process.hrtime.bigint();
      client[method](request, this.metadata(spec.bearer, context), { deadline: Date.now() + this.deadlineMs }, (error, reply) => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const code = error ? (grpc.status[error.code] ?? String(error.code)) : 'OK';
        ee.emit('counter', `grpc.codes.${code}`, 1);
        if (!accepted.has(code)) {
          ee.emit('counter', `grpc.errors.${method}.${code}`, 1);
          ee.emit('error', `${method} ${code}`);
          return callback(error, context);
        }
        ee.emit('counter', 'grpc.responses', 1);
        ee.emit('histogram', `grpc.response_time.${method}`, ms);
        for (const [field, variable] of Object.entries(spec.capture ?? {})) context.vars[variable] = reply?.[field];
        callback(null, context);
      });
    };
  }

  subscribeStep(spec, ee) {
    const { Client, service } = resolveRpc('gateway.GatewayService/Subscribe');
    return (context, callback) => {
      const client = this.client(context, service, Client);
      const stream = client.Subscribe(this.request(spec.request, context), this.metadata(spec.bearer, context));
      let last;
      stream.on('data', (message) => {
        ee.emit('counter', 'grpc.delivery.received', 1);
        if (message.client_ts_ms > 0) ee.emit('histogram', 'grpc.delivery_time', Date.now() - message.client_ts_ms);
        if (last !== undefined && message.server_seq <= last) ee.emit('counter', 'grpc.delivery.duplicates', 1);
        else if (last !== undefined && message.server_seq > last + 1)
          ee.emit('counter', 'grpc.delivery.gaps', message.server_seq - last - 1);
        last = Math.max(last ?? 0, message.server_seq);
      });
      stream.on('error', (error) => {
        if (error.code === grpc.status.CANCELLED) return;
        const code = grpc.status[error.code] ?? String(error.code);
        ee.emit('counter', `grpc.errors.Subscribe.${code}`, 1);
        ee.emit('error', `Subscribe ${code}`);
      });
      context._grpcStreams.push(stream);
      callback(null, context);
    };
  }
}

module.exports = GrpcEngine;
