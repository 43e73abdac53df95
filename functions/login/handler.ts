/** Lambda entry of the login function. */
import { lambdaEntry } from '../shared/lambda.js';
import { lambdaRuntime } from '../shared/lambda-runtime.js';

export const handler = lambdaEntry('login', () => lambdaRuntime().operations.login, {
  Login: 'auth.LoginRequest',
  Validate: 'auth.ValidateRequest',
  AddUser: 'auth.AddUserRequest',
  RemoveUser: 'auth.RemoveUserRequest',
  WhoIsLoggedIn: 'auth.WhoIsLoggedInRequest',
  Logout: 'auth.LogoutRequest',
});
