/** Lambda entry of the chat function. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaRuntime } from '../lambda/runtime.js';

export const handler = lambdaEntry('chat', () => lambdaRuntime().operations.chat, {
  SendMessage: 'chatmsg.SendMessageRequest',
  GetHistory: 'chatmsg.GetHistoryRequest',
});
