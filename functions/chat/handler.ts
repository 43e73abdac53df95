/** Lambda entry of the chat function. */
import { lambdaEntry } from '../shared/lambda.js';
import { lambdaRuntime } from '../shared/lambda-runtime.js';

export const handler = lambdaEntry('chat', () => lambdaRuntime().operations.chat, {
  SendMessage: 'chatmsg.SendMessageRequest',
  GetHistory: 'chatmsg.GetHistoryRequest',
});
