// Original file: contracts/proto/auth.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddUserReply as _auth_AddUserReply, AddUserReply__Output as _auth_AddUserReply__Output } from '../auth/AddUserReply';
import type { AddUserRequest as _auth_AddUserRequest, AddUserRequest__Output as _auth_AddUserRequest__Output } from '../auth/AddUserRequest';
import type { LoginReply as _auth_LoginReply, LoginReply__Output as _auth_LoginReply__Output } from '../auth/LoginReply';
import type { LoginRequest as _auth_LoginRequest, LoginRequest__Output as _auth_LoginRequest__Output } from '../auth/LoginRequest';
import type { LogoutReply as _auth_LogoutReply, LogoutReply__Output as _auth_LogoutReply__Output } from '../auth/LogoutReply';
import type { LogoutRequest as _auth_LogoutRequest, LogoutRequest__Output as _auth_LogoutRequest__Output } from '../auth/LogoutRequest';
import type { RemoveUserReply as _auth_RemoveUserReply, RemoveUserReply__Output as _auth_RemoveUserReply__Output } from '../auth/RemoveUserReply';
import type { RemoveUserRequest as _auth_RemoveUserRequest, RemoveUserRequest__Output as _auth_RemoveUserRequest__Output } from '../auth/RemoveUserRequest';
import type { ValidateReply as _auth_ValidateReply, ValidateReply__Output as _auth_ValidateReply__Output } from '../auth/ValidateReply';
import type { ValidateRequest as _auth_ValidateRequest, ValidateRequest__Output as _auth_ValidateRequest__Output } from '../auth/ValidateRequest';
import type { WhoIsLoggedInReply as _auth_WhoIsLoggedInReply, WhoIsLoggedInReply__Output as _auth_WhoIsLoggedInReply__Output } from '../auth/WhoIsLoggedInReply';
import type { WhoIsLoggedInRequest as _auth_WhoIsLoggedInRequest, WhoIsLoggedInRequest__Output as _auth_WhoIsLoggedInRequest__Output } from '../auth/WhoIsLoggedInRequest';

export interface LoginServiceClient extends grpc.Client {
  AddUser(argument: _auth_AddUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_AddUserReply__Output>): grpc.ClientUnaryCall;
  AddUser(argument: _auth_AddUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_AddUserReply__Output>): grpc.ClientUnaryCall;
  AddUser(argument: _auth_AddUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_AddUserReply__Output>): grpc.ClientUnaryCall;
  AddUser(argument: _auth_AddUserRequest, callback: grpc.requestCallback<_auth_AddUserReply__Output>): grpc.ClientUnaryCall;
  addUser(argument: _auth_AddUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_AddUserReply__Output>): grpc.ClientUnaryCall;
  addUser(argument: _auth_AddUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_AddUserReply__Output>): grpc.ClientUnaryCall;
  addUser(argument: _auth_AddUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_AddUserReply__Output>): grpc.ClientUnaryCall;
  addUser(argument: _auth_AddUserRequest, callback: grpc.requestCallback<_auth_AddUserReply__Output>): grpc.ClientUnaryCall;
  
  Login(argument: _auth_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_LoginReply__Output>): grpc.ClientUnaryCall;
  Login(argument: _auth_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_LoginReply__Output>): grpc.ClientUnaryCall;
  Login(argument: _auth_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_LoginReply__Output>): grpc.ClientUnaryCall;
  Login(argument: _auth_LoginRequest, callback: grpc.requestCallback<_auth_LoginReply__Output>): grpc.ClientUnaryCall;
  login(argument: _auth_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_LoginReply__Output>): grpc.ClientUnaryCall;
  login(argument: _auth_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_LoginReply__Output>): grpc.ClientUnaryCall;
  login(argument: _auth_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_LoginReply__Output>): grpc.ClientUnaryCall;
  login(argument: _auth_LoginRequest, callback: grpc.requestCallback<_auth_LoginReply__Output>): grpc.ClientUnaryCall;
  
  /**
   * Additions.
   * Ends the session of the credential (request field or bearer metadata).
   */
  Logout(argument: _auth_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_LogoutReply__Output>): grpc.ClientUnaryCall;
  Logout(argument: _auth_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_LogoutReply__Output>): grpc.ClientUnaryCall;
  Logout(argument: _auth_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_LogoutReply__Output>): grpc.ClientUnaryCall;
  Logout(argument: _auth_LogoutRequest, callback: grpc.requestCallback<_auth_LogoutReply__Output>): grpc.ClientUnaryCall;
  /**
   * Additions.
   * Ends the session of the credential (request field or bearer metadata).
   */
  logout(argument: _auth_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_LogoutReply__Output>): grpc.ClientUnaryCall;
  logout(argument: _auth_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_LogoutReply__Output>): grpc.ClientUnaryCall;
  logout(argument: _auth_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_LogoutReply__Output>): grpc.ClientUnaryCall;
  logout(argument: _auth_LogoutRequest, callback: grpc.requestCallback<_auth_LogoutReply__Output>): grpc.ClientUnaryCall;
  
  /**
   * Caller may remove only themselves (credential in metadata); ends all their sessions.
   */
  RemoveUser(argument: _auth_RemoveUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_RemoveUserReply__Output>): grpc.ClientUnaryCall;
  RemoveUser(argument: _auth_RemoveUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_RemoveUserReply__Output>): grpc.ClientUnaryCall;
  RemoveUser(argument: _auth_RemoveUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_RemoveUserReply__Output>): grpc.ClientUnaryCall;
  RemoveUser(argument: _auth_RemoveUserRequest, callback: grpc.requestCallback<_auth_RemoveUserReply__Output>): grpc.ClientUnaryCall;
  /**
   * Caller may remove only themselves (credential in metadata); ends all their sessions.
   */
  removeUser(argument: _auth_RemoveUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_RemoveUserReply__Output>): grpc.ClientUnaryCall;
  removeUser(argument: _auth_RemoveUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_RemoveUserReply__Output>): grpc.ClientUnaryCall;
  removeUser(argument: _auth_RemoveUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_RemoveUserReply__Output>): grpc.ClientUnaryCall;
  removeUser(argument: _auth_RemoveUserRequest, callback: grpc.requestCallback<_auth_RemoveUserReply__Output>): grpc.ClientUnaryCall;
  
  Validate(argument: _auth_ValidateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_ValidateReply__Output>): grpc.ClientUnaryCall;
  Validate(argument: _auth_ValidateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_ValidateReply__Output>): grpc.ClientUnaryCall;
  Validate(argument: _auth_ValidateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_ValidateReply__Output>): grpc.ClientUnaryCall;
  Validate(argument: _auth_ValidateRequest, callback: grpc.requestCallback<_auth_ValidateReply__Output>): grpc.ClientUnaryCall;
  validate(argument: _auth_ValidateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_ValidateReply__Output>): grpc.ClientUnaryCall;
  validate(argument: _auth_ValidateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_ValidateReply__Output>): grpc.ClientUnaryCall;
  validate(argument: _auth_ValidateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_ValidateReply__Output>): grpc.ClientUnaryCall;
  validate(argument: _auth_ValidateRequest, callback: grpc.requestCallback<_auth_ValidateReply__Output>): grpc.ClientUnaryCall;
  
  /**
   * Authenticated. Credentials in the reply are session ids, never tokens.
   */
  WhoIsLoggedIn(argument: _auth_WhoIsLoggedInRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_WhoIsLoggedInReply__Output>): grpc.ClientUnaryCall;
  WhoIsLoggedIn(argument: _auth_WhoIsLoggedInRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_WhoIsLoggedInReply__Output>): grpc.ClientUnaryCall;
  WhoIsLoggedIn(argument: _auth_WhoIsLoggedInRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_WhoIsLoggedInReply__Output>): grpc.ClientUnaryCall;
  WhoIsLoggedIn(argument: _auth_WhoIsLoggedInRequest, callback: grpc.requestCallback<_auth_WhoIsLoggedInReply__Output>): grpc.ClientUnaryCall;
  /**
   * Authenticated. Credentials in the reply are session ids, never tokens.
   */
  whoIsLoggedIn(argument: _auth_WhoIsLoggedInRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_WhoIsLoggedInReply__Output>): grpc.ClientUnaryCall;
  whoIsLoggedIn(argument: _auth_WhoIsLoggedInRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_auth_WhoIsLoggedInReply__Output>): grpc.ClientUnaryCall;
  whoIsLoggedIn(argument: _auth_WhoIsLoggedInRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_auth_WhoIsLoggedInReply__Output>): grpc.ClientUnaryCall;
  whoIsLoggedIn(argument: _auth_WhoIsLoggedInRequest, callback: grpc.requestCallback<_auth_WhoIsLoggedInReply__Output>): grpc.ClientUnaryCall;
  
}

export interface LoginServiceHandlers extends grpc.UntypedServiceImplementation {
  AddUser: grpc.handleUnaryCall<_auth_AddUserRequest__Output, _auth_AddUserReply>;
  
  Login: grpc.handleUnaryCall<_auth_LoginRequest__Output, _auth_LoginReply>;
  
  /**
   * Additions.
   * Ends the session of the credential (request field or bearer metadata).
   */
  Logout: grpc.handleUnaryCall<_auth_LogoutRequest__Output, _auth_LogoutReply>;
  
  /**
   * Caller may remove only themselves (credential in metadata); ends all their sessions.
   */
  RemoveUser: grpc.handleUnaryCall<_auth_RemoveUserRequest__Output, _auth_RemoveUserReply>;
  
  Validate: grpc.handleUnaryCall<_auth_ValidateRequest__Output, _auth_ValidateReply>;
  
  /**
   * Authenticated. Credentials in the reply are session ids, never tokens.
   */
  WhoIsLoggedIn: grpc.handleUnaryCall<_auth_WhoIsLoggedInRequest__Output, _auth_WhoIsLoggedInReply>;
  
}

export interface LoginServiceDefinition extends grpc.ServiceDefinition {
  AddUser: MethodDefinition<_auth_AddUserRequest, _auth_AddUserReply, _auth_AddUserRequest__Output, _auth_AddUserReply__Output>
  Login: MethodDefinition<_auth_LoginRequest, _auth_LoginReply, _auth_LoginRequest__Output, _auth_LoginReply__Output>
  Logout: MethodDefinition<_auth_LogoutRequest, _auth_LogoutReply, _auth_LogoutRequest__Output, _auth_LogoutReply__Output>
  RemoveUser: MethodDefinition<_auth_RemoveUserRequest, _auth_RemoveUserReply, _auth_RemoveUserRequest__Output, _auth_RemoveUserReply__Output>
  Validate: MethodDefinition<_auth_ValidateRequest, _auth_ValidateReply, _auth_ValidateRequest__Output, _auth_ValidateReply__Output>
  WhoIsLoggedIn: MethodDefinition<_auth_WhoIsLoggedInRequest, _auth_WhoIsLoggedInReply, _auth_WhoIsLoggedInRequest__Output, _auth_WhoIsLoggedInReply__Output>
}
