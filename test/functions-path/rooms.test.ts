// The public-API suite of ../rooms.test.ts, run against gateway → serverless-offline → dynalite.
process.env.TEST_STACK = 'functions';
await import('../rooms.test.js');

export {};
