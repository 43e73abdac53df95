/** Lambda entry of the login function: the only one that holds the signing key. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaInstance, once } from '../lambda/runtime.js';
import { LOGIN } from './operations.js';
import { wireLogin } from './wiring.js';

export const handler = lambdaEntry(
  'login',
  LOGIN,
  once(() => {
    const { config, tables } = lambdaInstance(true);
    // No session cache here: other instances revoke too, and a cache would add its delay to the gateways' (Validate reads afresh).
    return wireLogin(tables, config, config.signingKey as string, 0);
  }),
);
