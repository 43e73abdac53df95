/**
 * What a Lambda instance builds on its first invoke and keeps for its life
 * (warm invokes reuse the client): its configuration and its tables. Each
 * function's handler wires only itself on top (its own bundle, its own
 * environment): only the login function reads, and is given, the signing
 * key. Other instances write too, so rooms and memberships are read afresh
 * on every call (a member who left cannot post, as in the monolith).
 */
import { type FunctionsConfig, readFunctionsConfig } from '../config.js';
import { createDynamoClient } from '../storage/dynamo.js';
import { readItemsTogether } from '../storage/gets-together.js';
import { type Tables, tablesOf } from '../storage/tables.js';

export interface LambdaInstance {
  config: FunctionsConfig;
  tables: Tables;
}

/** Builds on first call, then returns the same thing: a Lambda instance's module state. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

/** @param signs true for the one function that signs credentials (it alone needs JWT_PRIVATE_KEY) */
export function lambdaInstance(signs: boolean): LambdaInstance {
  const config = readFunctionsConfig(process.env, { signs });
  const client = createDynamoClient(config);
  // A batch's calls run at once: their reads of single items go as one request (a batch's rooms, its users).
  readItemsTogether(client);
  return { config, tables: tablesOf(client, config.tablePrefix) };
}
