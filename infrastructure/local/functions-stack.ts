/**
 * The serverless path on one machine, without containers: a DynamoDB (the
 * embedded dynalite, or one at an endpoint), serverless-offline running the
 * built functions, and N gateway replicas on loopback. Used by `npm run dev`,
 * `npm run stack`, and the tests of the functions path.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { batchWriteAll, createDynamoClient } from '../../functions/storage/dynamo.js';
import { ensureTables, tableNames } from '../../functions/storage/tables.js';
import { publicKeyFor } from './dev-key.js';
import { type EmbeddedDynamo, startEmbeddedDynamo } from './embedded-dynamo.js';
import { type ChildServer, freePort, ROOT, spawnGateway, spawnOffline } from './processes.js';

export { freePort };

/** What serverless.yml names a stage's functions and tables: `chat-<stage>-<name>`. */
export const stagePrefix = (stage: string) => `chat-${stage}-`;
/** The stage `npm run dev`, `npm run stack` and the tests use. */
export const DEV_PREFIX = stagePrefix('dev');

export interface StackOptions {
  replicas: number;
  /** First gateway port (replica i listens on basePort + i); 0 = any free ports. */
  basePort: number;
  /** An existing DynamoDB, else an embedded one (on disk in `dataDir`, or in memory). */
  dynamoEndpoint?: string;
  dataDir?: string;
  /**
   * The embedded store in memory, starting from a copy of `dataDir`'s items (left as they were): a stand-in for
   * DynamoDB without LevelDB's disk engine, which on a busy machine stalls the store's thread (README, "The store
   * of the load runs").
   */
  copyIntoMemory?: boolean;
  /** The login function's signing key (PEM); the gateways get its public half. */
  signingKey: string;
  /** Extra environment for the functions and gateways (SCRYPT_LOG_N, POLL_INTERVAL_MS, …). */
  env?: Record<string, string>;
  /** Let serverless-offline load the handler afresh on each call (edits apply without a restart). */
  reloadHandler?: boolean;
  /** serverless.yml's stage (names of functions and tables); `dev` by default. */
  stage?: string;
  /** The first gateway also serves the chat page and gRPC-Web here (0 = any free port); none when undefined. */
  webPort?: number;
}

export interface FunctionsStack {
  dynamoEndpoint: string;
  /** The embedded store's thread in this process (Linux), for its CPU time; none for a given endpoint. */
  storeThreadId?: number;
  lambdaEndpoint: string;
  gateways: ChildServer[];
  offline: ChildServer;
  /** Starts another replica (e.g. after one was killed). */
  addGateway(port?: number): Promise<ChildServer>;
  stop(): Promise<void>;
}

export async function startFunctionsStack(options: StackOptions): Promise<FunctionsStack> {
  if (!existsSync(path.join(ROOT, 'dist', 'functions', 'login.mjs')))
    throw new Error('the functions are not built: run `npm run build` first');
  let embedded: EmbeddedDynamo | undefined;
  const started: ChildServer[] = [];
  const stop = async () => {
    await Promise.all(started.map((server) => server.stop()));
    await embedded?.close();
  };
  try {
    let dynamoEndpoint = options.dynamoEndpoint;
    if (!dynamoEndpoint) {
      embedded = await startEmbeddedDynamo(options.copyIntoMemory ? undefined : options.dataDir);
      dynamoEndpoint = embedded.endpoint;
    }
    const client = createDynamoClient({ dynamo: { endpoint: dynamoEndpoint, region: 'us-east-1' } });
    const stage = options.stage ?? 'dev';
    const prefix = stagePrefix(stage);
    await ensureTables(client, prefix);
    if (options.copyIntoMemory && options.dataDir) await copyItems(options.dataDir, client, prefix);
    client.destroy();

    const functionsEnv = { ...options.env, DYNAMODB_ENDPOINT: dynamoEndpoint, JWT_PRIVATE_KEY: options.signingKey };
    const publicKey = publicKeyFor(options.signingKey);
    const offline = await spawnOffline(await freePort(), await freePort(), functionsEnv, { stage, reloadHandler: options.reloadHandler });
    started.push(offline);

    const addGateway = async (port = 0, webPort?: number) => {
      const gateway = await spawnGateway({
        ...options.env,
        PORT: String(port),
        JWT_PUBLIC_KEY: publicKey,
        ...(webPort === undefined ? {} : { WEB_PORT: String(webPort) }),
        FUNCTIONS_ENDPOINT: offline.address,
        FUNCTION_PREFIX: prefix,
        DYNAMODB_ENDPOINT: dynamoEndpoint as string,
        TABLE_PREFIX: prefix,
        REPLICA: `gateway-${started.length}`,
      });
      started.push(gateway);
      return gateway;
    };
    const gateways: ChildServer[] = [];
    for (let i = 0; i < options.replicas; i++)
      gateways.push(await addGateway(options.basePort ? options.basePort + i : 0, i === 0 ? options.webPort : undefined));
    return { dynamoEndpoint, storeThreadId: embedded?.threadId, lambdaEndpoint: offline.address, gateways, offline, addGateway, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Copies every item of the tables under `dir` (a store on disk, opened here for the copy) into `into`'s tables. */
async function copyItems(dir: string, into: DynamoDBClient, prefix: string): Promise<void> {
  const source = await startEmbeddedDynamo(dir);
  const from = createDynamoClient({ dynamo: { endpoint: source.endpoint, region: 'us-east-1' } });
  try {
    for (const name of Object.values(tableNames(prefix))) {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await from.send(new ScanCommand({ TableName: name, ExclusiveStartKey: start })).catch((error: Error) => {
          if (error.name === 'ResourceNotFoundException') return { Items: [], LastEvaluatedKey: undefined }; // a store never seeded
          throw error;
        });
        const puts = (page.Items ?? []).map((Item) => ({ PutRequest: { Item } }));
        await batchWriteAll(into, name, puts);
        start = page.LastEvaluatedKey;
      } while (start);
    }
  } finally {
    from.destroy();
    await source.close();
  }
}
