// Original file: contracts/proto/auth.proto


export interface LogoutReply {
  'ok'?: (boolean);
}

export interface LogoutReply__Output {
  'ok': (boolean);
}
