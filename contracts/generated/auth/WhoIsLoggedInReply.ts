// Original file: contracts/proto/auth.proto

import type { SessionInfo as _auth_SessionInfo, SessionInfo__Output as _auth_SessionInfo__Output } from '../auth/SessionInfo';

export interface WhoIsLoggedInReply {
  'sessions'?: (_auth_SessionInfo)[];
}

export interface WhoIsLoggedInReply__Output {
  'sessions': (_auth_SessionInfo__Output)[];
}
