/**
 * The layout's rules, checked: which folder may import which (as the README's
 * architecture section says), and every operation a function declares is
 * reachable through each binding — in-process, its Lambda entry, and the
 * gateway's proxies. (`test/types/operations.ts` makes a missing operation a
 * type error; this checks the running code agrees.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Context } from 'aws-lambda';
import { CHAT } from '../functions/chat/operations.js';
import { UNCACHED } from '../functions/chatroom/directory.js';
import { CHATROOM } from '../functions/chatroom/operations.js';
import type { InvokeEvent, InvokeResult } from '../functions/lambda/envelope.js';
import { generateSigningKey } from '../functions/login/keys.js';
import { LOGIN } from '../functions/login/operations.js';
import { createRuntime } from '../functions/runtime.js';
import { createGatewayBackend } from '../gateway/backend.js';
import { ROOT } from '../infrastructure/local/processes.js';
import './support/env.js';

// The Lambda entries below must touch no store: any I/O they tried would fail at once on loopback.
process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:9';

/** Project folders each folder may import from (besides itself, node: and packages). */
const MAY_IMPORT: Record<string, string[]> = {
  lib: [],
  contracts: [],
  functions: ['contracts', 'lib'],
  // api/web-page.ts serves the page's built files (web/dist).
  api: ['functions', 'contracts', 'lib', 'web'],
  monolith: ['api', 'functions', 'contracts', 'lib', 'infrastructure'],
  gateway: ['api', 'functions', 'contracts', 'lib'],
  infrastructure: ['functions', 'contracts', 'lib'],
  client: ['contracts', 'lib'],
  web: ['contracts'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(file);
    return /\.(ts|mjs)$/.test(name) ? [file] : [];
  });
}

test('each folder imports only from the folders its layer may use', () => {
  const breaches: string[] = [];
  for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
    for (const file of sourceFiles(path.join(ROOT, folder))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\(?|new URL\()\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = path.relative(ROOT, path.resolve(path.dirname(file), spec as string)).split(path.sep)[0] as string;
        if (target !== '' && target !== folder && !allowed.includes(target)) breaches.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(breaches, []);
});

test('every declared operation is served in-process, by its Lambda entry and by the gateway', async () => {
  const runtime = createRuntime({
    config: {
      env: 'production',
      tablePrefix: 'x-',
      dynamo: { region: 'us-east-1' },
      tokenTtlSeconds: 60,
      scryptLogN: 10,
      roomsPerUser: 1,
      membershipCacheMs: 0,
    },
    // Never called: only the tables' shape is looked at.
    client: {} as never,
    signingKey: generateSigningKey().privateKeyPem,
    roomCache: UNCACHED,
    sessionCacheMs: 0,
  });
  const invoked: string[] = [];
  const gateway = createGatewayBackend({
    invoker: {
      invoke: async (fn, op) => invoked.push(`${fn}.${op}`),
      keepWarm: () => undefined,
      usage: () => ({}),
      close: () => undefined,
    },
    poller: { stored: () => undefined, nudge: () => undefined } as never,
    client: {} as never,
    tables: { rooms: 'r', members: 'm', messages: 'g' },
    // Credentials are checked in the gateway itself (gateway/credentials.ts): Authenticate is no invoke.
    credentials: {
      authenticate: () => ({ username: 'u', sessionId: 's', expiresAt: 2e9 }),
      refresh: async () => undefined,
      stats: () => ({ revokedSessions: 0, revokedUsers: 0, polls: 0 }),
      stop: () => undefined,
    },
  });
  const context = { getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
  const specs = { login: LOGIN, chatroom: CHATROOM, chat: CHAT };
  for (const [fn, spec] of Object.entries(specs)) {
    const declared = Object.keys(spec).sort();
    assert.deepEqual(Object.keys(runtime.operations[fn as keyof typeof specs]).sort(), declared, `${fn} in-process`);
    const gatewayOps = gateway[fn as keyof typeof specs] as Record<string, (caller: unknown, request: unknown) => Promise<unknown>>;
    assert.deepEqual(Object.keys(gatewayOps).sort(), declared, `${fn} through the gateway`);
    for (const op of declared) await gatewayOps[op]?.({ username: 'u', sessionId: 's', expiresAt: 2e9 }, { room_name: 'r' });

    const { handler } = (await import(`../functions/${fn}/handler.js`)) as {
      handler: (e: InvokeEvent, c: Context) => Promise<InvokeResult>;
    };
    const { cost: _cost, ...unknown } = await handler({ operation: 'NoSuchOperation' }, context);
    assert.deepEqual(unknown, { ok: false, error: { kind: 'INVALID_ARGUMENT', message: `${fn} has no operation "NoSuchOperation"` } });
    for (const op of declared) {
      // A malformed request is refused by the operation's own request type, so the entry knows each one.
      const reply = await handler({ operation: op, request: { no_such_field: 1 } }, context).catch((error: Error) => error);
      assert.doesNotMatch(JSON.stringify(reply), /has no operation/, `${fn}.${op} through its Lambda entry`);
    }
  }
  assert.ok(!invoked.includes('login.Authenticate'), 'a gateway checks credentials itself');
  assert.equal(invoked.length, Object.values(specs).reduce((n, spec) => n + Object.keys(spec).length, 0) - 1);
});
