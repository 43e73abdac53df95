// Original file: contracts/proto/auth.proto


export interface RemoveUserReply {
  'ok'?: (boolean);
}

export interface RemoveUserReply__Output {
  'ok': (boolean);
}
