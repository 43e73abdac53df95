/** Lambda entry of the chatroom function. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaRuntime } from '../lambda/runtime.js';
import { CHATROOM } from './operations.js';

export const handler = lambdaEntry('chatroom', CHATROOM, () => lambdaRuntime().operations.chatroom);
