/** Lambda entry of the chat function. */
import { directoryOver } from '../chatroom/directory.js';
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaInstance, once } from '../lambda/runtime.js';
import { createConditionalAppender } from './append.js';
import { CHAT } from './operations.js';
import { wireChat } from './wiring.js';

export const handler = lambdaEntry(
  'chat',
  CHAT,
  once(() => {
    const { config, tables } = lambdaInstance(false);
    // Rooms and memberships are trusted for a short while (see directory.ts): reads only on a miss, a batch's together.
    const directory = directoryOver(tables, { cacheMs: config.membershipCacheMs, absentCacheMs: 0 });
    return wireChat(tables, directory, createConditionalAppender(tables('messages'), tables('rooms')));
  }),
);
