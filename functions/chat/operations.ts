/** The chat function's unary operations, by RPC name (chatmsg.ChatService; Subscribe is a stream, served by each transport). */
import type { chatmsg } from '../../contracts/types.js';
import { type Operation, requireCaller } from '../shared/operations.js';
import type { ChatLogic } from './logic.js';

export function chatOperations(logic: ChatLogic) {
  return {
    SendMessage: ((caller, req) => logic.sendMessage(requireCaller(caller).username, req)) as Operation<
      chatmsg.SendMessageRequest,
      chatmsg.SendMessageReply
    >,
    GetHistory: ((caller, req) => logic.getHistory(requireCaller(caller).username, req)) as Operation<
      chatmsg.GetHistoryRequest,
      chatmsg.GetHistoryReply
    >,
  };
}

export type ChatOperations = ReturnType<typeof chatOperations>;
