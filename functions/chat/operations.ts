/** The chat function's unary operations, by RPC name (chatmsg.ChatService; Subscribe is a stream, served by each transport). */
import { asUser } from '../operation.js';
import type { ChatLogic } from './logic.js';

export function chatOperations(logic: ChatLogic) {
  return {
    SendMessage: asUser(logic.sendMessage),
    GetHistory: asUser(logic.getHistory),
  };
}

export type ChatOperations = ReturnType<typeof chatOperations>;
