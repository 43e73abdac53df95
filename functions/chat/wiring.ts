/** The chat function over its tables: what its Lambda handler and the monolith both build. */
import type { RoomDirectory } from '../chatroom/directory.js';
import type { Tables } from '../storage/tables.js';
import type { Appender } from './append.js';
import { createChatLogic } from './logic.js';
import { type ChatOperations, chatOperations } from './operations.js';

/** @param append how messages get their server_seq (the conditional appender, or the monolith's writer) */
export function wireChat(tables: Tables, directory: RoomDirectory, append: Appender): ChatOperations {
  return chatOperations(createChatLogic({ messages: tables('messages'), directory, append }));
}
