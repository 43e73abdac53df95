// Original file: contracts/proto/chat.proto

import type { ChatMessage as _chatmsg_ChatMessage, ChatMessage__Output as _chatmsg_ChatMessage__Output } from '../chatmsg/ChatMessage';

export interface GetHistoryReply {
  'messages'?: (_chatmsg_ChatMessage)[];
}

export interface GetHistoryReply__Output {
  'messages': (_chatmsg_ChatMessage__Output)[];
}
