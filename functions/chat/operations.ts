/** The chat function's unary operations, by RPC name (chatmsg.ChatService; Subscribe is a stream, served by each transport). */
import type { chatmsg } from '../../contracts/types.js';
import { asUser, type OperationsOf, operation } from '../operation.js';
import type { ChatLogic, SendMessageResult } from './logic.js';

export const CHAT = {
  SendMessage: operation<chatmsg.SendMessageRequest, SendMessageResult>('chatmsg.SendMessageRequest'),
  GetHistory: operation<chatmsg.GetHistoryRequest, chatmsg.GetHistoryReply>('chatmsg.GetHistoryRequest'),
};

export type ChatOperations = OperationsOf<typeof CHAT>;

export function chatOperations(logic: ChatLogic): ChatOperations {
  return {
    SendMessage: asUser(logic.sendMessage),
    GetHistory: asUser(logic.getHistory),
  };
}
