/**
 * Short names for the generated contract types (made by `npm run contracts`; do not edit).
 * Each alias is the decoded ("__Output") shape: every field present, int64 as number.
 * Logic takes and returns these, so a contract change that breaks a handler fails `npm run typecheck`.
 */
import type { AddUserReply__Output as auth_AddUserReply } from './generated/auth/AddUserReply.js';
import type { AddUserRequest__Output as auth_AddUserRequest } from './generated/auth/AddUserRequest.js';
import type { LoginReply__Output as auth_LoginReply } from './generated/auth/LoginReply.js';
import type { LoginRequest__Output as auth_LoginRequest } from './generated/auth/LoginRequest.js';
import type { LogoutReply__Output as auth_LogoutReply } from './generated/auth/LogoutReply.js';
import type { LogoutRequest__Output as auth_LogoutRequest } from './generated/auth/LogoutRequest.js';
import type { RemoveUserReply__Output as auth_RemoveUserReply } from './generated/auth/RemoveUserReply.js';
import type { RemoveUserRequest__Output as auth_RemoveUserRequest } from './generated/auth/RemoveUserRequest.js';
import type { SessionInfo__Output as auth_SessionInfo } from './generated/auth/SessionInfo.js';
import type { ValidateReply__Output as auth_ValidateReply } from './generated/auth/ValidateReply.js';
import type { ValidateRequest__Output as auth_ValidateRequest } from './generated/auth/ValidateRequest.js';
import type { WhoIsLoggedInReply__Output as auth_WhoIsLoggedInReply } from './generated/auth/WhoIsLoggedInReply.js';
import type { WhoIsLoggedInRequest__Output as auth_WhoIsLoggedInRequest } from './generated/auth/WhoIsLoggedInRequest.js';
import type { CreateRoomReply__Output as chat_CreateRoomReply } from './generated/chat/CreateRoomReply.js';
import type { CreateRoomRequest__Output as chat_CreateRoomRequest } from './generated/chat/CreateRoomRequest.js';
import type { DeleteRoomReply__Output as chat_DeleteRoomReply } from './generated/chat/DeleteRoomReply.js';
import type { DeleteRoomRequest__Output as chat_DeleteRoomRequest } from './generated/chat/DeleteRoomRequest.js';
import type { EnterRoomReply__Output as chat_EnterRoomReply } from './generated/chat/EnterRoomReply.js';
import type { EnterRoomRequest__Output as chat_EnterRoomRequest } from './generated/chat/EnterRoomRequest.js';
import type { GetPeopleReply__Output as chat_GetPeopleReply } from './generated/chat/GetPeopleReply.js';
import type { GetPeopleRequest__Output as chat_GetPeopleRequest } from './generated/chat/GetPeopleRequest.js';
import type { LeaveRoomReply__Output as chat_LeaveRoomReply } from './generated/chat/LeaveRoomReply.js';
import type { LeaveRoomRequest__Output as chat_LeaveRoomRequest } from './generated/chat/LeaveRoomRequest.js';
import type { ListRoomsReply__Output as chat_ListRoomsReply } from './generated/chat/ListRoomsReply.js';
import type { ListRoomsRequest__Output as chat_ListRoomsRequest } from './generated/chat/ListRoomsRequest.js';
import type { RoomInfo__Output as chat_RoomInfo } from './generated/chat/RoomInfo.js';
import type { ChatMessage__Output as chatmsg_ChatMessage } from './generated/chatmsg/ChatMessage.js';
import type { GetHistoryReply__Output as chatmsg_GetHistoryReply } from './generated/chatmsg/GetHistoryReply.js';
import type { GetHistoryRequest__Output as chatmsg_GetHistoryRequest } from './generated/chatmsg/GetHistoryRequest.js';
import type { SendMessageReply__Output as chatmsg_SendMessageReply } from './generated/chatmsg/SendMessageReply.js';
import type { SendMessageRequest__Output as chatmsg_SendMessageRequest } from './generated/chatmsg/SendMessageRequest.js';
import type { SubscribeRequest__Output as chatmsg_SubscribeRequest } from './generated/chatmsg/SubscribeRequest.js';
import type { Auth__Output as gateway_Auth } from './generated/gateway/Auth.js';
import type { ChatMessage__Output as gateway_ChatMessage } from './generated/gateway/ChatMessage.js';
import type { CreateRoomRequest__Output as gateway_CreateRoomRequest } from './generated/gateway/CreateRoomRequest.js';
import type { DeleteRoomRequest__Output as gateway_DeleteRoomRequest } from './generated/gateway/DeleteRoomRequest.js';
import type { EnterRoomRequest__Output as gateway_EnterRoomRequest } from './generated/gateway/EnterRoomRequest.js';
import type { GetHistoryReply__Output as gateway_GetHistoryReply } from './generated/gateway/GetHistoryReply.js';
import type { GetHistoryRequest__Output as gateway_GetHistoryRequest } from './generated/gateway/GetHistoryRequest.js';
import type { GetPeopleReply__Output as gateway_GetPeopleReply } from './generated/gateway/GetPeopleReply.js';
import type { GetPeopleRequest__Output as gateway_GetPeopleRequest } from './generated/gateway/GetPeopleRequest.js';
import type { LeaveRoomRequest__Output as gateway_LeaveRoomRequest } from './generated/gateway/LeaveRoomRequest.js';
import type { ListRoomsReply__Output as gateway_ListRoomsReply } from './generated/gateway/ListRoomsReply.js';
import type { ListRoomsRequest__Output as gateway_ListRoomsRequest } from './generated/gateway/ListRoomsRequest.js';
import type { RoomInfo__Output as gateway_RoomInfo } from './generated/gateway/RoomInfo.js';
import type { RoomOpReply__Output as gateway_RoomOpReply } from './generated/gateway/RoomOpReply.js';
import type { SendMessageReply__Output as gateway_SendMessageReply } from './generated/gateway/SendMessageReply.js';
import type { SendMessageRequest__Output as gateway_SendMessageRequest } from './generated/gateway/SendMessageRequest.js';
import type { SubscribeRequest__Output as gateway_SubscribeRequest } from './generated/gateway/SubscribeRequest.js';

export namespace auth {
  export type AddUserReply = auth_AddUserReply;
  export type AddUserRequest = auth_AddUserRequest;
  export type LoginReply = auth_LoginReply;
  export type LoginRequest = auth_LoginRequest;
  export type LogoutReply = auth_LogoutReply;
  export type LogoutRequest = auth_LogoutRequest;
  export type RemoveUserReply = auth_RemoveUserReply;
  export type RemoveUserRequest = auth_RemoveUserRequest;
  export type SessionInfo = auth_SessionInfo;
  export type ValidateReply = auth_ValidateReply;
  export type ValidateRequest = auth_ValidateRequest;
  export type WhoIsLoggedInReply = auth_WhoIsLoggedInReply;
  export type WhoIsLoggedInRequest = auth_WhoIsLoggedInRequest;
}

export namespace chat {
  export type CreateRoomReply = chat_CreateRoomReply;
  export type CreateRoomRequest = chat_CreateRoomRequest;
  export type DeleteRoomReply = chat_DeleteRoomReply;
  export type DeleteRoomRequest = chat_DeleteRoomRequest;
  export type EnterRoomReply = chat_EnterRoomReply;
  export type EnterRoomRequest = chat_EnterRoomRequest;
  export type GetPeopleReply = chat_GetPeopleReply;
  export type GetPeopleRequest = chat_GetPeopleRequest;
  export type LeaveRoomReply = chat_LeaveRoomReply;
  export type LeaveRoomRequest = chat_LeaveRoomRequest;
  export type ListRoomsReply = chat_ListRoomsReply;
  export type ListRoomsRequest = chat_ListRoomsRequest;
  export type RoomInfo = chat_RoomInfo;
}

export namespace chatmsg {
  export type ChatMessage = chatmsg_ChatMessage;
  export type GetHistoryReply = chatmsg_GetHistoryReply;
  export type GetHistoryRequest = chatmsg_GetHistoryRequest;
  export type SendMessageReply = chatmsg_SendMessageReply;
  export type SendMessageRequest = chatmsg_SendMessageRequest;
  export type SubscribeRequest = chatmsg_SubscribeRequest;
}

export namespace gateway {
  export type Auth = gateway_Auth;
  export type ChatMessage = gateway_ChatMessage;
  export type CreateRoomRequest = gateway_CreateRoomRequest;
  export type DeleteRoomRequest = gateway_DeleteRoomRequest;
  export type EnterRoomRequest = gateway_EnterRoomRequest;
  export type GetHistoryReply = gateway_GetHistoryReply;
  export type GetHistoryRequest = gateway_GetHistoryRequest;
  export type GetPeopleReply = gateway_GetPeopleReply;
  export type GetPeopleRequest = gateway_GetPeopleRequest;
  export type LeaveRoomRequest = gateway_LeaveRoomRequest;
  export type ListRoomsReply = gateway_ListRoomsReply;
  export type ListRoomsRequest = gateway_ListRoomsRequest;
  export type RoomInfo = gateway_RoomInfo;
  export type RoomOpReply = gateway_RoomOpReply;
  export type SendMessageReply = gateway_SendMessageReply;
  export type SendMessageRequest = gateway_SendMessageRequest;
  export type SubscribeRequest = gateway_SubscribeRequest;
}
