/**
 * The CloudFormation resources of the serverless deployment, from the same
 * table definition the monolith creates its tables from: the tables, and one
 * least-privilege IAM role per function (only the tables and actions it uses).
 */
import { createTableInput, TABLES, type TableDefinition } from '../functions/storage/tables.js';

type Table = TableDefinition['name'];

/** What each function may do to which table. */
const ACCESS: Record<string, Partial<Record<Table, string[]>>> = {
  login: {
    // A removed account is replaced by its tombstone, never deleted.
    users: ['GetItem', 'PutItem'],
    sessions: ['GetItem', 'PutItem', 'DeleteItem', 'Query', 'Scan', 'BatchWriteItem'],
    // Appends only: the gateways read the log (with credentials of their own, outside this stack).
    revocations: ['PutItem'],
  },
  chatroom: {
    // UpdateItem: each LeaveRoom counted on its room.
    rooms: ['GetItem', 'PutItem', 'DeleteItem', 'UpdateItem', 'Scan'],
    // UpdateItem: the owners' room counts.
    members: ['GetItem', 'PutItem', 'DeleteItem', 'UpdateItem', 'Query', 'BatchWriteItem'],
    messages: ['Query', 'BatchWriteItem'],
  },
  chat: {
    // UpdateItem: each stored message advances its room's head.
    rooms: ['GetItem', 'UpdateItem'],
    members: ['GetItem'],
    // GetItem: a repeated msg_id's sender and text.
    messages: ['GetItem', 'PutItem', 'Query'],
  },
};

/** A function's GetItems made together leave as one BatchGetItem (functions/storage/gets-together.ts): one needs the other. */
const withGathering = (actions: string[]) => (actions.includes('GetItem') ? [...actions, 'BatchGetItem'] : actions);

const logicalId = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;
const tableName = (table: Table) => ({ 'Fn::Sub': `\${AWS::StackName}-${table}` });

export function serverlessResources() {
  const resources: Record<string, unknown> = {};
  for (const table of TABLES) {
    const { TableName: _name, ...input } = createTableInput(table, '');
    resources[`${logicalId(table.name)}Table`] = {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        ...input,
        TableName: tableName(table.name),
        ...(table.ttlAttribute ? { TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } } : {}),
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      },
    };
  }
  for (const [fn, access] of Object.entries(ACCESS)) {
    const statements = Object.entries(access).map(([table, actions]) => {
      const arn = { 'Fn::GetAtt': [`${logicalId(table)}Table`, 'Arn'] };
      return {
        Effect: 'Allow',
        Action: withGathering(actions as string[]).map((a) => `dynamodb:${a}`),
        Resource: [arn, { 'Fn::Join': ['/', [arn, 'index', '*']] }],
      };
    });
    resources[`${logicalId(fn)}Role`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        Policies: [{ PolicyName: `${fn}-tables`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      },
    };
  }
  return { Resources: resources };
}
