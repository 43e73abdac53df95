// Original file: contracts/proto/chat.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ChatMessage as _chatmsg_ChatMessage, ChatMessage__Output as _chatmsg_ChatMessage__Output } from '../chatmsg/ChatMessage';
import type { GetHistoryReply as _chatmsg_GetHistoryReply, GetHistoryReply__Output as _chatmsg_GetHistoryReply__Output } from '../chatmsg/GetHistoryReply';
import type { GetHistoryRequest as _chatmsg_GetHistoryRequest, GetHistoryRequest__Output as _chatmsg_GetHistoryRequest__Output } from '../chatmsg/GetHistoryRequest';
import type { SendMessageReply as _chatmsg_SendMessageReply, SendMessageReply__Output as _chatmsg_SendMessageReply__Output } from '../chatmsg/SendMessageReply';
import type { SendMessageRequest as _chatmsg_SendMessageRequest, SendMessageRequest__Output as _chatmsg_SendMessageRequest__Output } from '../chatmsg/SendMessageRequest';
import type { SubscribeRequest as _chatmsg_SubscribeRequest, SubscribeRequest__Output as _chatmsg_SubscribeRequest__Output } from '../chatmsg/SubscribeRequest';

export interface ChatServiceClient extends grpc.Client {
  GetHistory(argument: _chatmsg_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chatmsg_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _chatmsg_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chatmsg_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _chatmsg_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chatmsg_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _chatmsg_GetHistoryRequest, callback: grpc.requestCallback<_chatmsg_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _chatmsg_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chatmsg_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _chatmsg_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chatmsg_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _chatmsg_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chatmsg_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _chatmsg_GetHistoryRequest, callback: grpc.requestCallback<_chatmsg_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  
  SendMessage(argument: _chatmsg_SendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chatmsg_SendMessageReply__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _chatmsg_SendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chatmsg_SendMessageReply__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _chatmsg_SendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chatmsg_SendMessageReply__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _chatmsg_SendMessageRequest, callback: grpc.requestCallback<_chatmsg_SendMessageReply__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _chatmsg_SendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chatmsg_SendMessageReply__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _chatmsg_SendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chatmsg_SendMessageReply__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _chatmsg_SendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chatmsg_SendMessageReply__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _chatmsg_SendMessageRequest, callback: grpc.requestCallback<_chatmsg_SendMessageReply__Output>): grpc.ClientUnaryCall;
  
  Subscribe(argument: _chatmsg_SubscribeRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_chatmsg_ChatMessage__Output>;
  Subscribe(argument: _chatmsg_SubscribeRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_chatmsg_ChatMessage__Output>;
  subscribe(argument: _chatmsg_SubscribeRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_chatmsg_ChatMessage__Output>;
  subscribe(argument: _chatmsg_SubscribeRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_chatmsg_ChatMessage__Output>;
  
}

export interface ChatServiceHandlers extends grpc.UntypedServiceImplementation {
  GetHistory: grpc.handleUnaryCall<_chatmsg_GetHistoryRequest__Output, _chatmsg_GetHistoryReply>;
  
  SendMessage: grpc.handleUnaryCall<_chatmsg_SendMessageRequest__Output, _chatmsg_SendMessageReply>;
  
  Subscribe: grpc.handleServerStreamingCall<_chatmsg_SubscribeRequest__Output, _chatmsg_ChatMessage>;
  
}

export interface ChatServiceDefinition extends grpc.ServiceDefinition {
  GetHistory: MethodDefinition<_chatmsg_GetHistoryRequest, _chatmsg_GetHistoryReply, _chatmsg_GetHistoryRequest__Output, _chatmsg_GetHistoryReply__Output>
  SendMessage: MethodDefinition<_chatmsg_SendMessageRequest, _chatmsg_SendMessageReply, _chatmsg_SendMessageRequest__Output, _chatmsg_SendMessageReply__Output>
  Subscribe: MethodDefinition<_chatmsg_SubscribeRequest, _chatmsg_ChatMessage, _chatmsg_SubscribeRequest__Output, _chatmsg_ChatMessage__Output>
}
