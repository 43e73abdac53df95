/** The login function's operations, by RPC name (auth.LoginService, plus Authenticate for the other transports). */
import type { auth } from '../../contracts/types.js';
import type { Caller, Operation } from '../operation.js';
import { requireCaller } from '../operation.js';
import type { LoginLogic } from './logic.js';

export function loginOperations(logic: LoginLogic) {
  return {
    Login: ((_caller, req) => logic.login(req)) as Operation<auth.LoginRequest, auth.LoginReply>,
    Validate: ((_caller, req) => logic.validate(req)) as Operation<auth.ValidateRequest, auth.ValidateReply>,
    AddUser: ((_caller, req) => logic.addUser(req)) as Operation<auth.AddUserRequest, auth.AddUserReply>,
    RemoveUser: ((caller, req) => logic.removeUser(requireCaller(caller), req)) as Operation<auth.RemoveUserRequest, auth.RemoveUserReply>,
    WhoIsLoggedIn: ((caller) => logic.whoIsLoggedIn(requireCaller(caller))) as Operation<
      auth.WhoIsLoggedInRequest,
      auth.WhoIsLoggedInReply
    >,
    Logout: ((caller) => logic.logout(requireCaller(caller))) as Operation<auth.LogoutRequest, auth.LogoutReply>,
    /** Not an RPC: how a gateway turns a credential into a Caller. */
    Authenticate: ((_caller, req) => logic.authenticate(req.credential)) as Operation<{ credential: string }, Caller>,
  };
}

export type LoginOperations = ReturnType<typeof loginOperations>;
