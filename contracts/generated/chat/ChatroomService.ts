// Original file: contracts/proto/chatroom.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateRoomReply as _chat_CreateRoomReply, CreateRoomReply__Output as _chat_CreateRoomReply__Output } from '../chat/CreateRoomReply';
import type { CreateRoomRequest as _chat_CreateRoomRequest, CreateRoomRequest__Output as _chat_CreateRoomRequest__Output } from '../chat/CreateRoomRequest';
import type { DeleteRoomReply as _chat_DeleteRoomReply, DeleteRoomReply__Output as _chat_DeleteRoomReply__Output } from '../chat/DeleteRoomReply';
import type { DeleteRoomRequest as _chat_DeleteRoomRequest, DeleteRoomRequest__Output as _chat_DeleteRoomRequest__Output } from '../chat/DeleteRoomRequest';
import type { EnterRoomReply as _chat_EnterRoomReply, EnterRoomReply__Output as _chat_EnterRoomReply__Output } from '../chat/EnterRoomReply';
import type { EnterRoomRequest as _chat_EnterRoomRequest, EnterRoomRequest__Output as _chat_EnterRoomRequest__Output } from '../chat/EnterRoomRequest';
import type { GetPeopleReply as _chat_GetPeopleReply, GetPeopleReply__Output as _chat_GetPeopleReply__Output } from '../chat/GetPeopleReply';
import type { GetPeopleRequest as _chat_GetPeopleRequest, GetPeopleRequest__Output as _chat_GetPeopleRequest__Output } from '../chat/GetPeopleRequest';
import type { LeaveRoomReply as _chat_LeaveRoomReply, LeaveRoomReply__Output as _chat_LeaveRoomReply__Output } from '../chat/LeaveRoomReply';
import type { LeaveRoomRequest as _chat_LeaveRoomRequest, LeaveRoomRequest__Output as _chat_LeaveRoomRequest__Output } from '../chat/LeaveRoomRequest';
import type { ListRoomsReply as _chat_ListRoomsReply, ListRoomsReply__Output as _chat_ListRoomsReply__Output } from '../chat/ListRoomsReply';
import type { ListRoomsRequest as _chat_ListRoomsRequest, ListRoomsRequest__Output as _chat_ListRoomsRequest__Output } from '../chat/ListRoomsRequest';

export interface ChatroomServiceClient extends grpc.Client {
  CreateRoom(argument: _chat_CreateRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_CreateRoomReply__Output>): grpc.ClientUnaryCall;
  CreateRoom(argument: _chat_CreateRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_CreateRoomReply__Output>): grpc.ClientUnaryCall;
  CreateRoom(argument: _chat_CreateRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_CreateRoomReply__Output>): grpc.ClientUnaryCall;
  CreateRoom(argument: _chat_CreateRoomRequest, callback: grpc.requestCallback<_chat_CreateRoomReply__Output>): grpc.ClientUnaryCall;
  createRoom(argument: _chat_CreateRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_CreateRoomReply__Output>): grpc.ClientUnaryCall;
  createRoom(argument: _chat_CreateRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_CreateRoomReply__Output>): grpc.ClientUnaryCall;
  createRoom(argument: _chat_CreateRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_CreateRoomReply__Output>): grpc.ClientUnaryCall;
  createRoom(argument: _chat_CreateRoomRequest, callback: grpc.requestCallback<_chat_CreateRoomReply__Output>): grpc.ClientUnaryCall;
  
  DeleteRoom(argument: _chat_DeleteRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_DeleteRoomReply__Output>): grpc.ClientUnaryCall;
  DeleteRoom(argument: _chat_DeleteRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_DeleteRoomReply__Output>): grpc.ClientUnaryCall;
  DeleteRoom(argument: _chat_DeleteRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_DeleteRoomReply__Output>): grpc.ClientUnaryCall;
  DeleteRoom(argument: _chat_DeleteRoomRequest, callback: grpc.requestCallback<_chat_DeleteRoomReply__Output>): grpc.ClientUnaryCall;
  deleteRoom(argument: _chat_DeleteRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_DeleteRoomReply__Output>): grpc.ClientUnaryCall;
  deleteRoom(argument: _chat_DeleteRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_DeleteRoomReply__Output>): grpc.ClientUnaryCall;
  deleteRoom(argument: _chat_DeleteRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_DeleteRoomReply__Output>): grpc.ClientUnaryCall;
  deleteRoom(argument: _chat_DeleteRoomRequest, callback: grpc.requestCallback<_chat_DeleteRoomReply__Output>): grpc.ClientUnaryCall;
  
  EnterRoom(argument: _chat_EnterRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_EnterRoomReply__Output>): grpc.ClientUnaryCall;
  EnterRoom(argument: _chat_EnterRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_EnterRoomReply__Output>): grpc.ClientUnaryCall;
  EnterRoom(argument: _chat_EnterRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_EnterRoomReply__Output>): grpc.ClientUnaryCall;
  EnterRoom(argument: _chat_EnterRoomRequest, callback: grpc.requestCallback<_chat_EnterRoomReply__Output>): grpc.ClientUnaryCall;
  enterRoom(argument: _chat_EnterRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_EnterRoomReply__Output>): grpc.ClientUnaryCall;
  enterRoom(argument: _chat_EnterRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_EnterRoomReply__Output>): grpc.ClientUnaryCall;
  enterRoom(argument: _chat_EnterRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_EnterRoomReply__Output>): grpc.ClientUnaryCall;
  enterRoom(argument: _chat_EnterRoomRequest, callback: grpc.requestCallback<_chat_EnterRoomReply__Output>): grpc.ClientUnaryCall;
  
  GetPeople(argument: _chat_GetPeopleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  GetPeople(argument: _chat_GetPeopleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  GetPeople(argument: _chat_GetPeopleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  GetPeople(argument: _chat_GetPeopleRequest, callback: grpc.requestCallback<_chat_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  getPeople(argument: _chat_GetPeopleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  getPeople(argument: _chat_GetPeopleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  getPeople(argument: _chat_GetPeopleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  getPeople(argument: _chat_GetPeopleRequest, callback: grpc.requestCallback<_chat_GetPeopleReply__Output>): grpc.ClientUnaryCall;
  
  LeaveRoom(argument: _chat_LeaveRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_LeaveRoomReply__Output>): grpc.ClientUnaryCall;
  LeaveRoom(argument: _chat_LeaveRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_LeaveRoomReply__Output>): grpc.ClientUnaryCall;
  LeaveRoom(argument: _chat_LeaveRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_LeaveRoomReply__Output>): grpc.ClientUnaryCall;
  LeaveRoom(argument: _chat_LeaveRoomRequest, callback: grpc.requestCallback<_chat_LeaveRoomReply__Output>): grpc.ClientUnaryCall;
  leaveRoom(argument: _chat_LeaveRoomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_LeaveRoomReply__Output>): grpc.ClientUnaryCall;
  leaveRoom(argument: _chat_LeaveRoomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_LeaveRoomReply__Output>): grpc.ClientUnaryCall;
  leaveRoom(argument: _chat_LeaveRoomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_LeaveRoomReply__Output>): grpc.ClientUnaryCall;
  leaveRoom(argument: _chat_LeaveRoomRequest, callback: grpc.requestCallback<_chat_LeaveRoomReply__Output>): grpc.ClientUnaryCall;
  
  /**
   * Additions.
   */
  ListRooms(argument: _chat_ListRoomsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _chat_ListRoomsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _chat_ListRoomsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _chat_ListRoomsRequest, callback: grpc.requestCallback<_chat_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  /**
   * Additions.
   */
  listRooms(argument: _chat_ListRoomsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _chat_ListRoomsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_chat_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _chat_ListRoomsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_chat_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _chat_ListRoomsRequest, callback: grpc.requestCallback<_chat_ListRoomsReply__Output>): grpc.ClientUnaryCall;
  
}

export interface ChatroomServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateRoom: grpc.handleUnaryCall<_chat_CreateRoomRequest__Output, _chat_CreateRoomReply>;
  
  DeleteRoom: grpc.handleUnaryCall<_chat_DeleteRoomRequest__Output, _chat_DeleteRoomReply>;
  
  EnterRoom: grpc.handleUnaryCall<_chat_EnterRoomRequest__Output, _chat_EnterRoomReply>;
  
  GetPeople: grpc.handleUnaryCall<_chat_GetPeopleRequest__Output, _chat_GetPeopleReply>;
  
  LeaveRoom: grpc.handleUnaryCall<_chat_LeaveRoomRequest__Output, _chat_LeaveRoomReply>;
  
  /**
   * Additions.
   */
  ListRooms: grpc.handleUnaryCall<_chat_ListRoomsRequest__Output, _chat_ListRoomsReply>;
  
}

export interface ChatroomServiceDefinition extends grpc.ServiceDefinition {
  CreateRoom: MethodDefinition<_chat_CreateRoomRequest, _chat_CreateRoomReply, _chat_CreateRoomRequest__Output, _chat_CreateRoomReply__Output>
  DeleteRoom: MethodDefinition<_chat_DeleteRoomRequest, _chat_DeleteRoomReply, _chat_DeleteRoomRequest__Output, _chat_DeleteRoomReply__Output>
  EnterRoom: MethodDefinition<_chat_EnterRoomRequest, _chat_EnterRoomReply, _chat_EnterRoomRequest__Output, _chat_EnterRoomReply__Output>
  GetPeople: MethodDefinition<_chat_GetPeopleRequest, _chat_GetPeopleReply, _chat_GetPeopleRequest__Output, _chat_GetPeopleReply__Output>
  LeaveRoom: MethodDefinition<_chat_LeaveRoomRequest, _chat_LeaveRoomReply, _chat_LeaveRoomRequest__Output, _chat_LeaveRoomReply__Output>
  ListRooms: MethodDefinition<_chat_ListRoomsRequest, _chat_ListRoomsReply, _chat_ListRoomsRequest__Output, _chat_ListRoomsReply__Output>
}
