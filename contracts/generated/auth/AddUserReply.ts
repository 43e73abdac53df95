// Original file: contracts/proto/auth.proto


export interface AddUserReply {
  'ok'?: (boolean);
}

export interface AddUserReply__Output {
  'ok': (boolean);
}
