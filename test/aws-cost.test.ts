/** The AWS estimate's arithmetic, against figures worked out by hand from the published prices. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AWS_PRICES, configuredMemoryMb, costOfMillion } from '../bench/aws-cost.js';

test('a million messages: Lambda requests and GB-seconds at the given memory, DynamoDB request units', () => {
  // 1 invoke of 10 billed ms at 1,024 MB: $0.20 + 10,000 GB-s × $0.0000133334 = $0.13; 2 RRU: $0.25; 2 WRU: $1.25.
  const usd = costOfMillion({ invokes: 1, lambdaMs: 10, readUnits: 2, writeUnits: 2 }, 1024);
  assert.deepEqual(
    { ...usd, prices: undefined },
    { lambdaRequests: 0.2, lambdaDuration: 0.13, dynamoReads: 0.25, dynamoWrites: 1.25, total: 1.83, memoryMb: 1024, prices: undefined },
  );
  assert.equal(costOfMillion({ invokes: 1, lambdaMs: 10, readUnits: 0, writeUnits: 0 }, 2048).lambdaDuration, 0.27);
  // Rounded to the cent: $0.625 shows as $0.63.
  assert.equal(costOfMillion({ invokes: 0, lambdaMs: 0, readUnits: 0, writeUnits: 1 }).total, 0.63);
  assert.equal(AWS_PRICES.dynamoPerMillionWriteUnits, 0.625);
});

test("the memory is serverless.yml's", () => {
  assert.equal(configuredMemoryMb(), 1024);
});
