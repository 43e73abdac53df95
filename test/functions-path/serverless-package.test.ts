/**
 * `serverless package` works offline (no AWS account) and the packaged
 * CloudFormation template declares the tables and a least-privilege role per
 * function.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { generateSigningKey } from '../../functions/login/keys.js';
import { ROOT } from '../../infrastructure/local/processes.js';

const out = mkdtempSync(path.join(tmpdir(), 'chat-package-'));
after(() => rmSync(out, { recursive: true, force: true }));

type Resource = { Type: string; Properties: Record<string, unknown> };

test('the packaged template has the tables, the functions and per-function permissions', () => {
  execFileSync(process.execPath, ['node_modules/serverless/bin/serverless.js', 'package', '--stage', 'prod', '--package', out], {
    cwd: ROOT,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
  const template = JSON.parse(readFileSync(path.join(out, 'cloudformation-template-update-stack.json'), 'utf8')) as {
    Resources: Record<string, Resource>;
  };
  const resources = template.Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

  const tables = ofType('AWS::DynamoDB::Table')
    .map(([id]) => id)
    .sort();
  assert.deepEqual(tables, ['MembersTable', 'MessagesTable', 'RevocationsTable', 'RoomsTable', 'SessionsTable', 'UsersTable']);
  const messages = resources.MessagesTable?.Properties as { LocalSecondaryIndexes: { IndexName: string }[]; KeySchema: unknown[] };
  assert.equal(messages.LocalSecondaryIndexes[0]?.IndexName, 'by_msg_id');

  const functions = ofType('AWS::Lambda::Function');
  assert.equal(functions.length, 3);
  for (const [, fn] of functions) {
    assert.equal(fn.Properties.Runtime, 'nodejs22.x');
    assert.match(String(fn.Properties.Handler), /^dist\/functions\//);
  }

  // Each role may touch only its function's tables, with only the actions it uses.
  type Statement = { Action: string[]; Resource: { 'Fn::GetAtt'?: string[] }[] };
  const policy = (role: string): Statement[] => {
    const properties = resources[role]?.Properties as { Policies: { PolicyDocument: { Statement: Statement[] } }[] } | undefined;
    assert.ok(properties, `${role} exists`);
    return properties.Policies[0]?.PolicyDocument.Statement ?? [];
  };
  const tablesOf = (role: string) =>
    policy(role)
      .map((s) => s.Resource[0]?.['Fn::GetAtt']?.[0])
      .sort();
  assert.deepEqual(tablesOf('LoginRole'), ['RevocationsTable', 'SessionsTable', 'UsersTable']);
  assert.deepEqual(tablesOf('ChatroomRole'), ['MembersTable', 'MessagesTable', 'RoomsTable']);
  assert.deepEqual(tablesOf('ChatRole'), ['MembersTable', 'MessagesTable', 'RoomsTable']);
  const chatActions = policy('ChatRole').flatMap((s) => s.Action);
  assert.ok(!chatActions.includes('dynamodb:DeleteItem') && !chatActions.includes('dynamodb:Scan'), 'chat cannot delete or scan');
  for (const role of ['LoginRole', 'ChatroomRole', 'ChatRole']) {
    for (const action of policy(role).flatMap((s) => s.Action)) assert.notEqual(action, 'dynamodb:*');
    // A function's reads made together go as one BatchGetItem: wherever it may GetItem, it may BatchGetItem.
    for (const { Action } of policy(role))
      assert.equal(Action.includes('dynamodb:BatchGetItem'), Action.includes('dynamodb:GetItem'), `${role}: ${Action.join(', ')}`);
  }
  // A LeaveRoom is counted on its room.
  assert.ok(
    policy('ChatroomRole').some((s) => s.Resource[0]?.['Fn::GetAtt']?.[0] === 'RoomsTable' && s.Action.includes('dynamodb:UpdateItem')),
  );
});

const { DYNAMODB_ENDPOINT: _, ...withoutEndpoint } = process.env;

test('stage local (LocalStack) names its functions and tables chat-local-* and points them at LocalStack', () => {
  execFileSync(
    process.execPath,
    ['node_modules/serverless/bin/serverless.js', 'package', '--stage', 'local', '--package', `${out}-local`],
    {
      cwd: ROOT,
      env: { ...withoutEndpoint, SLS_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    },
  );
  const template = JSON.parse(readFileSync(path.join(`${out}-local`, 'cloudformation-template-update-stack.json'), 'utf8')) as {
    Resources: Record<string, Resource>;
  };
  rmSync(`${out}-local`, { recursive: true, force: true });
  const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  assert.deepEqual(functions.map((f) => f.Properties.FunctionName).sort(), ['chat-local-chat', 'chat-local-chatroom', 'chat-local-login']);
  for (const fn of functions) {
    const env = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
    assert.equal(env.DYNAMODB_ENDPOINT, 'http://localstack:4566');
    assert.equal(env.TABLE_PREFIX, 'chat-local-');
  }
});

test('one function per bundle: only login carries credential code, and only login gets the signing key', () => {
  const bundle = (fn: string) => readFileSync(path.join(ROOT, 'dist', 'functions', `${fn}.mjs`), 'utf8');
  const [login, chatroom, chat] = ['login', 'chatroom', 'chat'].map(bundle) as [string, string, string];
  for (const [name, code] of Object.entries({ chatroom, chat })) {
    for (const marker of ['function createLoginLogic', 'jsonwebtoken', 'scrypt$'])
      assert.ok(!code.includes(marker), `${name} bundles ${marker}`);
  }
  assert.ok(login.includes('function createLoginLogic'));
  assert.ok(!login.includes('function createChatLogic') && !login.includes('function createChatroomLogic'), 'login bundles only login');
  assert.ok(!chat.includes('function createChatroomLogic'), 'chat bundles only chat');

  execFileSync(process.execPath, ['node_modules/serverless/bin/serverless.js', 'package', '--stage', 'prod', '--package', `${out}-own`], {
    cwd: ROOT,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', JWT_PRIVATE_KEY: generateSigningKey().privateKeyPem },
    stdio: 'pipe',
  });
  const template = JSON.parse(readFileSync(path.join(`${out}-own`, 'cloudformation-template-update-stack.json'), 'utf8')) as {
    Resources: Record<string, Resource>;
  };
  rmSync(`${out}-own`, { recursive: true, force: true });
  const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  const secretHolders = functions
    .filter((f) => (f.Properties.Environment as { Variables: Record<string, string> }).Variables.JWT_PRIVATE_KEY !== undefined)
    .map((f) => f.Properties.FunctionName);
  assert.deepEqual(secretHolders, ['chat-prod-login']);
  const artifacts = functions.map((f) => (f.Properties.Code as { S3Key: string }).S3Key);
  assert.equal(new Set(artifacts).size, 3, `each function has its own artifact: ${artifacts.join(' ')}`);
});
