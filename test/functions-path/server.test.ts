// The public-API suite of ../server.test.ts, run against gateway → serverless-offline → dynalite.
process.env.TEST_STACK = 'functions';
await import('../server.test.js');

export {};
