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
    const { tables } = lambdaInstance(false);
    return wireChat(tables, directoryOver(tables, 0), createConditionalAppender(tables('messages'), tables('rooms')));
  }),
);
