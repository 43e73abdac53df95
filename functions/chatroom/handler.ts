/** Lambda entry of the chatroom function. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaInstance, once } from '../lambda/runtime.js';
import { directoryOver, UNCACHED } from './directory.js';
import { CHATROOM } from './operations.js';
import { wireChatroom } from './wiring.js';

export const handler = lambdaEntry(
  'chatroom',
  CHATROOM,
  once(() => {
    const { config, tables } = lambdaInstance(false);
    return wireChatroom(tables, config, directoryOver(tables, UNCACHED));
  }),
);
