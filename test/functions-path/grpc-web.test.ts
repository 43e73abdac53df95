// The gRPC-Web suite of ../grpc-web.test.ts (contract walk, same statuses, the page's files),
// run against a gateway with WEB_PORT → serverless-offline → dynalite.
process.env.TEST_STACK = 'functions';
await import('../grpc-web.test.js');

export {};
