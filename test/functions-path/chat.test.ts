// The public-API suite of ../chat.test.ts, run against gateway → serverless-offline → dynalite.
process.env.TEST_STACK = 'functions';
await import('../chat.test.js');

export {};
