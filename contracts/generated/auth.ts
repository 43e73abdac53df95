import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddUserReply as _auth_AddUserReply, AddUserReply__Output as _auth_AddUserReply__Output } from './auth/AddUserReply';
import type { AddUserRequest as _auth_AddUserRequest, AddUserRequest__Output as _auth_AddUserRequest__Output } from './auth/AddUserRequest';
import type { LoginReply as _auth_LoginReply, LoginReply__Output as _auth_LoginReply__Output } from './auth/LoginReply';
import type { LoginRequest as _auth_LoginRequest, LoginRequest__Output as _auth_LoginRequest__Output } from './auth/LoginRequest';
import type { LoginServiceClient as _auth_LoginServiceClient, LoginServiceDefinition as _auth_LoginServiceDefinition } from './auth/LoginService';
import type { LogoutReply as _auth_LogoutReply, LogoutReply__Output as _auth_LogoutReply__Output } from './auth/LogoutReply';
import type { LogoutRequest as _auth_LogoutRequest, LogoutRequest__Output as _auth_LogoutRequest__Output } from './auth/LogoutRequest';
import type { RemoveUserReply as _auth_RemoveUserReply, RemoveUserReply__Output as _auth_RemoveUserReply__Output } from './auth/RemoveUserReply';
import type { RemoveUserRequest as _auth_RemoveUserRequest, RemoveUserRequest__Output as _auth_RemoveUserRequest__Output } from './auth/RemoveUserRequest';
import type { SessionInfo as _auth_SessionInfo, SessionInfo__Output as _auth_SessionInfo__Output } from './auth/SessionInfo';
import type { ValidateReply as _auth_ValidateReply, ValidateReply__Output as _auth_ValidateReply__Output } from './auth/ValidateReply';
import type { ValidateRequest as _auth_ValidateRequest, ValidateRequest__Output as _auth_ValidateRequest__Output } from './auth/ValidateRequest';
import type { WhoIsLoggedInReply as _auth_WhoIsLoggedInReply, WhoIsLoggedInReply__Output as _auth_WhoIsLoggedInReply__Output } from './auth/WhoIsLoggedInReply';
import type { WhoIsLoggedInRequest as _auth_WhoIsLoggedInRequest, WhoIsLoggedInRequest__Output as _auth_WhoIsLoggedInRequest__Output } from './auth/WhoIsLoggedInRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  auth: {
    AddUserReply: MessageTypeDefinition<_auth_AddUserReply, _auth_AddUserReply__Output>
    AddUserRequest: MessageTypeDefinition<_auth_AddUserRequest, _auth_AddUserRequest__Output>
    LoginReply: MessageTypeDefinition<_auth_LoginReply, _auth_LoginReply__Output>
    LoginRequest: MessageTypeDefinition<_auth_LoginRequest, _auth_LoginRequest__Output>
    LoginService: SubtypeConstructor<typeof grpc.Client, _auth_LoginServiceClient> & { service: _auth_LoginServiceDefinition }
    LogoutReply: MessageTypeDefinition<_auth_LogoutReply, _auth_LogoutReply__Output>
    LogoutRequest: MessageTypeDefinition<_auth_LogoutRequest, _auth_LogoutRequest__Output>
    RemoveUserReply: MessageTypeDefinition<_auth_RemoveUserReply, _auth_RemoveUserReply__Output>
    RemoveUserRequest: MessageTypeDefinition<_auth_RemoveUserRequest, _auth_RemoveUserRequest__Output>
    SessionInfo: MessageTypeDefinition<_auth_SessionInfo, _auth_SessionInfo__Output>
    ValidateReply: MessageTypeDefinition<_auth_ValidateReply, _auth_ValidateReply__Output>
    ValidateRequest: MessageTypeDefinition<_auth_ValidateRequest, _auth_ValidateRequest__Output>
    WhoIsLoggedInReply: MessageTypeDefinition<_auth_WhoIsLoggedInReply, _auth_WhoIsLoggedInReply__Output>
    WhoIsLoggedInRequest: MessageTypeDefinition<_auth_WhoIsLoggedInRequest, _auth_WhoIsLoggedInRequest__Output>
  }
}

