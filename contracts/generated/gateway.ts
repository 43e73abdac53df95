import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Auth as _gateway_Auth, Auth__Output as _gateway_Auth__Output } from './gateway/Auth';
import type { ChatMessage as _gateway_ChatMessage, ChatMessage__Output as _gateway_ChatMessage__Output } from './gateway/ChatMessage';
import type { CreateRoomRequest as _gateway_CreateRoomRequest, CreateRoomRequest__Output as _gateway_CreateRoomRequest__Output } from './gateway/CreateRoomRequest';
import type { DeleteRoomRequest as _gateway_DeleteRoomRequest, DeleteRoomRequest__Output as _gateway_DeleteRoomRequest__Output } from './gateway/DeleteRoomRequest';
import type { EnterRoomRequest as _gateway_EnterRoomRequest, EnterRoomRequest__Output as _gateway_EnterRoomRequest__Output } from './gateway/EnterRoomRequest';
import type { GatewayServiceClient as _gateway_GatewayServiceClient, GatewayServiceDefinition as _gateway_GatewayServiceDefinition } from './gateway/GatewayService';
import type { GetHistoryReply as _gateway_GetHistoryReply, GetHistoryReply__Output as _gateway_GetHistoryReply__Output } from './gateway/GetHistoryReply';
import type { GetHistoryRequest as _gateway_GetHistoryRequest, GetHistoryRequest__Output as _gateway_GetHistoryRequest__Output } from './gateway/GetHistoryRequest';
import type { GetPeopleReply as _gateway_GetPeopleReply, GetPeopleReply__Output as _gateway_GetPeopleReply__Output } from './gateway/GetPeopleReply';
import type { GetPeopleRequest as _gateway_GetPeopleRequest, GetPeopleRequest__Output as _gateway_GetPeopleRequest__Output } from './gateway/GetPeopleRequest';
import type { LeaveRoomRequest as _gateway_LeaveRoomRequest, LeaveRoomRequest__Output as _gateway_LeaveRoomRequest__Output } from './gateway/LeaveRoomRequest';
import type { ListRoomsReply as _gateway_ListRoomsReply, ListRoomsReply__Output as _gateway_ListRoomsReply__Output } from './gateway/ListRoomsReply';
import type { ListRoomsRequest as _gateway_ListRoomsRequest, ListRoomsRequest__Output as _gateway_ListRoomsRequest__Output } from './gateway/ListRoomsRequest';
import type { RoomInfo as _gateway_RoomInfo, RoomInfo__Output as _gateway_RoomInfo__Output } from './gateway/RoomInfo';
import type { RoomOpReply as _gateway_RoomOpReply, RoomOpReply__Output as _gateway_RoomOpReply__Output } from './gateway/RoomOpReply';
import type { SendMessageReply as _gateway_SendMessageReply, SendMessageReply__Output as _gateway_SendMessageReply__Output } from './gateway/SendMessageReply';
import type { SendMessageRequest as _gateway_SendMessageRequest, SendMessageRequest__Output as _gateway_SendMessageRequest__Output } from './gateway/SendMessageRequest';
import type { SubscribeRequest as _gateway_SubscribeRequest, SubscribeRequest__Output as _gateway_SubscribeRequest__Output } from './gateway/SubscribeRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  gateway: {
    Auth: MessageTypeDefinition<_gateway_Auth, _gateway_Auth__Output>
    ChatMessage: MessageTypeDefinition<_gateway_ChatMessage, _gateway_ChatMessage__Output>
    CreateRoomRequest: MessageTypeDefinition<_gateway_CreateRoomRequest, _gateway_CreateRoomRequest__Output>
    DeleteRoomRequest: MessageTypeDefinition<_gateway_DeleteRoomRequest, _gateway_DeleteRoomRequest__Output>
    EnterRoomRequest: MessageTypeDefinition<_gateway_EnterRoomRequest, _gateway_EnterRoomRequest__Output>
    GatewayService: SubtypeConstructor<typeof grpc.Client, _gateway_GatewayServiceClient> & { service: _gateway_GatewayServiceDefinition }
    GetHistoryReply: MessageTypeDefinition<_gateway_GetHistoryReply, _gateway_GetHistoryReply__Output>
    GetHistoryRequest: MessageTypeDefinition<_gateway_GetHistoryRequest, _gateway_GetHistoryRequest__Output>
    GetPeopleReply: MessageTypeDefinition<_gateway_GetPeopleReply, _gateway_GetPeopleReply__Output>
    GetPeopleRequest: MessageTypeDefinition<_gateway_GetPeopleRequest, _gateway_GetPeopleRequest__Output>
    LeaveRoomRequest: MessageTypeDefinition<_gateway_LeaveRoomRequest, _gateway_LeaveRoomRequest__Output>
    ListRoomsReply: MessageTypeDefinition<_gateway_ListRoomsReply, _gateway_ListRoomsReply__Output>
    ListRoomsRequest: MessageTypeDefinition<_gateway_ListRoomsRequest, _gateway_ListRoomsRequest__Output>
    RoomInfo: MessageTypeDefinition<_gateway_RoomInfo, _gateway_RoomInfo__Output>
    RoomOpReply: MessageTypeDefinition<_gateway_RoomOpReply, _gateway_RoomOpReply__Output>
    SendMessageReply: MessageTypeDefinition<_gateway_SendMessageReply, _gateway_SendMessageReply__Output>
    SendMessageRequest: MessageTypeDefinition<_gateway_SendMessageRequest, _gateway_SendMessageRequest__Output>
    SubscribeRequest: MessageTypeDefinition<_gateway_SubscribeRequest, _gateway_SubscribeRequest__Output>
  }
}

