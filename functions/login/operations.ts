/** The login function's operations, by RPC name (auth.LoginService, plus Authenticate for the other transports). */
import type { auth } from '../../contracts/types.js';
import { type Caller, type OperationsOf, operation, requireCaller } from '../operation.js';
import type { LoginLogic } from './logic.js';

export const LOGIN = {
  Login: operation<auth.LoginRequest, auth.LoginReply>('auth.LoginRequest'),
  Validate: operation<auth.ValidateRequest, auth.ValidateReply>('auth.ValidateRequest'),
  AddUser: operation<auth.AddUserRequest, auth.AddUserReply>('auth.AddUserRequest'),
  RemoveUser: operation<auth.RemoveUserRequest, auth.RemoveUserReply>('auth.RemoveUserRequest'),
  WhoIsLoggedIn: operation<auth.WhoIsLoggedInRequest, auth.WhoIsLoggedInReply>('auth.WhoIsLoggedInRequest'),
  Logout: operation<auth.LogoutRequest, auth.LogoutReply>('auth.LogoutRequest'),
  /** Not an RPC: how a gateway turns a credential into a Caller. */
  Authenticate: operation<{ credential: string }, Caller>(),
};

export type LoginOperations = OperationsOf<typeof LOGIN>;

export function loginOperations(logic: LoginLogic): LoginOperations {
  return {
    Login: (_caller, req) => logic.login(req),
    Validate: (_caller, req) => logic.validate(req),
    AddUser: (_caller, req) => logic.addUser(req),
    RemoveUser: (caller, req) => logic.removeUser(requireCaller(caller), req),
    WhoIsLoggedIn: (caller) => logic.whoIsLoggedIn(requireCaller(caller)),
    Logout: (caller) => logic.logout(requireCaller(caller)),
    Authenticate: (_caller, req) => logic.authenticate(req.credential),
  };
}
