/** Lambda entry of the login function: the only one that holds the signing secret. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaInstance, once } from '../lambda/runtime.js';
import { LOGIN } from './operations.js';
import { wireLogin } from './wiring.js';

export const handler = lambdaEntry(
  'login',
  LOGIN,
  once(() => {
    const { config, tables } = lambdaInstance(true);
    // A checked session is trusted for 5 s here: other instances revoke too.
    return wireLogin(tables, config, config.jwtSecret as string, 5_000);
  }),
);
