/** Lambda entry of the chat function. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaRuntime } from '../lambda/runtime.js';
import { CHAT } from './operations.js';

export const handler = lambdaEntry('chat', CHAT, () => lambdaRuntime().operations.chat);
