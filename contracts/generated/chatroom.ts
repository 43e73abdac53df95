import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChatroomServiceClient as _chat_ChatroomServiceClient, ChatroomServiceDefinition as _chat_ChatroomServiceDefinition } from './chat/ChatroomService';
import type { CreateRoomReply as _chat_CreateRoomReply, CreateRoomReply__Output as _chat_CreateRoomReply__Output } from './chat/CreateRoomReply';
import type { CreateRoomRequest as _chat_CreateRoomRequest, CreateRoomRequest__Output as _chat_CreateRoomRequest__Output } from './chat/CreateRoomRequest';
import type { DeleteRoomReply as _chat_DeleteRoomReply, DeleteRoomReply__Output as _chat_DeleteRoomReply__Output } from './chat/DeleteRoomReply';
import type { DeleteRoomRequest as _chat_DeleteRoomRequest, DeleteRoomRequest__Output as _chat_DeleteRoomRequest__Output } from './chat/DeleteRoomRequest';
import type { EnterRoomReply as _chat_EnterRoomReply, EnterRoomReply__Output as _chat_EnterRoomReply__Output } from './chat/EnterRoomReply';
import type { EnterRoomRequest as _chat_EnterRoomRequest, EnterRoomRequest__Output as _chat_EnterRoomRequest__Output } from './chat/EnterRoomRequest';
import type { GetPeopleReply as _chat_GetPeopleReply, GetPeopleReply__Output as _chat_GetPeopleReply__Output } from './chat/GetPeopleReply';
import type { GetPeopleRequest as _chat_GetPeopleRequest, GetPeopleRequest__Output as _chat_GetPeopleRequest__Output } from './chat/GetPeopleRequest';
import type { LeaveRoomReply as _chat_LeaveRoomReply, LeaveRoomReply__Output as _chat_LeaveRoomReply__Output } from './chat/LeaveRoomReply';
import type { LeaveRoomRequest as _chat_LeaveRoomRequest, LeaveRoomRequest__Output as _chat_LeaveRoomRequest__Output } from './chat/LeaveRoomRequest';
import type { ListRoomsReply as _chat_ListRoomsReply, ListRoomsReply__Output as _chat_ListRoomsReply__Output } from './chat/ListRoomsReply';
import type { ListRoomsRequest as _chat_ListRoomsRequest, ListRoomsRequest__Output as _chat_ListRoomsRequest__Output } from './chat/ListRoomsRequest';
import type { RoomInfo as _chat_RoomInfo, RoomInfo__Output as _chat_RoomInfo__Output } from './chat/RoomInfo';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  chat: {
    ChatroomService: SubtypeConstructor<typeof grpc.Client, _chat_ChatroomServiceClient> & { service: _chat_ChatroomServiceDefinition }
    CreateRoomReply: MessageTypeDefinition<_chat_CreateRoomReply, _chat_CreateRoomReply__Output>
    CreateRoomRequest: MessageTypeDefinition<_chat_CreateRoomRequest, _chat_CreateRoomRequest__Output>
    DeleteRoomReply: MessageTypeDefinition<_chat_DeleteRoomReply, _chat_DeleteRoomReply__Output>
    DeleteRoomRequest: MessageTypeDefinition<_chat_DeleteRoomRequest, _chat_DeleteRoomRequest__Output>
    EnterRoomReply: MessageTypeDefinition<_chat_EnterRoomReply, _chat_EnterRoomReply__Output>
    EnterRoomRequest: MessageTypeDefinition<_chat_EnterRoomRequest, _chat_EnterRoomRequest__Output>
    GetPeopleReply: MessageTypeDefinition<_chat_GetPeopleReply, _chat_GetPeopleReply__Output>
    GetPeopleRequest: MessageTypeDefinition<_chat_GetPeopleRequest, _chat_GetPeopleRequest__Output>
    LeaveRoomReply: MessageTypeDefinition<_chat_LeaveRoomReply, _chat_LeaveRoomReply__Output>
    LeaveRoomRequest: MessageTypeDefinition<_chat_LeaveRoomRequest, _chat_LeaveRoomRequest__Output>
    ListRoomsReply: MessageTypeDefinition<_chat_ListRoomsReply, _chat_ListRoomsReply__Output>
    ListRoomsRequest: MessageTypeDefinition<_chat_ListRoomsRequest, _chat_ListRoomsRequest__Output>
    RoomInfo: MessageTypeDefinition<_chat_RoomInfo, _chat_RoomInfo__Output>
  }
}

