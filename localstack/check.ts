/**
 * The deploy step's last word: the stage's tables exist and each function
 * answers an Invoke with its envelope (an unknown operation must come back as
 * INVALID_ARGUMENT, proving the bundle loaded and its configuration was read).
 * Exits 1 with what is missing, so the gateways never start on a half deploy.
 *
 *   ENDPOINT=http://localstack:4566 STAGE=local node --import tsx localstack/check.ts
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { FUNCTIONS } from '../functions/operation.js';
import { createDynamoClient } from '../functions/storage/dynamo.js';
import { tableNames } from '../functions/storage/tables.js';
import { stagePrefix } from '../infrastructure/local/functions-stack.js';
import { describeError, log } from '../lib/log.js';

const endpoint = process.env.ENDPOINT ?? 'http://localstack:4566';
const region = process.env.AWS_REGION ?? 'us-east-1';
const prefix = stagePrefix(process.env.STAGE ?? 'local');

const dynamo = createDynamoClient({ dynamo: { endpoint, region } });
const lambda = new LambdaClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const problems: string[] = [];

for (const name of Object.values(tableNames(prefix))) {
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name })).catch((error) => {
    problems.push(`table ${name}: ${describeError(error).detail ?? error}`);
    return { Table: undefined };
  });
  if (Table && Table.TableStatus !== 'ACTIVE') problems.push(`table ${name} is ${Table.TableStatus}`);
}
for (const fn of FUNCTIONS) {
  const name = `${prefix}${fn}`;
  try {
    const reply = await lambda.send(
      new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify({ operation: 'DeployCheck' })) }),
    );
    const body = JSON.parse(Buffer.from(reply.Payload ?? []).toString() || '{}');
    if (reply.FunctionError || body?.error?.kind !== 'INVALID_ARGUMENT') problems.push(`function ${name} answered ${JSON.stringify(body)}`);
  } catch (error) {
    problems.push(`function ${name}: ${describeError(error).detail}`);
  }
}
dynamo.destroy();
lambda.destroy();
if (problems.length > 0) {
  log.error('deployment incomplete', { endpoint, problems });
  process.exit(1);
}
log.ready('deployment checked', {
  endpoint,
  tables: Object.values(tableNames(prefix)).join(' '),
  functions: FUNCTIONS.map((f) => prefix + f).join(' '),
});
