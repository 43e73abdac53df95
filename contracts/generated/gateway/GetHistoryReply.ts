// Original file: contracts/proto/gateway.proto

import type { ChatMessage as _gateway_ChatMessage, ChatMessage__Output as _gateway_ChatMessage__Output } from '../gateway/ChatMessage';

export interface GetHistoryReply {
  'messages'?: (_gateway_ChatMessage)[];
}

export interface GetHistoryReply__Output {
  'messages': (_gateway_ChatMessage__Output)[];
}
