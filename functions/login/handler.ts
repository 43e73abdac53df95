/** Lambda entry of the login function. */
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaRuntime } from '../lambda/runtime.js';

export const handler = lambdaEntry('login', () => lambdaRuntime().operations.login, {
  Login: 'auth.LoginRequest',
  Validate: 'auth.ValidateRequest',
  AddUser: 'auth.AddUserRequest',
  RemoveUser: 'auth.RemoveUserRequest',
  WhoIsLoggedIn: 'auth.WhoIsLoggedInRequest',
  Logout: 'auth.LogoutRequest',
});
