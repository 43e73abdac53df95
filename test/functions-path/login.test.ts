// The public-API suite of ../login.test.ts, run against gateway → serverless-offline → dynalite.
process.env.TEST_STACK = 'functions';
await import('../login.test.js');

export {};
