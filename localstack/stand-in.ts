/**
 * What CI runs in LocalStack's place (its image cannot be pulled on these
 * machines): the two AWS APIs the services stack uses, on LocalStack's port
 * 4566 — DynamoDB (dynalite, in memory) and Lambda Invoke (serverless-offline
 * running the built functions of stage `local`), routed by `X-Amz-Target` and
 * path. It does not do CloudFormation or create-function: the tables are
 * created here from the same definitions serverless.yml deploys, and the
 * functions are the bundles in dist/. Health: GET /_localstack/health, as
 * LocalStack answers it.
 *
 *   node --import tsx localstack/stand-in.ts        (see infrastructure/docker-compose.ci.yml)
 */
import http from 'node:http';
import { signingKeyFor } from '../infrastructure/local/dev-key.js';
import { startFunctionsStack } from '../infrastructure/local/functions-stack.js';
import { describeError, log } from '../lib/log.js';

const PORT = Number(process.env.PORT ?? 4566);
const STAGE = 'local';

// As the deploy step does: the given key or the one kept in the shared keys volume, its public half written there for the gateways.
const signingKey = signingKeyFor(process.env.JWT_PRIVATE_KEY, process.env.SIGNING_KEY_DIR, process.env.PUBLIC_KEY_DIR);
const stack = await startFunctionsStack({
  replicas: 0,
  basePort: 0,
  stage: STAGE,
  signingKey,
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', SCRYPT_LOG_N: process.env.SCRYPT_LOG_N ?? '14' },
});
const upstream = {
  dynamodb: new URL(stack.dynamoEndpoint),
  lambda: new URL(stack.lambdaEndpoint),
};

/** Which service a request is for, the way LocalStack tells them apart on one port. */
function serviceOf(req: http.IncomingMessage): keyof typeof upstream | undefined {
  if (String(req.headers['x-amz-target'] ?? '').startsWith('DynamoDB_')) return 'dynamodb';
  if (req.url?.startsWith('/2015-03-31/functions/')) return 'lambda';
  return undefined;
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/_localstack/health')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ services: { dynamodb: 'running', lambda: 'running' }, edition: 'stand-in' }));
    return;
  }
  const service = serviceOf(req);
  if (!service) {
    res.writeHead(501, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `the LocalStack stand-in serves DynamoDB and Lambda Invoke only (${req.method} ${req.url})` }));
    return;
  }
  const target = upstream[service];
  const forward = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', (error) => {
    log.warn('stand-in upstream failed', { service, ...describeError(error) });
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(forward);
});
server.listen(PORT, '0.0.0.0', () =>
  log.ready('localstack stand-in ready', { edge: `0.0.0.0:${PORT}`, services: 'dynamodb lambda', stage: STAGE }),
);

const stop = async (signal: string) => {
  log.info('stopping', { signal });
  server.close();
  await stack.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
