// The public-API suite of ../proto-client.test.ts, run against gateway → serverless-offline → dynalite.
process.env.TEST_STACK = 'functions';
await import('../proto-client.test.js');

export {};
