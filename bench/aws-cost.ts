/**
 * What a million messages would cost on AWS at published on-demand prices,
 * from what a run measured per message: Lambda requests and GB-seconds at the
 * functions' configured memory, DynamoDB request units. Compute that is not
 * billed per request (gateways, Envoy, the monolith's container) is left out,
 * and said so. Prices change: they are printed with their region and date.
 */
import { readFileSync } from 'node:fs';

export const AWS_PRICES = {
  region: 'us-east-1',
  /** When these were the published prices (DynamoDB's on-demand cut took effect 2024-11-01); not re-checked here: no network. */
  asOf: '2024-11-01',
  lambdaPerMillionRequests: 0.2,
  /** arm64 (serverless.yml's architecture), first pricing tier. */
  lambdaPerGbSecond: 0.0000133334,
  dynamoPerMillionWriteUnits: 0.625,
  dynamoPerMillionReadUnits: 0.125,
  sources: ['https://aws.amazon.com/lambda/pricing/', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'],
} as const;

/** What one message cost, on average over a run. */
export interface PerMessage {
  invokes: number;
  /** Billed Lambda milliseconds (each invoke rounded up to 1 ms). */
  lambdaMs: number;
  readUnits: number;
  writeUnits: number;
}

export interface MillionMessagesUsd {
  lambdaRequests: number;
  lambdaDuration: number;
  dynamoReads: number;
  dynamoWrites: number;
  total: number;
  memoryMb: number;
  prices: typeof AWS_PRICES;
}

/** The functions' memory as serverless.yml configures it (what Lambda bills GB-seconds at). */
export function configuredMemoryMb(): number {
  const yml = readFileSync(new URL('../serverless.yml', import.meta.url), 'utf8');
  return Number(/^\s*memorySize:\s*(\d+)/m.exec(yml)?.[1] ?? 1024);
}

const cents = (usd: number) => Math.round(usd * 100) / 100;

export function costOfMillion(perMessage: PerMessage, memoryMb = configuredMemoryMb()): MillionMessagesUsd {
  const p = AWS_PRICES;
  const million = 1e6;
  const lambdaRequests = perMessage.invokes * p.lambdaPerMillionRequests;
  const lambdaDuration = ((perMessage.lambdaMs * million) / 1000) * (memoryMb / 1024) * p.lambdaPerGbSecond;
  const dynamoReads = perMessage.readUnits * p.dynamoPerMillionReadUnits;
  const dynamoWrites = perMessage.writeUnits * p.dynamoPerMillionWriteUnits;
  return {
    lambdaRequests: cents(lambdaRequests),
    lambdaDuration: cents(lambdaDuration),
    dynamoReads: cents(dynamoReads),
    dynamoWrites: cents(dynamoWrites),
    total: cents(lambdaRequests + lambdaDuration + dynamoReads + dynamoWrites),
    memoryMb,
    prices: p,
  };
}
