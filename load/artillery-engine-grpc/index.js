/**
 * Artillery engine for the chat's gRPC contract (contracts/proto/). Artillery
 * loads it as `artillery-engine-grpc` (a local `file:` package). Plain
 * CommonJS, because Artillery requires engines from its own workers.
 *
 * Steps (besides Artillery's `think`, `loop` (with `count`, or `whileTrue: <processor function>`), `log`, `function`):
 *   - call:      { rpc: 'gateway.GatewayService/SendMessage', request: {…}, capture: { reply_field: var },
 *                  accept: ['ALREADY_EXISTS'], bearer: '{{ token }}' }
 *                request values are templated; `client_ts_ms: now` and `msg_id: auto` are filled in.
 *                `retry: ['UNAVAILABLE']`: statuses the flow handles by trying again (a loop around the
 *                call): counted as grpc.retried.<Method>.<STATUS>, neither an error nor a response time.
 *   - subscribe: { request: {…} } opens a Subscribe stream that lives until the VU ends; the step
 *                ends once the server's headers say the subscription is live.
 *
 * Metrics (aggregated by Artillery):
 *   histogram grpc.response_time.<Method>   ms from the call's start to its reply (not from scenario start)
 *   counter   grpc.requests, grpc.responses, grpc.codes.<STATUS>, grpc.errors.<Method>.<STATUS>,
 *             grpc.retried.<Method>.<STATUS>
 *   histogram grpc.delivery_time            ms from a message's client_ts_ms (same machine clock) to its arrival
 *   counter   grpc.delivery.received, grpc.delivery.gaps, grpc.delivery.duplicates
 *   counter   grpc.delivery.checked, grpc.delivery.lost   each acknowledged SendMessage of a VU to a room it
 *                                                       follows, and those its own stream did not get by its
 *                                                       end (plus up to 5 s of grace)
 *   counter   grpc.served_by.<name>                     replies per server (its `x-served-by` header)
 *   histogram engine.loop_delay             ms by which this worker's event loop ran a 20-ms timer late: how long
 *                                           a reply or a delivery that had arrived could wait before it was timed
 *
 * Target: host:port, or replicas as a comma list (host:1,host:2), balanced round-robin per call.
 * Config (`config.grpc`): channel: worker (a pool of `connections` per Artillery worker, default 16, users
 * spread over them) or user (one per virtual user); deadlineMs (default 10000). Why a pool: thousands of
 * users on one HTTP/2 connection end their streams at once when they leave, and a server on Node 20 takes
 * more than 1,000 resets in a burst for a rapid-reset attack (nghttp2's fixed limit) and closes the whole
 * connection: every call still on it fails with INTERNAL.
 */
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

/** How long a VU that is done waits for its own acknowledged messages before counting them lost. */
const LOST_AFTER_MS = 5_000;
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

// Counters carry method and status only (details vary); each distinct failure is also printed once, to say why.
const explained = new Set();
function explainOnce(method, code, details) {
  const line = `${method} ${code}: ${details}`;
  if (explained.has(line) || explained.size >= 50) return;
  explained.add(line);
  console.log(`grpc error: ${line}`);
}

/**
 * The load generator's own lag, as the servers measure theirs (lib/latency.ts): a reply is timed when this
 * worker's loop gets to it, so a busy worker adds its delay to every latency it reports. Once per worker.
 */
const LOOP_TICK_MS = 20;
let loopWatched = false;
function watchLoop(ee) {
  if (loopWatched) return;
  loopWatched = true;
  let expected = performance.now() + LOOP_TICK_MS;
  setInterval(() => {
    const now = performance.now();
    ee.emit('histogram', 'engine.loop_delay', Math.max(0, now - expected));
    expected = now + LOOP_TICK_MS;
  }, LOOP_TICK_MS).unref();
}

/** `host:port`, or a comma list of replicas (`a:1,b:2`, balanced round-robin per call). */
function channelTarget(target) {
  return target.includes(',') && !target.includes(':/') && !/^ipv[46]:/.test(target) ? `ipv4:${target}` : target;
}

/**
 * What real gRPC clients do when a server sheds load: retry UNAVAILABLE with
 * exponential backoff and jitter (grpc-js applies the service config's retry
 * policy). Safe for every call the scenarios make: a send carries its msg_id,
 * so a retried send is stored once. The call's deadline bounds all attempts.
 */
const RETRY_UNAVAILABLE = {
  maxAttempts: 5,
  initialBackoff: '0.2s',
  maxBackoff: '5s',
  backoffMultiplier: 2,
  retryableStatusCodes: ['UNAVAILABLE'],
};

function channelOptions(target) {
  const config = {
    methodConfig: [{ name: [{ service: 'auth.LoginService' }, { service: 'gateway.GatewayService' }], retryPolicy: RETRY_UNAVAILABLE }],
    ...(target.includes(',') ? { loadBalancingConfig: [{ round_robin: {} }] } : {}),
  };
  return { 'grpc.service_config': JSON.stringify(config) };
}

class GrpcEngine {
  constructor(script, ee, helpers) {
    this.script = script;
    this.ee = ee;
    this.helpers = helpers;
    if (!script.config.target) throw new Error('config.target (host:port) is required by the grpc engine');
    this.target = channelTarget(script.config.target);
    const options = script.config.grpc ?? {};
    this.channelMode = options.channel ?? 'worker';
    if (!['worker', 'user'].includes(this.channelMode)) throw new Error('config.grpc.channel must be worker or user');
    this.deadlineMs = Number(options.deadlineMs ?? 10_000);
    const connections = Number(options.connections ?? 16);
    if (!Number.isInteger(connections) || connections < 1) throw new Error('config.grpc.connections must be a positive integer');
    // For channel: worker, one service → client map per connection; each VU takes the next connection.
    this.shared = Array.from({ length: connections }, () => new Map());
    this.nextConnection = 0;
  }

  client(context, service, Client) {
    if (context._grpcConnection === undefined)
      context._grpcConnection = this.channelMode === 'worker' ? this.nextConnection++ % this.shared.length : this.nextConnection++;
    const pool = this.channelMode === 'worker' ? this.shared[context._grpcConnection] : context._grpcClients;
    let client = pool.get(service);
    if (!client) {
      // Clients of one pool share a channel: pass the first one's channel to the others.
      const first = pool.values().next().value;
      client = new Client(this.target, grpc.credentials.createInsecure(), {
        ...channelOptions(this.target),
        // A channel option of its own, so grpc-js does not share one connection between the pool's channels.
        'artillery.connection': context._grpcConnection,
        ...(first ? { channelOverride: first.getChannel() } : {}),
      });
      pool.set(service, client);
    }
    return client;
  }

  createScenario(spec, ee) {
    watchLoop(ee);
    const steps = spec.flow.map((step) => this.step(step, ee));
    return (initialContext, done) => {
      ee.emit('started');
      const context = Object.assign(initialContext, { _grpcClients: new Map(), _grpcStreams: [], _grpcFollowed: new Map() });
      const awaited = () => [...context._grpcFollowed.values()].reduce((sum, followed) => sum + followed.awaited.size, 0);
      const finish = (error) => {
        // A VU that ends early (a failed call) still gives its acknowledged messages time to arrive.
        const graceUntil = Date.now() + LOST_AFTER_MS;
        const close = () => {
          if (awaited() > 0 && Date.now() < graceUntil) return setTimeout(close, 50);
          context._grpcDone = true;
          for (const stream of context._grpcStreams) stream.cancel();
          if (context._grpcFollowed.size > 0) ee.emit('counter', 'grpc.delivery.lost', awaited());
          if (this.channelMode === 'user') for (const client of context._grpcClients.values()) client.close();
          done(error, context);
        };
        close();
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
      // Artillery's own convention: `whileTrue` names a processor function (context, next(boolean)).
      const whileTrue = spec.whileTrue && this.script.config.processor?.[spec.whileTrue];
      if (spec.whileTrue && !whileTrue) throw new Error(`no function ${spec.whileTrue} in the processor`);
      return this.helpers.createLoopWithCount(spec.count ?? -1, steps, whileTrue ? { whileTrue } : {});
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
        fn(context, ee, (error) => callback(error ?? null, context));
      };
    }
    if (spec.call) return this.callStep(spec.call, ee);
    if (spec.subscribe) return this.subscribeStep(spec.subscribe, ee);
    throw new Error(`unknown step: ${JSON.stringify(spec)}`);
  }

  request(template, context) {
    const request = this.templated(template ?? {}, context);
    if (request.client_ts_ms === 'now') request.client_ts_ms = Date.now();
    if (request.msg_id === 'auto') request.msg_id = randomUUID();
    return request;
  }

  /**
   * Artillery's templating, leaf by leaf: its own `template` on an object deep-clones it and rewrites every
   * path with lodash on each call (about 7 % of this worker's busy time in a profile of the 5,000-user chat;
   * 17–19 µs for a SendMessage request against 5 µs here), where a request is a few strings. Strings with a
   * placeholder (keys too) still go through Artillery's `template`, so what a placeholder means is unchanged;
   * objects and arrays are rebuilt, anything else is kept.
   */
  templated(value, context) {
    if (typeof value === 'string') return value.includes('{{') ? this.helpers.template(value, context) : value;
    if (Array.isArray(value)) return value.map((item) => this.templated(item, context));
    if (value?.constructor !== Object) return value;
    const result = {};
    for (const [key, item] of Object.entries(value))
      result[key.includes('{{') ? this.helpers.template(key, context) : key] = this.templated(item, context);
    return result;
  }

  metadata(bearer, context) {
    const metadata = new grpc.Metadata();
    if (bearer) metadata.set('authorization', `Bearer ${this.helpers.template(bearer, context)}`);
    return metadata;
  }

  servedBy(call, ee) {
    call.on('metadata', (metadata) => {
      const name = metadata.get('x-served-by')[0];
      if (name) ee.emit('counter', `grpc.served_by.${name}`, 1);
    });
  }

  callStep(spec, ee) {
    const { Client, service, method } = resolveRpc(spec.rpc);
    const accepted = new Set(['OK', ...(spec.accept ?? [])]);
    const retried = new Set(spec.retry ?? []);
    return (context, callback) => {
      const client = this.client(context, service, Client);
      const request = this.request(spec.request, context);
      ee.emit('counter', 'grpc.requests', 1);
      const started = process.hrtime.bigint();
      const call = client[method](
        request,
        this.metadata(spec.bearer, context),
        { deadline: Date.now() + this.deadlineMs },
        (error, reply) => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const code = error ? (grpc.status[error.code] ?? String(error.code)) : 'OK';
          ee.emit('counter', `grpc.codes.${code}`, 1);
          if (retried.has(code)) {
            ee.emit('counter', `grpc.retried.${method}.${code}`, 1);
            return callback(null, context);
          }
          if (!accepted.has(code)) {
            ee.emit('counter', `grpc.errors.${method}.${code}`, 1);
            explainOnce(method, code, error.details);
            ee.emit('error', `${method} ${code}`);
            return callback(error, context);
          }
          ee.emit('counter', 'grpc.responses', 1);
          ee.emit('histogram', `grpc.response_time.${method}`, ms);
          for (const [field, variable] of Object.entries(spec.capture ?? {})) context.vars[variable] = reply?.[field];
          const followed = method === 'SendMessage' && context._grpcFollowed.get(request.room_name);
          if (followed && reply?.server_seq > 0) {
            ee.emit('counter', 'grpc.delivery.checked', 1);
            if (!followed.received.has(reply.server_seq)) followed.awaited.add(reply.server_seq);
          }
          callback(null, context);
        },
      );
      this.servedBy(call, ee);
    };
  }

  subscribeStep(spec, ee) {
    const { Client, service } = resolveRpc('gateway.GatewayService/Subscribe');
    return (context, callback) => {
      const client = this.client(context, service, Client);
      const request = this.request(spec.request, context);
      const stream = client.Subscribe(request, this.metadata(spec.bearer, context));
      // What this VU's own sends must come back on: seqs received, and acknowledged ones still awaited.
      const followed = { received: new Set(), awaited: new Set() };
      context._grpcFollowed.set(request.room_name, followed);
      context._grpcStreams.push(stream);
      // The step ends when the subscription is live (headers), fails, or is not live within the deadline.
      let waiting = true;
      const proceed = (error) => {
        if (!waiting) return;
        waiting = false;
        clearTimeout(timer);
        callback(error, context);
      };
      const fail = (code, error) => {
        ee.emit('counter', `grpc.codes.${code}`, 1);
        ee.emit('counter', `grpc.errors.Subscribe.${code}`, 1);
        ee.emit('error', `Subscribe ${code}`);
        explainOnce('Subscribe', code, error.details ?? error.message);
        proceed(error);
      };
      const timer = setTimeout(() => {
        fail('DEADLINE_EXCEEDED', new Error('Subscribe was not live within the deadline'));
        stream.cancel();
      }, this.deadlineMs);
      this.servedBy(stream, ee);
      stream.on('metadata', () => proceed(null));
      let last;
      stream.on('data', (message) => {
        const seq = message.server_seq;
        ee.emit('counter', 'grpc.delivery.received', 1);
        if (message.client_ts_ms > 0) ee.emit('histogram', 'grpc.delivery_time', Date.now() - message.client_ts_ms);
        if (last !== undefined && seq <= last) ee.emit('counter', 'grpc.delivery.duplicates', 1);
        else if (last !== undefined && seq > last + 1) ee.emit('counter', 'grpc.delivery.gaps', seq - last - 1);
        last = Math.max(last ?? 0, seq);
        followed.received.add(seq);
        followed.awaited.delete(seq);
      });
      stream.on('error', (error) => {
        // The engine ends streams itself (VU over, or the deadline above): not the server's doing.
        if (error.code === grpc.status.CANCELLED || context._grpcDone) return;
        fail(grpc.status[error.code] ?? String(error.code), error);
      });
    };
  }
}

module.exports = GrpcEngine;
