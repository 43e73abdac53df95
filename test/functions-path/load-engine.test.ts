// The Artillery smoke runs of ../load-engine.test.ts, against gateway → serverless-offline → dynalite.
process.env.TEST_STACK = 'functions';
await import('../load-engine.test.js');

export {};
