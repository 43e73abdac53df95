/** Lambda entry of the login function. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaRuntime } from '../lambda/runtime.js';
import { LOGIN } from './operations.js';

export const handler = lambdaEntry('login', LOGIN, () => lambdaRuntime().operations.login);
