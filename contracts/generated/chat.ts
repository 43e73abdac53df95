import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChatMessage as _chatmsg_ChatMessage, ChatMessage__Output as _chatmsg_ChatMessage__Output } from './chatmsg/ChatMessage';
import type { ChatServiceClient as _chatmsg_ChatServiceClient, ChatServiceDefinition as _chatmsg_ChatServiceDefinition } from './chatmsg/ChatService';
import type { GetHistoryReply as _chatmsg_GetHistoryReply, GetHistoryReply__Output as _chatmsg_GetHistoryReply__Output } from './chatmsg/GetHistoryReply';
import type { GetHistoryRequest as _chatmsg_GetHistoryRequest, GetHistoryRequest__Output as _chatmsg_GetHistoryRequest__Output } from './chatmsg/GetHistoryRequest';
import type { SendMessageReply as _chatmsg_SendMessageReply, SendMessageReply__Output as _chatmsg_SendMessageReply__Output } from './chatmsg/SendMessageReply';
import type { SendMessageRequest as _chatmsg_SendMessageRequest, SendMessageRequest__Output as _chatmsg_SendMessageRequest__Output } from './chatmsg/SendMessageRequest';
import type { SubscribeRequest as _chatmsg_SubscribeRequest, SubscribeRequest__Output as _chatmsg_SubscribeRequest__Output } from './chatmsg/SubscribeRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  chatmsg: {
    ChatMessage: MessageTypeDefinition<_chatmsg_ChatMessage, _chatmsg_ChatMessage__Output>
    ChatService: SubtypeConstructor<typeof grpc.Client, _chatmsg_ChatServiceClient> & { service: _chatmsg_ChatServiceDefinition }
    GetHistoryReply: MessageTypeDefinition<_chatmsg_GetHistoryReply, _chatmsg_GetHistoryReply__Output>
    GetHistoryRequest: MessageTypeDefinition<_chatmsg_GetHistoryRequest, _chatmsg_GetHistoryRequest__Output>
    SendMessageReply: MessageTypeDefinition<_chatmsg_SendMessageReply, _chatmsg_SendMessageReply__Output>
    SendMessageRequest: MessageTypeDefinition<_chatmsg_SendMessageRequest, _chatmsg_SendMessageRequest__Output>
    SubscribeRequest: MessageTypeDefinition<_chatmsg_SubscribeRequest, _chatmsg_SubscribeRequest__Output>
  }
}

