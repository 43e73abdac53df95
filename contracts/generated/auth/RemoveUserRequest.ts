// Original file: contracts/proto/auth.proto


export interface RemoveUserRequest {
  'username'?: (string);
}

export interface RemoveUserRequest__Output {
  'username': (string);
}
