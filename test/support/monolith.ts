/**
 * Starts a real monolith on 127.0.0.1:0 for a test file, against an in-memory
 * dynalite, or against DYNAMODB_ENDPOINT when set (how the suite runs on
 * DynamoDB Local). Each start gets its own table prefix, so files can share
 * one DynamoDB server.
 */
import { randomBytes } from 'node:crypto';
import './env.js';
import { readMonolithConfig } from '../../monolith/config.js';
import { type RunningMonolith, startMonolith } from '../../monolith/server.js';

export async function startTestMonolith(env: Record<string, string> = {}): Promise<RunningMonolith> {
  const config = readMonolithConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    TABLE_PREFIX: `t${randomBytes(4).toString('hex')}-`,
    DYNAMODB_EMBEDDED: 'memory',
    ...env,
  });
  return startMonolith(config);
}
