// Original file: contracts/proto/gateway.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ChatMessage as _gateway_ChatMessage, ChatMessage__Output as _gateway_ChatMessage__Output } from '../gateway/ChatMessage';
import type { CreateRoomRequest as _gateway_CreateRoomRequest, CreateRoomRequest__Output as _gateway_CreateRoomRequest__Output } from '../gateway/CreateRoomRequest';
import type { DeleteRoomRequest as _gateway_DeleteRoomRequest, DeleteRoomRequest__Output as _gateway_DeleteRoomRequest__Output } from '../gateway/DeleteRoomRequest';
import type { EnterRoomRequest as _gateway_EnterRoomRequest, EnterRoomRequest__Output as _gateway_EnterRoomRequest__Output } from '../gateway/EnterRoomRequest';
import type { GetHistoryReply as _gateway_GetHistoryReply, GetHistoryReply__Output as _gateway_GetHistoryReply__Output } from '../gateway/GetHistoryReply';
import type { GetHistoryRequest as _gateway_GetHistoryRequest, GetHistoryRequest__Output as _gateway_GetHistoryRequest__Output } from '../gateway/GetHistoryRequest';
import type { GetPeopleReply as _gateway_GetPeopleReply, GetPeopleReply__Output as _gateway_GetPeopleReply__Output } from '../gateway/GetPeopleReply';
import type { GetPeopleRequest as _gateway_GetPeopleRequest, GetPeopleRequest__Output as _gateway_GetPeopleRequest__Output } from '../gateway/GetPeopleRequest';
import type { LeaveRoomRequest as _gateway_LeaveRoomRequest, LeaveRoomRequest__Output as _gateway_LeaveRoomRequest__Output } from '../gateway/LeaveRoomRequest';
import type { ListRoomsReply as _gateway_ListRoomsReply, ListRoomsReply__Output as _gateway_ListRoomsReply__Output } from '../gateway/ListRoomsReply';
import type { ListRoomsRequest as _gateway_ListRoomsRequest, ListRoomsRequest__Output as _gateway_ListRoomsRequest__Output } from '../gateway/ListRoomsRequest';
import type { RoomOpReply as _gateway_RoomOpReply, RoomOpReply__Output as _gateway_RoomOpReply__Output } from '../gateway/RoomOpReply';
import type { SendMessageReply as _gateway_SendMessageReply, SendMessageReply__Output as _gateway_SendMessageReply__Output } from '../gateway/SendMessageReply';
import type { SendMessageRequest as _gateway_SendMessageRequest, SendMessageRequest__Output as _gateway_SendMessageRequest__Output } from '../gateway/SendMessageRequest';
import type { SubscribeRequest as _gateway_SubscribeRequest, SubscribeRequest__Output as _gateway_SubscribeRequest__Output } from '../gateway/SubscribeRequest';

export interface GatewayServiceClient extends grpc.Client {
  CreateRoom(argument: _gateway_CreateRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  CreateRoom(argument: _gateway_CreateRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  CreateRoom(argument: _gateway_CreateRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  CreateRoom(argument: _gateway_CreateRoomRequest, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  createRoom(argument: _gateway_CreateRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  createRoom(argument: _gateway_CreateRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  createRoom(argument: _gateway_CreateRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  createRoom(argument: _gateway_CreateRoomRequest, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  
  DeleteRoom(argument: _gateway_DeleteRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  DeleteRoom(argument: _gateway_DeleteRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  DeleteRoom(argument: _gateway_DeleteRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  DeleteRoom(argument: _gateway_DeleteRoomRequest, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  deleteRoom(argument: _gateway_DeleteRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  deleteRoom(argument: _gateway_DeleteRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  deleteRoom(argument: _gateway_DeleteRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  deleteRoom(argument: _gateway_DeleteRoomRequest, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  
  EnterRoom(argument: _gateway_EnterRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  EnterRoom(argument: _gateway_EnterRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  EnterRoom(argument: _gateway_EnterRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  EnterRoom(argument: _gateway_EnterRoomRequest, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  enterRoom(argument: _gateway_EnterRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  enterRoom(argument: _gateway_EnterRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  enterRoom(argument: _gateway_EnterRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  enterRoom(argument: _gateway_EnterRoomRequest, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  
  GetHistory(argument: _gateway_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _gateway_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _gateway_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _gateway_GetHistoryRequest, callback: grpc.requestCallback<_gateway_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _gateway_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _gateway_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _gateway_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _gateway_GetHistoryRequest, callback: grpc.requestCallback<_gateway_GetHistoryReply__Output>): grpc.ClientUnaryCall;
  
  GetPeople(argument: _gateway_GetPeopleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  GetPeople(argument: _gateway_GetPeopleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  GetPeople(argument: _gateway_GetPeopleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  GetPeople(argument: _gateway_GetPeopleRequest, callback: grpc.requestCallback<_gateway_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  getPeople(argument: _gateway_GetPeopleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  getPeople(argument: _gateway_GetPeopleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  getPeople(argument: _gateway_GetPeopleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  getPeople(argument: _gateway_GetPeopleRequest, callback: grpc.requestCallback<_gateway_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  
  LeaveRoom(argument: _gateway_LeaveRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  LeaveRoom(argument: _gateway_LeaveRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  LeaveRoom(argument: _gateway_LeaveRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  LeaveRoom(argument: _gateway_LeaveRoomRequest, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  leaveRoom(argument: _gateway_LeaveRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  leaveRoom(argument: _gateway_LeaveRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  leaveRoom(argument: _gateway_LeaveRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  leaveRoom(argument: _gateway_LeaveRoomRequest, callback: grpc.requestCallback<_gateway_RoomOpReply__Output>): grpc.ClientUnaryCall;
  
  /**
   * Additions.
   */
  ListRooms(argument: _gateway_ListRoomsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _gateway_ListRoomsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _gateway_ListRoomsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _gateway_ListRoomsRequest, callback: grpc.requestCallback<_gateway_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  /**
   * Additions.
   */
  listRooms(argument: _gateway_ListRoomsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _gateway_ListRoomsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _gateway_ListRoomsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _gateway_ListRoomsRequest, callback: grpc.requestCallback<_gateway_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  
  SendMessage(argument: _gateway_SendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_SendMessageReply__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _gateway_SendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_SendMessageReply__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _gateway_SendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_SendMessageReply__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _gateway_SendMessageRequest, callback: grpc.requestCallback<_gateway_SendMessageReply__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _gateway_SendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_SendMessageReply__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _gateway_SendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gateway_SendMessageReply__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _gateway_SendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gateway_SendMessageReply__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _gateway_SendMessageRequest, callback: grpc.requestCallback<_gateway_SendMessageReply__Output>): grpc.ClientUnaryCall;
  
  Subscribe(argument: _gateway_SubscribeRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_gateway_ChatMessage__Output>;
  Subscribe(argument: _gateway_SubscribeRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_gateway_ChatMessage__Output>;
  subscribe(argument: _gateway_SubscribeRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_gateway_ChatMessage__Output>;
  subscribe(argument: _gateway_SubscribeRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_gateway_ChatMessage__Output>;
  
}

export interface GatewayServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateRoom: grpc.handleUnaryCall<_gateway_CreateRoomRequest__Output, _gateway_RoomOpReply>;
  
  DeleteRoom: grpc.handleUnaryCall<_gateway_DeleteRoomRequest__Output, _gateway_RoomOpReply>;
  
  EnterRoom: grpc.handleUnaryCall<_gateway_EnterRoomRequest__Output, _gateway_RoomOpReply>;
  
  GetHistory: grpc.handleUnaryCall<_gateway_GetHistoryRequest__Output, _gateway_GetHistoryReply>;
  
  GetPeople: grpc.handleUnaryCall<_gateway_GetPeopleRequest__Output, _gateway_GetPeopleReply>;
  
  LeaveRoom: grpc.handleUnaryCall<_gateway_LeaveRoomRequest__Output, _gateway_RoomOpReply>;
  
  /**
   * Additions.
   */
  ListRooms: grpc.handleUnaryCall<_gateway_ListRoomsRequest__Output, _gateway_ListRoomsReply>;
  
  SendMessage: grpc.handleUnaryCall<_gateway_SendMessageRequest__Output, _gateway_SendMessageReply>;
  
  Subscribe: grpc.handleServerStreamingCall<_gateway_SubscribeRequest__Output, _gateway_ChatMessage>;
  
}

export interface GatewayServiceDefinition extends grpc.ServiceDefinition {
  CreateRoom: MethodDefinition<_gateway_CreateRoomRequest, _gateway_RoomOpReply, _gateway_CreateRoomRequest__Output, _gateway_RoomOpReply__Output>
  DeleteRoom: MethodDefinition<_gateway_DeleteRoomRequest, _gateway_RoomOpReply, _gateway_DeleteRoomRequest__Output, _gateway_RoomOpReply__Output>
  EnterRoom: MethodDefinition<_gateway_EnterRoomRequest, _gateway_RoomOpReply, _gateway_EnterRoomRequest__Output, _gateway_RoomOpReply__Output>
  GetHistory: MethodDefinition<_gateway_GetHistoryRequest, _gateway_GetHistoryReply, _gateway_GetHistoryRequest__Output, _gateway_GetHistoryReply__Output>
  GetPeople: MethodDefinition<_gateway_GetPeopleRequest, _gateway_GetPeopleReply, _gateway_GetPeopleRequest__Output, _gateway_GetPeopleReply__Output>
  LeaveRoom: MethodDefinition<_gateway_LeaveRoomRequest, _gateway_RoomOpReply, _gateway_LeaveRoomRequest__Output, _gateway_RoomOpReply__Output>
  ListRooms: MethodDefinition<_gateway_ListRoomsRequest, _gateway_ListRoomsReply, _gateway_ListRoomsRequest__Output, _gateway_ListRoomsReply__Output>
  SendMessage: MethodDefinition<_gateway_SendMessageRequest, _gateway_SendMessageReply, _gateway_SendMessageRequest__Output, _gateway_SendMessageReply__Output>
  Subscribe: MethodDefinition<_gateway_SubscribeRequest, _gateway_ChatMessage, _gateway_SubscribeRequest__Output, _gateway_ChatMessage__Output>
}
