// The abuse suite of ../abuse.test.ts, run against gateway → serverless-offline → dynalite.
process.env.TEST_STACK = 'functions';
await import('../abuse.test.js');

export {};
